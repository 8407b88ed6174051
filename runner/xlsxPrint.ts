// One sheet of a runner workbook, made ready to print (npm run docs:pictures prints it with
// LibreOffice for the guide's pictures). The sheet is rebuilt from the runner's own snapshot, not
// re-saved by ExcelJS: ExcelJS writes a date or time as 25569 + ms / day, which stores 14:00 as
// 0.58333333333212 — a hair below 14:00 — and LibreOffice's h:mm, which cuts seconds off rather
// than rounding, printed it as 13:59. The runner's writer (excelSerial) stores what Excel stores
// for a typed 14:00, so the printed sheet shows the times the workbook holds.
import type ExcelJS from 'exceljs';
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from '../emulator/snapshot';
import { workbookFromSnapshot } from './xlsx';
import { META_SHEET } from './xlsxMeta';

export interface PrintOptions {
  /** Header texts (row 1) of columns to leave out, so the rest is large enough to read. */
  hide?: readonly string[];
  /** Header texts of columns whose cells are printed whole: wrapped, each row as tall as needed. */
  wrap?: readonly string[];
  /**
   * Header texts of checkbox columns: TRUE / FALSE print as ☑ / ☐, as Sheets draws them (an xlsx
   * has no checkbox, and LibreOffice would print 1 and nothing, or TRUE and FALSE).
   */
  checkboxes?: readonly string[];
}

/** A workbook holding only `sheetName` of `snapshot`, landscape A4, fitted to the page width. */
export function printableSheet(
  snapshot: WorkbookSnapshot,
  sheetName: string,
  options: PrintOptions = {},
): ExcelJS.Workbook {
  const sheet = snapshot.sheets.find((s) => s.name === sheetName);
  if (!sheet) throw new Error(`printableSheet: no sheet ${sheetName}`);
  const printed = asCheckboxes(withoutBlankTail(sheet), options.checkboxes ?? []);
  const book = workbookFromSnapshot({ ...snapshot, sheets: [printed] });
  const meta = book.getWorksheet(META_SHEET);
  if (meta) book.removeWorksheet(meta.id);
  const ws = book.getWorksheet(sheetName)!;
  const headers = (sheet.values[0] ?? []).map(String);
  for (const header of options.hide ?? []) {
    const index = headers.indexOf(header);
    if (index >= 0) ws.getColumn(index + 1).hidden = true;
  }
  for (const header of options.wrap ?? []) {
    const index = headers.indexOf(header);
    if (index >= 0) wrapColumn(ws, index + 1);
  }
  ws.pageSetup = {
    ...ws.pageSetup,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    paperSize: 9, // A4
  };
  return book;
}

/** Rows below the last one with content are left out (unticked checkboxes print as FALSE). */
function withoutBlankTail(sheet: SheetSnapshot): SheetSnapshot {
  const blank = (row: readonly CellValue[]) => row.every((v) => v === '' || v === false);
  let end = sheet.values.length;
  while (end > 1 && blank(sheet.values[end - 1]!)) end--;
  return { ...sheet, values: sheet.values.slice(0, end) };
}

// Excel's column width counts characters of the default font; a Japanese character takes two.
// LibreOffice fits about a quarter more than that count into a line: the estimate stays a little
// above the lines it draws, so no line is cut off.
const displayWidth = (text: string) =>
  [...text].reduce((sum, ch) => sum + (ch.charCodeAt(0) > 0xff ? 2 : 1), 0);
const WRAP_WIDTH = 56;
const LINE_POINTS = 15;

/**
 * Prints every line of the column's cells: wrapped, the column at least WRAP_WIDTH characters,
 * each row as tall as its lines (LibreOffice does not grow an imported row by itself), and the
 * row's other cells at the top, level with the first line.
 */
function wrapColumn(ws: ExcelJS.Worksheet, column: number): void {
  const col = ws.getColumn(column);
  const width = Math.max(col.width ?? 0, WRAP_WIDTH);
  col.width = width;
  col.eachCell({ includeEmpty: false }, (cell, rowNumber) => {
    cell.alignment = { ...cell.alignment, wrapText: true };
    const lines = String(cell.text)
      .split('\n')
      .reduce((sum, line) => sum + Math.max(1, Math.ceil(displayWidth(line) / (width * 1.2))), 0);
    const row = ws.getRow(rowNumber);
    if (lines > 1) row.height = lines * LINE_POINTS;
    row.eachCell({ includeEmpty: true }, (c) => {
      c.alignment = { ...c.alignment, vertical: 'top' };
    });
  });
}

function asCheckboxes(sheet: SheetSnapshot, headers: readonly string[]): SheetSnapshot {
  const columns = new Set(headers.map((h) => (sheet.values[0] ?? []).map(String).indexOf(h)));
  columns.delete(-1);
  if (columns.size === 0) return sheet;
  const values = sheet.values.map((row, r) =>
    row.map((v, c) => {
      if (r === 0 || !columns.has(c)) return v;
      // A checkbox cell never ticked may hold nothing: Sheets draws it as an empty box too.
      if (v === true) return '☑';
      return v === false || v === '' ? '☐' : v;
    }),
  );
  return { ...sheet, values };
}
