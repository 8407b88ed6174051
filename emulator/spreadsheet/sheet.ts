// Sheet: one tab of the spreadsheet. Structural edits go through structure.ts / model.ts so that
// every layer, validation source, protection, rule, filter and chart moves together.
import { assertInGrid, readValues, signatureError, writeValues } from './cells';
import { colorArg, intArg, rangeArg, rectArgs, resolveA1 } from './args';
import {
  EmuEmbeddedChart,
  EmuEmbeddedChartBuilder,
  chartArg,
  copyChart,
  insertChartModel,
} from './chart';
import { EmuConditionalFormatRule, stateOfModel } from './conditional';
import type { Ctx } from './context';
import { enumName } from './enums';
import { EmuFilter } from './filter';
import type { Dimension, Rect } from './geometry';
import { Sheet_METHODS } from './gas-names';
import { DEFAULT_COLUMN_WIDTH, type ConditionalRuleModel, type SheetModel } from './model';
import { gasError, notEmulatedBase } from './not-emulated';
import * as ops from './ops';
import { EmuProtection, newProtection } from './protection';
import { EmuRangeList } from './range';
import { EmuSelection, activeRange, activeRangeList, currentCell } from './selection';
import { sortRows } from './sort';
import { insertLines } from './structure';
import { EmuTextFinder } from './text-finder';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

/** A new name for a sheet of `sheets`' workbook, with Apps Script's messages. */
export function checkSheetName(
  sheet: SheetModel | null,
  name: string,
  taken: SheetModel | null,
): void {
  if (name.trim() === '') throw gasError('Sheet names cannot be empty.');
  if (taken && taken !== sheet) throw duplicateNameError(name);
}

/** Apps Script's message for a sheet name that is taken. */
export function duplicateNameError(name: string): Error {
  return gasError(`A sheet with the name "${name}" already exists. Please enter another name.`);
}

/** Deletes lines with Apps Script's bounds checks. */
export function deleteLinesChecked(
  sheet: SheetModel,
  dim: Dimension,
  at: number,
  count: number,
): void {
  const word = dim === 'ROWS' ? 'rows' : 'columns';
  const max = dim === 'ROWS' ? sheet.maxRows : sheet.maxColumns;
  const frozen = dim === 'ROWS' ? sheet.frozenRows : sheet.frozenColumns;
  if (at < 1 || count < 1 || at + count - 1 > max)
    throw gasError(`Those ${word} are out of bounds.`);
  const frozenDeleted = Math.max(0, Math.min(frozen, at + count - 1) - at + 1);
  if (count - frozenDeleted >= max - frozen) {
    throw gasError(`Sorry, it is not possible to delete all non-frozen ${word}.`);
  }
  sheet.deleteLines(dim, at, count);
}

/** Inserts lines before `at` with Apps Script's bounds checks. */
export function insertLinesChecked(
  sheet: SheetModel,
  dim: Dimension,
  at: number,
  count: number,
  copyFormats = true,
): void {
  const word = dim === 'ROWS' ? 'rows' : 'columns';
  const max = dim === 'ROWS' ? sheet.maxRows : sheet.maxColumns;
  if (at < 1 || at > max + 1 || count < 1) throw gasError(`Those ${word} are out of bounds.`);
  insertLines(sheet, dim, at, count, copyFormats);
}

export class EmuSheet extends notEmulatedBase<Sheet>('Sheet', Sheet_METHODS) {
  constructor(
    private readonly ctx: Ctx,
    readonly sheetModel: SheetModel,
  ) {
    super();
  }

  private call<T>(method: string, impl: () => T, cells?: { read?: number; written?: number }): T {
    return this.ctx.rec.call(`Sheet.${method}`, impl, cells);
  }

  /** A call whose arguments hooks and faults see (e.g. which rows a one-call read reads). */
  private callWithArgs<T>(
    method: string,
    args: readonly unknown[],
    impl: () => T,
    cells?: { read?: number; written?: number },
  ): T {
    const rec = this.ctx.rec;
    return rec.callWithArgs
      ? rec.callWithArgs(`Sheet.${method}`, args, impl, cells)
      : rec.call(`Sheet.${method}`, impl, cells);
  }

  private step(method: string, change: () => void): Sheet {
    return this.call(method, () => {
      change();
      return this;
    });
  }

  private int(method: string, args: readonly unknown[], value: unknown): number {
    return intArg(`SpreadsheetApp.Sheet.${method}`, args, value);
  }

  private get m(): SheetModel {
    return this.sheetModel;
  }

  // Identity ------------------------------------------------------------------------------------

