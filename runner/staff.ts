// What staff type, by header: shared by the demo, the bundle tests and the bench, so all three
// fill the sheets as a person would and none depends on column positions.
import type { Emulator } from '../emulator/index';
import type { CellValue } from '../emulator/snapshot';
import { SHEET } from '../src/core/schema';

/** `rows` (field → value) laid out under `headers`; unknown headers get ''. */
export function underHeaders<F extends string, V extends CellValue>(
  headers: readonly CellValue[],
  schema: Readonly<Record<F, string>>,
  rows: readonly Partial<Record<F, V>>[],
): (V | '')[][] {
  const fieldAt = headers.map(
    (h) => (Object.keys(schema) as F[]).find((f) => schema[f] === String(h)) ?? null,
  );
  return rows.map((row) => fieldAt.map((f) => (f === null ? '' : (row[f] ?? ''))));
}

/**
 * Types the rows below the last filled row of `sheet` (onEdit fires); returns the first row. A
 * row of unticked checkboxes looks empty to a person, so FALSE-only rows count as free.
 */
export function typeRows<F extends string>(
  emu: Emulator,
  sheet: string,
  schema: Readonly<Record<F, string>>,
  rows: readonly Partial<Record<F, string | boolean>>[],
): number {
  const values = emu.person.values(sheet);
  let filled = values.length;
  while (filled > 1 && values[filled - 1]!.every((v) => v === '' || v === false)) filled--;
  const firstRow = filled + 1;
  emu.edit(sheet, `A${firstRow}`, underHeaders(values[0] ?? [], schema, rows));
  return firstRow;
}

/** Sets one 設定 value (column 値) by its key (column 項目), as a person types it. */
export function setSetting(emu: Emulator, key: string, value: string): void {
  const index = emu.person.values(SHEET.settings).findIndex((r) => String(r[0]) === key);
  if (index < 0) throw new Error(`setSetting: no 設定 row ${key}`);
  emu.edit(SHEET.settings, `B${index + 1}`, [[value]]);
}
