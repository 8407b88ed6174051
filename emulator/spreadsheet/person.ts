// A person at the keyboard, host-side and uncounted: what tests (and the emulator facade) use to
// edit the spreadsheet while a script run is suspended in a hook. Typing goes through values.ts
// exactly as the script's setValues does, so '2026/12/1' becomes a date and '@' cells keep text.
import type { CellValue } from '../snapshot';
import { cellA1, parseA1Range } from './a1';
import { readValues, writeValues } from './cells';
import type { Rect } from './geometry';
import type { SheetModel, WorkbookModel } from './model';
import { deleteLinesChecked, insertLinesChecked } from './sheet';
import { sortRows as sortSheetRows } from './sort';
import { passes } from './rules';
import { enterValue } from './values';
import { insertSheetModel } from './workbook';
import { insertCheckboxes as insertCheckboxCells } from './ops';

/** A person's typing that a "Reject input" rule (setAllowInvalid(false)) refused. */
export interface Refusal {
  sheet: string;
  /** The first cell refused, A1. */
  a1: string;
  value: unknown;
  criteria: string;
  helpText: string | null;
}

export class PersonActions {
  /** Every refused edit, in order: the cells kept what they held. */
  readonly refusals: Refusal[] = [];

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
   * Returns the rectangle written, for building an edit event, or null when a rule with
   * setAllowInvalid(false) refused the input: then nothing lands (Sheets shows its "invalid
   * data" message) and the refusal is recorded in `refusals`.
   */
  setValues(sheetName: string, a1: string, values: readonly (readonly unknown[])[]): Rect | null {
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
    const refusal = this.refusal(sheet, rect, values);
    if (refusal) {
      this.refusals.push(refusal);
      return null;
    }
    // A person pasting below the last row gets the rows added (Sheets' "add rows" below the grid).
    sheet.ensureSize(rect.row + numRows - 1, rect.column + numColumns - 1);
    writeValues(sheet, rect, values as unknown[][]);
    return rect;
  }

  private refusal(
    sheet: SheetModel,
    rect: Rect,
    values: readonly (readonly unknown[])[],
  ): Refusal | null {
    for (let i = 0; i < rect.numRows; i++) {
      for (let j = 0; j < rect.numColumns; j++) {
        const r = rect.row - 1 + i;
        const c = rect.column - 1 + j;
        const rule = sheet.validations.get(r, c);
        if (!rule || rule.allowInvalid) continue;
        const raw = values[i]![j];
        const entered = enterValue(raw, sheet.numberFormats.get(r, c), this.wb.entryContext());
        if (entered.formula !== undefined || passes(rule, entered.value)) continue;
        return {
          sheet: sheet.name,
          a1: cellA1(r + 1, c + 1),
          value: raw,
          criteria: rule.criteria,
          helpText: rule.helpText,
        };
      }
    }
    return null;
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

  /** The "Add N more rows at the bottom" button under the grid: empty rows after the last. */
  addRows(sheetName: string, count: number): void {
    const sheet = this.sheet(sheetName);
    insertLinesChecked(sheet, 'ROWS', sheet.maxRows + 1, count);
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
