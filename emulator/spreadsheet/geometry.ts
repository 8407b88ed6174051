// Rectangles of cells and how they move when rows or columns are inserted or deleted. Used for
// everything that remembers a place on a sheet: protections, the filter, conditional formats,
// validation source ranges, charts and the selection.

/** 1-based, like Apps Script. */
export interface Rect {
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

export type Dimension = 'ROWS' | 'COLUMNS';

function span(rect: Rect, dim: Dimension): [start: number, length: number] {
  return dim === 'ROWS' ? [rect.row, rect.numRows] : [rect.column, rect.numColumns];
}

function withSpan(rect: Rect, dim: Dimension, start: number, length: number): Rect {
  return dim === 'ROWS'
    ? { ...rect, row: start, numRows: length }
    : { ...rect, column: start, numColumns: length };
}

/**
 * `count` lines inserted before line `at`: lines at or after `at` move down; a rectangle that
 * straddles `at` grows (Sheets extends a range when rows are inserted inside it).
 */
export function rectAfterInsert(rect: Rect, dim: Dimension, at: number, count: number): Rect {
  const [start, length] = span(rect, dim);
  if (at <= start) return withSpan(rect, dim, start + count, length);
  if (at < start + length) return withSpan(rect, dim, start, length + count);
  return rect;
}

/** Lines `at`..`at+count-1` deleted: the rectangle shrinks or moves up; null when all of it went. */
export function rectAfterDelete(
  rect: Rect,
  dim: Dimension,
  at: number,
  count: number,
): Rect | null {
  const [start, length] = span(rect, dim);
  const end = start + length; // exclusive
  const delEnd = at + count;
  const removed = Math.max(0, Math.min(end, delEnd) - Math.max(start, at));
  if (removed === length) return null;
  const newStart = start >= delEnd ? start - count : Math.min(start, at);
  return withSpan(rect, dim, newStart, length - removed);
}

export function rectContains(rect: Rect, row: number, column: number): boolean {
  return (
    row >= rect.row &&
    row < rect.row + rect.numRows &&
    column >= rect.column &&
    column < rect.column + rect.numColumns
  );
}
