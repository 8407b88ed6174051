// A person at the keyboard, host-side and uncounted: what tests (and the emulator facade) use to
// edit the spreadsheet while a script run is suspended in a hook. Typing goes through values.ts
// exactly as the script's setValues does, so '2026/12/1' becomes a date and '@' cells keep text.
import type { CellValue } from '../snapshot';
import { parseA1Range } from './a1';
import { readValues, writeValues } from './cells';
import type { Rect } from './geometry';
import type { SheetModel, WorkbookModel } from './model';
import { deleteLinesChecked, insertLinesChecked } from './sheet';
import { sortRows as sortSheetRows } from './sort';
import { insertSheetModel } from './workbook';
import { insertCheckboxes as insertCheckboxCells } from './ops';

export class PersonActions {
  constructor(private readonly wb: WorkbookModel) {}

  private sheet(name: string): SheetModel {
    const sheet = this.wb.sheetByName(name);
    if (!sheet) throw new Error(`person: no sheet named "${name}"`);
    return sheet;
  }

  private rect(sheet: SheetModel, a1: string): Rect {
    const rect = parseA1Range(a1, sheet.maxRows, sheet.maxColumns);
    if (!rect) throw new Error(`person: "${a1}" is not A1 notation`);
    return rect;
  }

  /**
   * Types `values` starting at the top-left of `a1` (a cell, or a range of exactly that size).
   * Returns the rectangle written, for building an edit event.
   */
  setValues(sheetName: string, a1: string, values: readonly (readonly unknown[])[]): Rect {
    const sheet = this.sheet(sheetName);
    const at = this.rect(sheet, a1);
    const numRows = values.length;
    const numColumns = values[0]?.length ?? 0;
    if (numRows === 0 || numColumns === 0 || values.some((row) => row.length !== numColumns)) {
      throw new Error('person: values must be a non-empty rectangle');
    }
    const single = at.numRows === 1 && at.numColumns === 1;
    if (!single && (at.numRows !== numRows || at.numColumns !== numColumns)) {
      throw new Error(`person: ${numRows}×${numColumns} values do not fit ${a1}`);
    }
    const rect = { row: at.row, column: at.column, numRows, numColumns };
    writeValues(sheet, rect, values as unknown[][]);
    return rect;
  }

  /** The whole used range (A1 to the last row and column with content), host Dates. */
  values(sheetName: string): CellValue[][] {
    const sheet = this.sheet(sheetName);
    const numRows = sheet.lastContentRow();
    const numColumns = sheet.lastContentColumn();
    if (numRows === 0) return [];
    return readValues(sheet, { row: 1, column: 1, numRows, numColumns });
  }

  /**
   * 挿入 → チェックボックス over `a1` (e.g. the whole 参加 column): the checkbox rule on every
   * cell and FALSE in every empty one, as Range.insertCheckboxes documents.
   */
  insertCheckboxes(sheetName: string, a1: string): Rect {
    const sheet = this.sheet(sheetName);
    const rect = this.rect(sheet, a1);
    insertCheckboxCells(sheet, rect, []);
    return rect;
  }

  insertRows(sheetName: string, beforeRow: number, count: number): void {
    insertLinesChecked(this.sheet(sheetName), 'ROWS', beforeRow, count);
  }

  deleteRows(sheetName: string, row: number, count: number): void {
    deleteLinesChecked(this.sheet(sheetName), 'ROWS', row, count);
  }

  /** Data → Sort range: every row below the header rows, whole rows (all layers) moving. */
  sortRows(
    sheetName: string,
    key: { column: number; ascending: boolean },
    options: { headerRows: number } = { headerRows: 1 },
  ): void {
    const sheet = this.sheet(sheetName);
    const last = sheet.lastContentRow();
    sortSheetRows(sheet, options.headerRows + 1, last, 1, sheet.maxColumns, [key]);
  }

  /** Selects ranges on a sheet (which becomes active); the last one holds the current cell. */
  select(sheetName: string, a1List: string[]): void {
    const sheet = this.sheet(sheetName);
    const ranges = a1List.map((a1) => this.rect(sheet, a1));
    const last = ranges[ranges.length - 1];
    if (!last) throw new Error('person: select needs at least one range');
    this.wb.activeSheet = sheet;
    sheet.selection = { ranges, current: { row: last.row, column: last.column } };
  }

  setActiveSheet(name: string): void {
    this.wb.activeSheet = this.sheet(name);
  }

  /** Adds an empty sheet (1000 × 26) at the end, or at `index` (0-based); it becomes active. */
  insertSheet(name: string, index = this.wb.sheets.length): void {
    if (this.wb.sheetByName(name)) throw new Error(`person: a sheet named "${name}" exists`);
    this.wb.activeSheet = insertSheetModel(this.wb, name, index);
  }

  /** File → Settings → Time zone. */
  setTimeZone(timeZone: string): void {
    new Intl.DateTimeFormat('en-US', { timeZone }); // throws RangeError for an unknown zone
    this.wb.timeZone = timeZone;
  }
}