  override getName(): string {
    return this.call('getName', () => this.m.name);
  }

  override getSheetName(): string {
    return this.call('getSheetName', () => this.m.name);
  }

  override setName(name: string): Sheet {
    return this.step('setName', () => {
      const n = String(name);
      checkSheetName(this.m, n, this.m.workbook.sheetByName(n));
      this.m.name = n;
    });
  }

  override getSheetId(): number {
    return this.call('getSheetId', () => this.m.sheetId);
  }

  override getIndex(): number {
    return this.call('getIndex', () => this.m.workbook.sheets.indexOf(this.m) + 1);
  }

  override getParent(): GoogleAppsScript.Spreadsheet.Spreadsheet {
    return this.call('getParent', () => this.ctx.spreadsheet());
  }

  override activate(): Sheet {
    return this.step('activate', () => (this.m.workbook.activeSheet = this.m));
  }

  override getTabColor(): string | null {
    return this.call('getTabColor', () => this.m.tabColor);
  }

  override setTabColor(color: string | null): Sheet {
    return this.step('setTabColor', () => (this.m.tabColor = colorArg(color) ?? null));
  }

  // Ranges --------------------------------------------------------------------------------------

  override getRange(...args: unknown[]): Range {
    return this.call('getRange', () => {
      if (args.length === 1 && typeof args[0] === 'string') {
        const { sheet, rect } = resolveA1(args[0], this.m, 'SpreadsheetApp.Sheet.getRange');
        return this.ctx.range(sheet, rect);
      }
      if (args.length < 2 || args.length > 4)
        throw signatureError('SpreadsheetApp.Sheet.getRange', args);
      return this.ctx.range(this.m, rectArgs('SpreadsheetApp.Sheet.getRange', args));
    });
  }

  override getRangeList(a1Notations: string[]): GoogleAppsScript.Spreadsheet.RangeList {
    return this.call('getRangeList', () => {
      if (!Array.isArray(a1Notations)) {
        throw signatureError('SpreadsheetApp.Sheet.getRangeList', [a1Notations]);
      }
      const ranges = a1Notations.map((a1) => {
        const { sheet, rect } = resolveA1(a1, this.m, 'SpreadsheetApp.Sheet.getRangeList');
        return { sheetModel: sheet, rect };
      });
      return new EmuRangeList(this.ctx, ranges);
    });
  }

  override getDataRange(): Range {
    return this.call('getDataRange', () =>
      this.ctx.range(this.m, {
        row: 1,
        column: 1,
        numRows: Math.max(1, this.m.lastContentRow()),
        numColumns: Math.max(1, this.m.lastContentColumn()),
      }),
    );
  }

  /**
   * Documented: "a -1 value … is equivalent to getting the very last row or column that has
   * data", i.e. `getSheetValues(1, 1, -1, -1)` reads the data range in one call. When -1 leaves
   * no rows or columns (an empty sheet, or a start below or right of the data), Google's answer
   * is not documented: the `emptyRead` variant throws as getRange does for 0 rows, returns [],
   * or reads one blank row/column ([['']] on an empty sheet, as getDataRange() gives).
   */
  override getSheetValues(
    startRow: number,
    startColumn: number,
    numRows: number,
    numColumns: number,
  ): unknown[][] {
    // Resolved when the call does its work (a `before` hook may have edited the sheet); the
    // recorder adds the cells read after the call returns.
    const counts = { read: 0 };
    return this.callWithArgs(
      'getSheetValues',
      [startRow, startColumn, numRows, numColumns],
      () => {
        let rows = numRows === -1 ? this.m.lastContentRow() - Number(startRow) + 1 : numRows;
        let columns =
          numColumns === -1 ? this.m.lastContentColumn() - Number(startColumn) + 1 : numColumns;
        const nothingLeft = (numRows === -1 && rows < 1) || (numColumns === -1 && columns < 1);
        const emptyRead = this.m.workbook.variants.emptyRead;
        if (nothingLeft && emptyRead === 'empty') {
          rectArgs('SpreadsheetApp.Sheet.getSheetValues', [startRow, startColumn, 1, 1]);
          return this.ctx.rec.toScript([]);
        }
        if (nothingLeft && emptyRead === 'blankCell') {
          if (numRows === -1) rows = Math.max(rows, 1);
          if (numColumns === -1) columns = Math.max(columns, 1);
        }
        const rect = rectArgs('SpreadsheetApp.Sheet.getSheetValues', [
          startRow,
          startColumn,
          rows,
          columns,
        ]);
        assertInGrid(this.m, rect);
        counts.read = rect.numRows * rect.numColumns;
        return this.ctx.rec.toScript(readValues(this.m, rect));
      },
      counts,
    );
  }

