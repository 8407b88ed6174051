// Creating sheets the way Sheets names and sizes them (ja_JP: シート1, シート2, …; 1000 × 26).
import type { SheetModel, WorkbookModel } from './model';

export const DEFAULT_SHEET_PREFIX = 'シート';
export const DEFAULT_MAX_ROWS = 1000;
export const DEFAULT_MAX_COLUMNS = 26;

/** The first free default name: シート<n> with n one more than the number of sheets, or above. */
export function defaultSheetName(wb: WorkbookModel): string {
  for (let n = wb.sheets.length + 1; ; n++) {
    const name = `${DEFAULT_SHEET_PREFIX}${n}`;
    if (!wb.sheetByName(name)) return name;
  }
}

export function insertSheetModel(
  wb: WorkbookModel,
  name: string | undefined,
  index: number,
): SheetModel {
  return wb.addSheet(name ?? defaultSheetName(wb), index, DEFAULT_MAX_ROWS, DEFAULT_MAX_COLUMNS);
}
