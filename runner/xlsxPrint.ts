// One sheet of a runner workbook, made ready to print (npm run docs:pictures prints it with
// LibreOffice for the guide's pictures). The sheet is rebuilt from the runner's own snapshot, not
// re-saved by ExcelJS: ExcelJS writes a date or time as 25569 + ms / day, which stores 14:00 as
// 0.58333333333212 — a hair below 14:00 — and LibreOffice's h:mm, which cuts seconds off rather
// than rounding, printed it as 13:59. The runner's writer (excelSerial) stores what Excel stores
// for a typed 14:00, so the printed sheet shows the times the workbook holds.
import type ExcelJS from 'exceljs';
import type { WorkbookSnapshot } from '../emulator/snapshot';
import { workbookFromSnapshot } from './xlsx';
import { META_SHEET } from './xlsxMeta';

export interface PrintOptions {
  /** Header texts (row 1) of columns to leave out, so the rest is large enough to read. */
  hide?: readonly string[];
  /** Header texts of columns whose cells are printed whole: wrapped, each row as tall as needed. */
  wrap?: readonly string[];
}

/** A workbook holding only `sheetName` of `snapshot`, landscape A4, fitted to the page width. */
export function printableSheet(
  snapshot: WorkbookSnapshot,
  sheetName: string,
  options: PrintOptions = {},
): ExcelJS.Workbook {
  const sheet = snapshot.sheets.find((s) => s.name === sheetName);
  if (!sheet) throw new Error(`printableSheet: no sheet ${sheetName}`);
  const book = workbookFromSnapshot({ ...snapshot, sheets: [sheet] });
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
    if (index < 0) continue;
    // No row height is set: LibreOffice then gives each row the height its wrapped text needs.
    // The row's other cells sit at the top too, level with the wrapped cell's first line.
    ws.getColumn(index + 1).eachCell({ includeEmpty: false }, (cell, rowNumber) => {
      cell.alignment = { ...cell.alignment, wrapText: true };
      ws.getRow(rowNumber).eachCell({ includeEmpty: true }, (c) => {
        c.alignment = { ...c.alignment, vertical: 'top' };
      });
    });
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