  override getLastRow(): number {
    return this.call('getLastRow', () => this.m.lastContentRow());
  }

  override getLastColumn(): number {
    return this.call('getLastColumn', () => this.m.lastContentColumn());
  }

  override getMaxRows(): number {
    return this.call('getMaxRows', () => this.m.maxRows);
  }

  override getMaxColumns(): number {
    return this.call('getMaxColumns', () => this.m.maxColumns);
  }

  override appendRow(rowContents: unknown[]): Sheet {
    const count = Array.isArray(rowContents) ? rowContents.length : 0;
    return this.call(
      'appendRow',
      () => {
        if (!Array.isArray(rowContents) || rowContents.length === 0) {
          throw signatureError('SpreadsheetApp.Sheet.appendRow', [rowContents]);
        }
        // appendRow is documented to add a row below the data: it grows the grid when needed.
        const row = this.m.lastContentRow() + 1;
        this.m.ensureSize(row, count);
        writeValues(this.m, { row, column: 1, numRows: 1, numColumns: count }, [rowContents]);
        return this;
      },
      { written: count },
    );
  }

  override clearContents(): Sheet {
    return this.step('clearContents', () => ops.clearContent(this.m, this.whole()));
  }

  override clearFormats(): Sheet {
    return this.step('clearFormats', () => ops.clearFormat(this.m, this.whole()));
  }

  override clearNotes(): Sheet {
    return this.step('clearNotes', () => ops.clearNotes(this.m, this.whole()));
  }

  override clear(options?: { formatOnly?: boolean; contentsOnly?: boolean }): Sheet {
    return this.step('clear', () =>
      ops.clearRange(this.m, this.whole(), options ?? { contentsOnly: true, formatOnly: true }),
    );
  }

  private whole(): Rect {
    return { row: 1, column: 1, numRows: this.m.maxRows, numColumns: this.m.maxColumns };
  }

  override createTextFinder(findText: string): GoogleAppsScript.Spreadsheet.TextFinder {
    return this.call(
      'createTextFinder',
      () => new EmuTextFinder(this.ctx, this.m, null, String(findText)),
    );
  }

  /** Sorts the rows below the frozen ones by one column, whole rows moving. */
  override sort(columnPosition: number, ascending?: boolean): Sheet {
    const first = this.m.frozenRows + 1;
    const last = this.m.lastContentRow();
    const written = Math.max(0, last - first + 1) * this.m.maxColumns;
    return this.call(
      'sort',
      () => {
        const column = this.int('sort', [columnPosition, ascending], columnPosition);
        if (column < 1 || column > this.m.maxColumns)
          throw gasError('Those columns are out of bounds.');
        sortRows(this.m, first, last, 1, this.m.maxColumns, [
          { column, ascending: ascending !== false },
        ]);
        return this;
      },
      { written },
    );
  }

  // Rows and columns ----------------------------------------------------------------------------

  private insert(method: string, dim: Dimension, args: unknown[], before: boolean): Sheet {
    return this.step(method, () => {
      const pos = this.int(method, args, args[0]);
      const count = args.length > 1 ? this.int(method, args, args[1]) : 1;
      // Whether the script's new rows take the neighbour's formats is undocumented (a variant).
      const copy = dim === 'COLUMNS' || this.m.workbook.variants.insertRowsCopy === 'formats';
      insertLinesChecked(this.m, dim, before ? pos : pos + 1, count, copy);
    });
  }

  override insertRowsAfter(afterPosition: number, howMany: number): Sheet {
    return this.insert('insertRowsAfter', 'ROWS', [afterPosition, howMany], false);
  }

  override insertRowsBefore(beforePosition: number, howMany: number): Sheet {
    return this.insert('insertRowsBefore', 'ROWS', [beforePosition, howMany], true);
  }

  override insertRowAfter(afterPosition: number): Sheet {
    return this.insert('insertRowAfter', 'ROWS', [afterPosition], false);
  }

  override insertRowBefore(beforePosition: number): Sheet {
    return this.insert('insertRowBefore', 'ROWS', [beforePosition], true);
  }

  override insertColumnsAfter(afterPosition: number, howMany: number): Sheet {
    return this.insert('insertColumnsAfter', 'COLUMNS', [afterPosition, howMany], false);
  }

  override insertColumnsBefore(beforePosition: number, howMany: number): Sheet {
    return this.insert('insertColumnsBefore', 'COLUMNS', [beforePosition, howMany], true);
  }

