// The grid of a sheet: Sheets refuses a range that reaches past its rows or columns ("The
// coordinates of the range are outside the dimensions of the sheet."), it never grows the sheet
// for a write. Everything that adds rows below the data grows the grid first, here.
import type { Cell } from './table';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Adds rows and columns at the end so that (lastRow, lastColumn) is inside the grid. */
export function ensureGrid(sheet: Sheet, lastRow: number, lastColumn: number): void {
  const maxRows = sheet.getMaxRows();
  if (lastRow > maxRows) sheet.insertRowsAfter(maxRows, lastRow - maxRows);
  const maxColumns = sheet.getMaxColumns();
  if (lastColumn > maxColumns) sheet.insertColumnsAfter(maxColumns, lastColumn - maxColumns);
}

/**
 * Writes `rows` (each `width` cells) under the last row with content, growing the grid first.
 * One row goes in with appendRow, one call that grows the sheet itself and picks the row on
 * Google's side (no window between finding the last row and writing); several rows in one write
 * after growing the grid (4 calls whatever their number).
 */
export function appendBelowData(sheet: Sheet, rows: readonly Cell[][], width: number): void {
  if (rows.length === 0) return;
  if (rows.length === 1) {
    sheet.appendRow(rows[0]!.slice(0, Math.max(width, 1)));
    return;
  }
  const first = sheet.getLastRow() + 1;
  ensureGrid(sheet, first + rows.length - 1, width);
  sheet.getRange(first, 1, rows.length, width).setValues(rows as Cell[][]);
}
