// Sorting rows the way Sheets does: numbers and dates first, then text (case-insensitive), then
// booleans; empty cells always last, whatever the direction. Ties keep their order (stable).
import { isDate } from '../recorder';
import type { CellValue } from '../snapshot';
import type { SheetModel } from './model';

export interface SortKey {
  /** Sheet column, 1-based. */
  column: number;
  ascending: boolean;
}

function rank(v: CellValue): number {
  if (typeof v === 'number' || isDate(v)) return 0;
  if (typeof v === 'string') return 1;
  return 2;
}

function compareValues(a: CellValue, b: CellValue): number {
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra - rb;
  if (ra === 0) return Number(a) - Number(b); // Number(Date) is its instant
  if (ra === 1) {
    const x = String(a).toLowerCase();
    const y = String(b).toLowerCase();
    return x < y ? -1 : x > y ? 1 : 0;
  }
  return Number(a) - Number(b);
}

const isEmpty = (v: CellValue | undefined): v is undefined | '' => v === undefined || v === '';

/**
 * Sorts rows `firstRow`..`lastRow` (1-based, inclusive) of columns c0..c1 by `keys`, moving every
 * per-cell layer (values, formats, notes, validations) with the rows.
 */
export function sortRows(
  sheet: SheetModel,
  firstRow: number,
  lastRow: number,
  c0: number,
  c1: number,
  keys: readonly SortKey[],
): void {
  const count = lastRow - firstRow + 1;
  if (count < 2) return;
  const order = Array.from({ length: count }, (_, i) => i);
  const cell = (i: number, column: number): CellValue | undefined =>
    sheet.values.get(firstRow - 1 + i, column - 1);
  order.sort((i, j) => {
    for (const key of keys) {
      const a = cell(i, key.column);
      const b = cell(j, key.column);
      if (isEmpty(a) || isEmpty(b)) {
        if (isEmpty(a) && isEmpty(b)) continue;
        return isEmpty(a) ? 1 : -1;
      }
      const c = compareValues(a, b);
      if (c !== 0) return key.ascending ? c : -c;
    }
    return i - j;
  });
  sheet.permuteRows(firstRow, order, c0, c1);
}