  override insertColumnAfter(afterPosition: number): Sheet {
    return this.insert('insertColumnAfter', 'COLUMNS', [afterPosition], false);
  }

  override insertColumnBefore(beforePosition: number): Sheet {
    return this.insert('insertColumnBefore', 'COLUMNS', [beforePosition], true);
  }

  private remove(method: string, dim: Dimension, args: unknown[]): void {
    this.call(method, () => {
      const pos = this.int(method, args, args[0]);
      const count = args.length > 1 ? this.int(method, args, args[1]) : 1;
      deleteLinesChecked(this.m, dim, pos, count);
    });
  }

  override deleteRow(rowPosition: number): Sheet {
    this.remove('deleteRow', 'ROWS', [rowPosition]);
    return this;
  }

  override deleteRows(rowPosition: number, howMany: number): void {
    this.remove('deleteRows', 'ROWS', [rowPosition, howMany]);
  }

  override deleteColumn(columnPosition: number): Sheet {
    this.remove('deleteColumn', 'COLUMNS', [columnPosition]);
    return this;
  }

  override deleteColumns(columnPosition: number, howMany: number): void {
    this.remove('deleteColumns', 'COLUMNS', [columnPosition, howMany]);
  }

  override getFrozenRows(): number {
    return this.call('getFrozenRows', () => this.m.frozenRows);
  }

  override setFrozenRows(rows: number): void {
    this.call('setFrozenRows', () => {
      this.m.frozenRows = Math.max(0, this.int('setFrozenRows', [rows], rows));
    });
  }

  override getFrozenColumns(): number {
    return this.call('getFrozenColumns', () => this.m.frozenColumns);
  }

  override setFrozenColumns(columns: number): void {
    this.call('setFrozenColumns', () => {
      this.m.frozenColumns = Math.max(0, this.int('setFrozenColumns', [columns], columns));
    });
  }

  override getColumnWidth(columnPosition: number): number {
    return this.call(
      'getColumnWidth',
      () => this.m.columnWidths.get(columnPosition) ?? DEFAULT_COLUMN_WIDTH,
    );
  }

  override setColumnWidth(columnPosition: number, width: number): Sheet {
    return this.step('setColumnWidth', () => {
      const args = [columnPosition, width];
      this.m.columnWidths.set(
        this.int('setColumnWidth', args, columnPosition),
        this.int('setColumnWidth', args, width),
      );
    });
  }

  override setColumnWidths(startColumn: number, numColumns: number, width: number): Sheet {
    return this.step('setColumnWidths', () => {
      const args = [startColumn, numColumns, width];
      const start = this.int('setColumnWidths', args, startColumn);
      const n = this.int('setColumnWidths', args, numColumns);
      const w = this.int('setColumnWidths', args, width);
      for (let c = start; c < start + n; c++) this.m.columnWidths.set(c, w);
    });
  }

  override hideColumns(columnIndex: number, numColumns?: number): void {
    this.call('hideColumns', () => {
      const n = numColumns ?? 1;
      for (let c = columnIndex; c < columnIndex + n; c++) this.m.hiddenColumns.add(c);
    });
  }

  override showColumns(columnIndex: number, numColumns?: number): void {
    this.call('showColumns', () => {
      const n = numColumns ?? 1;
      for (let c = columnIndex; c < columnIndex + n; c++) this.m.hiddenColumns.delete(c);
    });
  }

  override hideColumn(column: Range): void {
    this.call('hideColumn', () => {
      const { rect } = rangeArg('SpreadsheetApp.Sheet.hideColumn', column);
      for (let c = rect.column; c < rect.column + rect.numColumns; c++) this.m.hiddenColumns.add(c);
    });
  }

  override unhideColumn(column: Range): void {
    this.call('unhideColumn', () => {
      const { rect } = rangeArg('SpreadsheetApp.Sheet.unhideColumn', column);
      for (let c = rect.column; c < rect.column + rect.numColumns; c++)
        this.m.hiddenColumns.delete(c);
    });
  }

  override isColumnHiddenByUser(columnPosition: number): boolean {
    return this.call('isColumnHiddenByUser', () => this.m.hiddenColumns.has(columnPosition));
  }

  // Filter, rules, protections ------------------------------------------------------------------

  override getFilter(): GoogleAppsScript.Spreadsheet.Filter | null {
    return this.call('getFilter', () => (this.m.filter ? new EmuFilter(this.ctx, this.m) : null));
  }

