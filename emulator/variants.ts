// Where Google does not document an answer, the emulator offers each plausible one as a named
// variant; the product must be right in every one of them. A "world" is one choice per variant.
// The default world is the strictest plausible one (the answers that broke the product before it
// was fixed for them); tests run the bundle in every world (test/world.ts, vitest.config.ts).

export interface Variants {
  /**
   * `Sheet.getSheetValues` with -1 rows or columns when that leaves nothing to read (an empty
   * sheet, a start below the last row or right of the last column): it throws as getRange does
   * for 0 rows, returns [], or returns one blank cell [['']] as getDataRange() gives on an
   * empty sheet.
   */
  emptyRead: 'throws' | 'empty' | 'blankCell';
  /**
   * A checkbox data validation (`requireCheckbox`) set on cells: FALSE is written into every
   * empty cell of its range (as `Range.insertCheckboxes` documents for itself), or the empty
   * cells stay empty.
   */
  checkboxFill: 'false' | 'none';
  /**
   * `Sheet.insertRowsAfter/Before` (and the one-row forms) called by the script: the new rows
   * take the number formats, styles and data validation of the neighbouring row, or none.
   */
  insertRowsCopy: 'formats' | 'none';
  /**
   * Text entered into an automatic-format cell (a person typing, or the script's setValue) in
   * forms Google does not list: `2026-12`, `2026年12月1日`, `12/1` are parsed into Dates, or kept
   * as text. `2026/12/1` and `2026-12-01` are dates in both; era dates (令和8年12月1日) text in both.
   */
  typedDates: 'dates' | 'text';
}

/** The strictest plausible world: what the emulator does unless told otherwise. */
export const DEFAULT_VARIANTS: Readonly<Variants> = Object.freeze({
  emptyRead: 'blankCell',
  checkboxFill: 'false',
  insertRowsCopy: 'none',
  typedDates: 'dates',
});

/**
 * The worlds the test matrix runs. Not the full cross product (3 × 2 × 2 × 2 = 24): three worlds
 * that together take every alternative of every variant at least once.
 */
export const WORLDS: Readonly<Record<string, Readonly<Variants>>> = Object.freeze({
  strict: DEFAULT_VARIANTS,
  lenient: Object.freeze({
    emptyRead: 'throws',
    checkboxFill: 'none',
    insertRowsCopy: 'formats',
    typedDates: 'text',
  }),
  mixed: Object.freeze({
    emptyRead: 'empty',
    checkboxFill: 'false',
    insertRowsCopy: 'formats',
    typedDates: 'text',
  }),
});

export const WORLD_NAMES = Object.keys(WORLDS);

/** The variants of a named world; throws for an unknown name (a typo must not run strict). */
export function worldVariants(name: string): Readonly<Variants> {
  const world = WORLDS[name];
  if (!world) {
    throw new Error(`unknown emulator world "${name}" (known: ${WORLD_NAMES.join(', ')})`);
  }
  return world;
}

/** Every variant filled in: the default world's answer where `partial` says nothing. */
export function resolveVariants(partial: Partial<Variants> | undefined): Readonly<Variants> {
  return Object.freeze({ ...DEFAULT_VARIANTS, ...(partial ?? {}) });
}
