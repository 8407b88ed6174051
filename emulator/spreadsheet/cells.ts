// Reading and writing the cells of a rectangle: the shared, uncounted core behind Range,
// RangeList, Sheet.appendRow, the TextFinder and the host helpers. Public service methods wrap
// these in rec.call; calling these directly never counts.
import { isDate } from '../recorder';
import type { CellValue } from '../snapshot';
import { gasError } from './not-emulated';
import { displayValue } from './format';
import type { Rect } from './geometry';
import type { Layer } from './layer';
import type { SheetModel, StyleKey } from './model';
import { copyValue, enterValue } from './values';

export type Grid<T> = T[][];

/** Apps Script's message for a range that reaches past the sheet's rows or columns. */
export const OUTSIDE_GRID_MESSAGE =
  'The coordinates of the range are outside the dimensions of the sheet.';

/**
 * A range must lie inside the grid (getMaxRows × getMaxColumns): Google refuses it rather than
 * growing the sheet. Only appendRow, the insertRows/insertColumns family and a person grow a sheet.
 */
export function assertInGrid(sheet: SheetModel, rect: Rect): void {
  if (
    rect.row + rect.numRows - 1 > sheet.maxRows ||
    rect.column + rect.numColumns - 1 > sheet.maxColumns
  ) {
    throw gasError(OUTSIDE_GRID_MESSAGE);
  }
}

/** Calls `fn` for each cell of the rectangle with 0-based layer coordinates and offsets. */
function eachCell(rect: Rect, fn: (r: number, c: number, i: number, j: number) => void): void {
  for (let i = 0; i < rect.numRows; i++) {
    for (let j = 0; j < rect.numColumns; j++) fn(rect.row - 1 + i, rect.column - 1 + j, i, j);
  }
}

export function readLayer<T, D>(
  layer: Layer<T>,
  rect: Rect,
  fallback: D,
  map?: (v: T) => T | D,
): Grid<T | D> {
  const out: Grid<T | D> = [];
  for (let i = 0; i < rect.numRows; i++) {
    const row = layer.rowView(rect.row - 1 + i);
    const line: (T | D)[] = new Array(rect.numColumns);
    for (let j = 0; j < rect.numColumns; j++) {
      const v = row?.[rect.column - 1 + j];
      line[j] = v === undefined ? fallback : map ? map(v) : v;
    }
    out.push(line);
  }
  return out;
}

/** Host-realm values ("" for empty); Dates are fresh copies. */
export function readValues(sheet: SheetModel, rect: Rect): Grid<CellValue> {
  return readLayer<CellValue, CellValue>(sheet.values, rect, '', copyValue);
}

export function readFormulas(sheet: SheetModel, rect: Rect): Grid<string> {
  return readLayer(sheet.formulas, rect, '');
}

export function readDisplayValues(sheet: SheetModel, rect: Rect): Grid<string> {
  const tz = sheet.workbook.timeZone;
  const out = readValues(sheet, rect).map((row) => row.map(() => ''));
  eachCell(rect, (r, c, i, j) => {
    const v = sheet.values.get(r, c);
    if (v !== undefined) out[i]![j] = displayValue(v, sheet.numberFormats.get(r, c), tz);
  });
  return out;
}

/** Apps Script's check that a 2-D array fits the range exactly. */
export function checkDimensions(data: readonly unknown[][], rect: Rect): void {
  if (data.length !== rect.numRows) {
    throw gasError(
      `The number of rows in the data does not match the number of rows in the range. The data has ${data.length} but the range has ${rect.numRows}.`,
    );
  }
  for (const row of data) {
    if (row.length !== rect.numColumns) {
      throw gasError(
        `The number of columns in the data does not match the number of columns in the range. The data has ${row.length} but the range has ${rect.numColumns}.`,
      );
    }
  }
}