  override getConditionalFormatRules(): GoogleAppsScript.Spreadsheet.ConditionalFormatRule[] {
    return this.call('getConditionalFormatRules', () =>
      this.ctx.rec.toScript(
        this.m.rules.map((r) => new EmuConditionalFormatRule(this.ctx, stateOfModel(this.m, r))),
      ),
    );
  }

  override setConditionalFormatRules(
    rules: GoogleAppsScript.Spreadsheet.ConditionalFormatRule[],
  ): void {
    this.call('setConditionalFormatRules', () => {
      if (!Array.isArray(rules)) {
        throw signatureError('SpreadsheetApp.Sheet.setConditionalFormatRules', [rules]);
      }
      this.m.rules = rules.map((rule): ConditionalRuleModel => {
        if (!(rule instanceof EmuConditionalFormatRule)) {
          throw signatureError('SpreadsheetApp.Sheet.setConditionalFormatRules', [rules]);
        }
        const s = rule.state;
        return {
          ranges: s.ranges.map((r) => ({ ...r.rect })),
          criteria: s.criteria ?? '',
          values: [...s.values],
          format: { ...s.format },
        };
      });
    });
  }

  override clearConditionalFormatRules(): void {
    this.call('clearConditionalFormatRules', () => (this.m.rules = []));
  }

  override getProtections(
    type: GoogleAppsScript.Spreadsheet.ProtectionType,
  ): GoogleAppsScript.Spreadsheet.Protection[] {
    return this.call('getProtections', () => {
      const t = enumName(type);
      return this.ctx.rec.toScript(
        this.m.protections
          .filter((p) => p.type === t)
          .map((p) => new EmuProtection(this.ctx, this.m, p)),
      );
    });
  }

  /** The sheet's protection: the existing one if the sheet is already protected. */
  override protect(): GoogleAppsScript.Spreadsheet.Protection {
    return this.call('protect', () => {
      const existing = this.m.protections.find((p) => p.type === 'SHEET');
      const model = existing ?? newProtection(this.ctx, this.m, { type: 'SHEET', rect: null });
      return new EmuProtection(this.ctx, this.m, model);
    });
  }

  // Charts --------------------------------------------------------------------------------------

  override newChart(): GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder {
    return this.call('newChart', () => new EmuEmbeddedChartBuilder(this.ctx));
  }

  override insertChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart): void {
    this.call('insertChart', () => {
      insertChartModel(this.m, chartArg(chart));
    });
  }

  override getCharts(): GoogleAppsScript.Spreadsheet.EmbeddedChart[] {
    return this.call('getCharts', () =>
      this.ctx.rec.toScript(this.m.charts.map((c) => new EmuEmbeddedChart(this.ctx, c))),
    );
  }

  override removeChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart): void {
    this.call('removeChart', () => {
      const id = chartArg(chart).id;
      this.m.charts = this.m.charts.filter((c) => c.id !== id);
    });
  }

  override updateChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart): void {
    this.call('updateChart', () => {
      const state = chartArg(chart);
      const model = this.m.charts.find((c) => c.id === state.id);
      if (!model) throw gasError('The chart is not on this sheet.');
      const next = copyChart(state);
      model.ranges = next.ranges.map((r) => this.m.workbook.anchor(r));
      model.chartType = next.chartType;
      model.anchor = next.anchor;
      model.options = next.options;
    });
  }

  // Selection -----------------------------------------------------------------------------------

  override getActiveRange(): Range | null {
    return this.call('getActiveRange', () => activeRange(this.ctx, this.m.workbook.active()));
  }

  override getActiveRangeList(): GoogleAppsScript.Spreadsheet.RangeList | null {
    return this.call('getActiveRangeList', () =>
      activeRangeList(this.ctx, this.m.workbook.active()),
    );
  }

  override getActiveCell(): Range {
    return this.call('getActiveCell', () => currentCell(this.ctx, this.m.workbook.active()));
  }

  override getCurrentCell(): Range | null {
    return this.call('getCurrentCell', () => currentCell(this.ctx, this.m.workbook.active()));
  }

  override getSelection(): GoogleAppsScript.Spreadsheet.Selection {
    return this.call('getSelection', () => new EmuSelection(this.ctx, this.m.workbook.active()));
  }

  override setActiveRange(range: Range): Range {
    return this.call('setActiveRange', () => {
      const { sheetModel, rect } = rangeArg('SpreadsheetApp.Sheet.setActiveRange', range);
      this.m.workbook.activeSheet = sheetModel;
      sheetModel.selection = {
        ranges: [{ ...rect }],
        current: { row: rect.row, column: rect.column },
      };
      return range;
    });
  }
}
