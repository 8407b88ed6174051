// Uncounted operations on a rectangle of one sheet that both Range and RangeList offer (and the
// sheet-wide variants reuse). Public methods wrap these in one rec.call each.
import type { CellValue } from '../snapshot';
import {
  assertInGrid,
  clearContents,
  clearFormats,
  clearLayer,
  fillValue,
  forEachCell,
  writeFormulas,
  writeLayer,
  writeStyle,
} from './cells';
import type { Rect } from './geometry';
import type { SheetModel, StyleKey, ValidationModel } from './model';

export interface ClearOptions {
  commentsOnly?: boolean;
  contentsOnly?: boolean;
  formatOnly?: boolean;
  validationsOnly?: boolean;
}

/**
 * Range.clear(): without options contents and formats go; with options only what they name, and
 * options naming nothing clear everything (notes and validations too), as documented.
 */
export function clearRange(sheet: SheetModel, rect: Rect, options?: ClearOptions): void {
  const o = options ?? { contentsOnly: true, formatOnly: true };
  const any = o.commentsOnly || o.contentsOnly || o.formatOnly || o.validationsOnly;
  if (!any || o.contentsOnly) clearContents(sheet, rect);
  if (!any || o.formatOnly) clearFormats(sheet, rect);
  if (!any || o.validationsOnly) clearLayer(sheet.validations, rect);
  if (!any || o.commentsOnly) clearLayer(sheet.notes, rect);
}

export function setValue(sheet: SheetModel, rect: Rect, value: unknown): void {
  fillValue(sheet, rect, value);
}

export function setFormula(sheet: SheetModel, rect: Rect, formula: unknown): void {
  writeFormulas(sheet, rect, () => formula);
}

export function setStyle(
  sheet: SheetModel,
  rect: Rect,
  key: StyleKey,
  value: string | undefined,
): void {
  writeStyle(sheet, key, rect, () => value);
}

export function setNumberFormat(sheet: SheetModel, rect: Rect, format: unknown): void {
  writeLayer(sheet, sheet.numberFormats, rect, () =>
    format === null ? undefined : String(format),
  );
}

export function setNote(sheet: SheetModel, rect: Rect, note: unknown): void {
  writeLayer(sheet, sheet.notes, rect, () => (note === null ? undefined : String(note)));
}

export function setValidation(sheet: SheetModel, rect: Rect, v: ValidationModel | undefined): void {
  writeLayer(sheet, sheet.validations, rect, () => v);
  if (isCheckbox(v)) forEachCell(rect, (r, c) => fillUnchecked(sheet, r, c, v));
}

/**
 * A checkbox rule just set on a cell (0-based): in the `checkboxFill: 'false'` world an empty
 * cell takes the unchecked value, as insertCheckboxes documents for itself. Undocumented for
 * requireCheckbox.
 */
export function fillUnchecked(sheet: SheetModel, r: number, c: number, v: ValidationModel): void {
  if (sheet.workbook.variants.checkboxFill !== 'false') return;
  const { unchecked } = checkboxValues(v);
  if (unchecked !== '' && !sheet.hasContent(r + 1, c + 1)) {
    sheet.values.set(r, c, unchecked as CellValue);
  }
}

export function clearNotes(sheet: SheetModel, rect: Rect): void {
  clearLayer(sheet.notes, rect);
}

export function clearValidations(sheet: SheetModel, rect: Rect): void {
  clearLayer(sheet.validations, rect);
}

export function clearContent(sheet: SheetModel, rect: Rect): void {
  clearContents(sheet, rect);
}

export function clearFormat(sheet: SheetModel, rect: Rect): void {
  clearFormats(sheet, rect);
}

// Checkboxes --------------------------------------------------------------------------------------

export function isCheckbox(v: ValidationModel | undefined): v is ValidationModel {
  return v?.criteria === 'CHECKBOX';
}

/** The values a checkbox cell holds when ticked / not ticked (TRUE/FALSE unless customised). */
export function checkboxValues(v: ValidationModel): { checked: unknown; unchecked: unknown } {
  if (v.values.length === 0) return { checked: true, unchecked: false };
  return { checked: v.values[0], unchecked: v.values[1] ?? '' };
}

const sameValue = (a: unknown, b: unknown): boolean =>
  a === b || (typeof a !== 'boolean' && typeof b !== 'boolean' && String(a) === String(b));

/** true ticked, false not ticked, null when the cell is no checkbox or holds something else. */
export function checkboxState(sheet: SheetModel, r: number, c: number): boolean | null {
  const v = sheet.validations.get(r, c);
  if (!isCheckbox(v)) return null;
  const { checked, unchecked } = checkboxValues(v);
  const value: CellValue = sheet.values.get(r, c) ?? '';
  if (sameValue(value, checked)) return true;
  if (sameValue(value, unchecked) || value === '') return false;
  return null;
}

/** insertCheckboxes: the checkbox rule everywhere; the unchecked value into EMPTY cells only. */
export function insertCheckboxes(sheet: SheetModel, rect: Rect, values: unknown[]): void {
  const rule: ValidationModel = {
    criteria: 'CHECKBOX',
    values: values.slice(0, 2),
    allowInvalid: false,
    helpText: null,
  };
  assertInGrid(sheet, rect);
  const { unchecked } = checkboxValues(rule);
  forEachCell(rect, (r, c) => {
    sheet.validations.set(r, c, rule);
    const empty = !sheet.hasContent(r + 1, c + 1);
    if (empty && unchecked !== '') sheet.values.set(r, c, unchecked as CellValue);
  });
}

/** removeCheckboxes: drops the rule, and the value too when it is the checked/unchecked value. */
export function removeCheckboxes(sheet: SheetModel, rect: Rect): void {
  forEachCell(rect, (r, c) => {
    const v = sheet.validations.get(r, c);
    if (!isCheckbox(v)) return;
    if (checkboxState(sheet, r, c) !== null) {
      sheet.values.set(r, c, undefined);
      sheet.formulas.set(r, c, undefined);
    }
    sheet.validations.set(r, c, undefined);
  });
}

/** check/uncheck: only cells that are checkboxes change. */
export function setChecked(sheet: SheetModel, rect: Rect, checked: boolean): void {
  forEachCell(rect, (r, c) => {
    const v = sheet.validations.get(r, c);
    if (!isCheckbox(v)) return;
    const value = checked ? checkboxValues(v).checked : checkboxValues(v).unchecked;
    sheet.formulas.set(r, c, undefined);
    sheet.values.set(r, c, value === '' ? undefined : (value as CellValue));
  });
}

/** Range.isChecked: true / false when every cell agrees, else null. */
export function isChecked(sheet: SheetModel, rect: Rect): boolean | null {
  const states = new Set<boolean | null>();
  forEachCell(rect, (r, c) => states.add(checkboxState(sheet, r, c)));
  if (states.size !== 1 || states.has(null)) return null;
  return states.has(true);
}