/** Apps Script's message when arguments do not fit any overload, e.g. setValues("x"). */
export function signatureError(method: string, args: readonly unknown[]): Error {
  const typeName = (a: unknown): string => {
    if (a === null) return 'null';
    if (Array.isArray(a)) return 'Object[]';
    if (isDate(a)) return 'Date';
    if (typeof a === 'number') return 'number';
    if (typeof a === 'string') return 'String';
    if (typeof a === 'boolean') return 'Boolean';
    return typeof a === 'undefined' ? 'undefined' : 'Object';
  };
  return gasError(
    `The parameters (${args.map(typeName).join(',')}) don't match the method signature for ${method}.`,
  );
}

/** A 2-D array argument from the script (any realm), checked like Apps Script does. */
export function asGrid(data: unknown, method: string, rect: Rect): unknown[][] {
  if (!Array.isArray(data) || !data.every((row) => Array.isArray(row))) {
    throw signatureError(method, [data]);
  }
  checkDimensions(data as unknown[][], rect);
  return data as unknown[][];
}

function storeEntry(sheet: SheetModel, r: number, c: number, raw: unknown): void {
  const entered = enterValue(raw, sheet.numberFormats.get(r, c), sheet.workbook.entryContext());
  sheet.values.set(r, c, entered.value === '' ? undefined : entered.value);
  sheet.formulas.set(r, c, entered.formula);
}

/** setValues: each value entered as if typed (strings parsed unless the cell is '@'). */
export function writeValues(sheet: SheetModel, rect: Rect, data: readonly unknown[][]): void {
  assertInGrid(sheet, rect);
  eachCell(rect, (r, c, i, j) => storeEntry(sheet, r, c, data[i]![j]));
}

/** setValue on a range: the same value into every cell. */
export function fillValue(sheet: SheetModel, rect: Rect, raw: unknown): void {
  assertInGrid(sheet, rect);
  eachCell(rect, (r, c) => storeEntry(sheet, r, c, raw));
}

/** setFormula(s): stored as given; an empty string clears the cell. */
export function writeFormulas(
  sheet: SheetModel,
  rect: Rect,
  data: (i: number, j: number) => unknown,
): void {
  assertInGrid(sheet, rect);
  eachCell(rect, (r, c, i, j) => {
    const f = String(data(i, j) ?? '');
    if (f === '') {
      sheet.values.set(r, c, undefined);
      sheet.formulas.set(r, c, undefined);
      return;
    }
    // A "formula" without '=' is entered like typed text.
    storeEntry(sheet, r, c, f);
  });
}

/** Writes one attribute layer; `data(i, j)` undefined or '' clears it. */
export function writeLayer<T>(
  sheet: SheetModel,
  layer: Layer<T>,
  rect: Rect,
  data: (i: number, j: number) => T | undefined | null,
): void {
  assertInGrid(sheet, rect);
  eachCell(rect, (r, c, i, j) => {
    const v = data(i, j);
    layer.set(r, c, v === null || v === '' ? undefined : (v as T | undefined));
  });
}

export function writeStyle(
  sheet: SheetModel,
  key: StyleKey,
  rect: Rect,
  data: (i: number, j: number) => string | null | undefined,
): void {
  writeLayer(sheet, sheet.styles[key], rect, data);
}

export function clearLayer(layer: Layer<unknown>, rect: Rect): void {
  eachCell(rect, (r, c) => layer.set(r, c, undefined));
}

export function clearContents(sheet: SheetModel, rect: Rect): void {
  clearLayer(sheet.values, rect);
  clearLayer(sheet.formulas, rect);
}

export function clearFormats(sheet: SheetModel, rect: Rect): void {
  clearLayer(sheet.numberFormats, rect);
  for (const layer of Object.values(sheet.styles)) clearLayer(layer, rect);
}

export function rectCells(rect: Rect): number {
  return rect.numRows * rect.numColumns;
}

export function forEachCell(
  rect: Rect,
  fn: (r: number, c: number, i: number, j: number) => void,
): void {
  eachCell(rect, fn);
}
