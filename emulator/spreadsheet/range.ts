// Range and RangeList: the script's window on cells. Each public method is one rec.call named as
// in Apps Script's reference; reads report cells read, writes cells written. Values leave through
// rec.toScript so Dates and arrays belong to the script's realm.
import type { CellCounts } from '../recorder';
import { colorArg, intArg, rangeArg, rectArgs, type RangeLike } from './args';
import {
  asGrid,
  forEachCell,
  readDisplayValues,
  readFormulas,
  readLayer,
  readValues,
  rectCells,
  signatureError,
  writeFormulas,
  writeLayer,
  writeStyle,
  writeValues,
} from './cells';
import type { Ctx } from './context';
import { asEnum, enumName } from './enums';
import { EmuFilter } from './filter';
import { AUTOMATIC_FORMAT } from './format';
import { rectA1 } from './a1';
import { rectContains, type Rect } from './geometry';
import { RangeList_METHODS, Range_METHODS } from './gas-names';
import { DEFAULT_STYLE, type SheetModel, type StyleKey, type ValidationModel } from './model';
import { gasError, notEmulatedBase } from './not-emulated';
import * as ops from './ops';
import { EmuProtection, newProtection } from './protection';
import { sortRows, type SortKey } from './sort';
import { EmuTextFinder } from './text-finder';
import { EmuDataValidation } from './validation';

type Range = GoogleAppsScript.Spreadsheet.Range;
type RangeList = GoogleAppsScript.Spreadsheet.RangeList;
type DataValidation = GoogleAppsScript.Spreadsheet.DataValidation;

/** A DataValidation argument (null clears). */
function validationArg(method: string, rule: unknown): ValidationModel | undefined {
  if (rule === null) return undefined;
  if (!(rule instanceof EmuDataValidation)) throw signatureError(method, [rule]);
  return rule.validation;
}

/** Range.sort's sortSpecObj: a column number, {column, ascending}, or an array of those. */
function sortKeys(spec: unknown, rect: Rect): SortKey[] {
  const one = (s: unknown): SortKey => {
    const key =
      typeof s === 'number'
        ? { column: s, ascending: true }
        : typeof s === 'object' && s !== null && 'column' in s
          ? {
              column: Number((s as { column: unknown }).column),
              ascending: (s as { ascending?: unknown }).ascending !== false,
            }
          : null;
    if (!key || !Number.isInteger(key.column))
      throw signatureError('SpreadsheetApp.Range.sort', [spec]);
    if (key.column < rect.column || key.column >= rect.column + rect.numColumns) {
      throw gasError(`The sort column is outside the range: ${key.column}.`);
    }
    return key;
  };
  return Array.isArray(spec) ? spec.map(one) : [one(spec)];
}

/** Whether the effective user may edit every cell of `rect` (warning-only protections allow it). */
function canEditRect(ctx: Ctx, sheet: SheetModel, rect: Rect): boolean {
  const user = ctx.deps.effectiveUser();
  const overlaps = (a: Rect, b: Rect): boolean =>
    a.row < b.row + b.numRows &&
    b.row < a.row + a.numRows &&
    a.column < b.column + b.numColumns &&
    b.column < a.column + a.numColumns;
  return sheet.protections.every((p) => {
    if (p.warningOnly || p.editors.includes(user)) return true;
    if (p.rect) return !overlaps(p.rect, rect);
    // A sheet protection leaves only its unprotected ranges editable.
    for (let i = 0; i < rect.numRows; i++) {
      for (let j = 0; j < rect.numColumns; j++) {
        const [r, c] = [rect.row + i, rect.column + j];
        if (!p.unprotected.some((u) => rectContains(u, r, c))) return false;
      }
    }
    return true;
  });
}

export class EmuRange extends notEmulatedBase<Range>('Range', Range_METHODS) implements RangeLike {
  readonly rect: Rect;

  constructor(
    private readonly ctx: Ctx,
    readonly sheetModel: SheetModel,
    rect: Rect,
  ) {
    super();
    this.rect = { ...rect };
  }

  private get cells(): number {
    return rectCells(this.rect);
  }

  private call<T>(method: string, impl: () => T, cells?: CellCounts): T {
    return this.ctx.rec.call(`Range.${method}`, impl, cells);
  }

  /** A setter that changes every cell of the range and returns it. */
  private write(method: string, change: () => void): Range {
    return this.call(
      method,
      () => {
        change();
        return this;
      },
      { written: this.cells },
    );
  }

  /** A per-cell attribute grid as the script sees it. */
  private readGrid<T>(method: string, read: () => T[][]): T[][] {
    return this.call(method, () => this.ctx.rec.toScript(read()), { read: this.cells });
  }

  /** A getter of the top-left cell (getValue, getNote, …): one cell read. */
  private readOne<T>(method: string, read: () => T[][]): T {
    return this.call(method, () => this.ctx.rec.toScript(read()[0]![0]!), { read: 1 });
  }

  private topLeft(): Rect {
    return { ...this.rect, numRows: 1, numColumns: 1 };
  }

  private style(key: StyleKey, rect: Rect): string[][] {
    return readLayer(this.sheetModel.styles[key], rect, DEFAULT_STYLE[key]);
  }

  // Values ----------------------------------------------------------------------------------------

  override getValues(): unknown[][] {
    return this.readGrid('getValues', () => readValues(this.sheetModel, this.rect));
  }

  override getValue(): unknown {
    return this.readOne('getValue', () => readValues(this.sheetModel, this.topLeft()));
  }

  override setValues(values: unknown[][]): Range {
    return this.write('setValues', () => {
      const grid = asGrid(values, 'SpreadsheetApp.Range.setValues', this.rect);
      writeValues(this.sheetModel, this.rect, grid);
    });
  }

  override setValue(value: unknown): Range {
    return this.write('setValue', () => ops.setValue(this.sheetModel, this.rect, value));
  }

  override getDisplayValues(): string[][] {
    return this.readGrid('getDisplayValues', () => readDisplayValues(this.sheetModel, this.rect));
  }

  override getDisplayValue(): string {
    return this.readOne('getDisplayValue', () =>
      readDisplayValues(this.sheetModel, this.topLeft()),
    );
  }

  override getFormulas(): string[][] {
    return this.readGrid('getFormulas', () => readFormulas(this.sheetModel, this.rect));
  }

  override getFormula(): string {
    return this.readOne('getFormula', () => readFormulas(this.sheetModel, this.topLeft()));
  }

  override setFormula(formula: string): Range {
    return this.write('setFormula', () => ops.setFormula(this.sheetModel, this.rect, formula));
  }

  override setFormulas(formulas: string[][]): Range {
    return this.write('setFormulas', () => {
      const grid = asGrid(formulas, 'SpreadsheetApp.Range.setFormulas', this.rect);
      writeFormulas(this.sheetModel, this.rect, (i, j) => grid[i]![j]);
    });
  }

  override isBlank(): boolean {
    return this.call(
      'isBlank',
      () => {
        const { row, column, numRows, numColumns } = this.rect;
        for (let r = row; r < row + numRows; r++) {
          for (let c = column; c < column + numColumns; c++) {
            if (this.sheetModel.hasContent(r, c)) return false;
          }
        }
        return true;
      },
      { read: this.cells },
    );
  }

  override clearContent(): Range {
    return this.write('clearContent', () => ops.clearContent(this.sheetModel, this.rect));
  }

  override clear(options?: ops.ClearOptions): Range {
    return this.write('clear', () => ops.clearRange(this.sheetModel, this.rect, options));
  }

  override clearFormat(): Range {
    return this.write('clearFormat', () => ops.clearFormat(this.sheetModel, this.rect));
  }

  // Number formats ------------------------------------------------------------------------------

  override getNumberFormats(): string[][] {
    return this.readGrid('getNumberFormats', () =>
      readLayer(this.sheetModel.numberFormats, this.rect, AUTOMATIC_FORMAT),
    );
  }

  override getNumberFormat(): string {
    return this.readOne('getNumberFormat', () =>
      readLayer(this.sheetModel.numberFormats, this.topLeft(), AUTOMATIC_FORMAT),
    );
  }

  override setNumberFormat(numberFormat: string): Range {
    return this.write('setNumberFormat', () =>
      ops.setNumberFormat(this.sheetModel, this.rect, numberFormat),
    );
  }

  override setNumberFormats(numberFormats: unknown[][]): Range {
    return this.write('setNumberFormats', () => {
      const grid = asGrid(numberFormats, 'SpreadsheetApp.Range.setNumberFormats', this.rect);
      writeLayer(this.sheetModel, this.sheetModel.numberFormats, this.rect, (i, j) => {
        const f = grid[i]![j];
        return f === null || f === undefined ? undefined : String(f);
      });
    });
  }

  // Styles --------------------------------------------------------------------------------------

  override getBackgrounds(): string[][] {
    return this.readGrid('getBackgrounds', () => this.style('background', this.rect));
  }

  override getBackground(): string {
    return this.readOne('getBackground', () => this.style('background', this.topLeft()));
  }

  override setBackground(color: string | null): Range {
    return this.write('setBackground', () =>
      ops.setStyle(this.sheetModel, this.rect, 'background', colorArg(color)),
    );
  }

  override setBackgrounds(color: (string | null)[][]): Range {
    return this.write('setBackgrounds', () => {
      const grid = asGrid(color, 'SpreadsheetApp.Range.setBackgrounds', this.rect);
      writeStyle(this.sheetModel, 'background', this.rect, (i, j) => colorArg(grid[i]![j]));
    });
  }

  override getFontColors(): string[][] {
    return this.readGrid('getFontColors', () => this.style('fontColor', this.rect));
  }

  override getFontColor(): string {
    return this.readOne('getFontColor', () => this.style('fontColor', this.topLeft()));
  }

  override setFontColor(color: string | null): Range {
    return this.write('setFontColor', () =>
      ops.setStyle(this.sheetModel, this.rect, 'fontColor', colorArg(color)),
    );
  }

  override setFontColors(colors: unknown[][]): Range {
    return this.write('setFontColors', () => {
      const grid = asGrid(colors, 'SpreadsheetApp.Range.setFontColors', this.rect);
      writeStyle(this.sheetModel, 'fontColor', this.rect, (i, j) => colorArg(grid[i]![j]));
    });
  }

  override getFontWeights(): GoogleAppsScript.Spreadsheet.FontWeight[][] {
    return this.readGrid(
      'getFontWeights',
      () => this.style('fontWeight', this.rect) as GoogleAppsScript.Spreadsheet.FontWeight[][],
    );
  }

  override getFontWeight(): GoogleAppsScript.Spreadsheet.FontWeight {
    return this.readOne(
      'getFontWeight',
      () => this.style('fontWeight', this.topLeft()) as GoogleAppsScript.Spreadsheet.FontWeight[][],
    );
  }

  override setFontWeight(fontWeight: GoogleAppsScript.Spreadsheet.FontWeight | null): Range {
    return this.write('setFontWeight', () =>
      ops.setStyle(this.sheetModel, this.rect, 'fontWeight', fontWeight ?? undefined),
    );
  }

  override setFontWeights(
    fontWeights: (GoogleAppsScript.Spreadsheet.FontWeight | null)[][],
  ): Range {
    return this.write('setFontWeights', () => {
      const grid = asGrid(fontWeights, 'SpreadsheetApp.Range.setFontWeights', this.rect);
      writeStyle(
        this.sheetModel,
        'fontWeight',
        this.rect,
        (i, j) => (grid[i]![j] as string) ?? undefined,
      );
    });
  }

  override getHorizontalAlignment(): string {
    return this.readOne('getHorizontalAlignment', () =>
      this.style('horizontalAlignment', this.topLeft()),
    );
  }

  override setHorizontalAlignment(alignment: 'left' | 'center' | 'normal' | 'right' | null): Range {
    return this.write('setHorizontalAlignment', () =>
      ops.setStyle(this.sheetModel, this.rect, 'horizontalAlignment', alignmentArg(alignment)),
    );
  }

  override getVerticalAlignment(): string {
    return this.readOne('getVerticalAlignment', () =>
      this.style('verticalAlignment', this.topLeft()),
    );
  }

  override setVerticalAlignment(alignment: 'top' | 'middle' | 'bottom' | null): Range {
    return this.write('setVerticalAlignment', () =>
      ops.setStyle(this.sheetModel, this.rect, 'verticalAlignment', alignment ?? undefined),
    );
  }

  override getWrap(): boolean {
    return this.readOne('getWrap', () => [
      [this.style('wrapStrategy', this.topLeft())[0]![0] === 'WRAP'],
    ]);
  }

  override setWrap(isWrapEnabled: boolean): Range {
    return this.write('setWrap', () =>
      ops.setStyle(this.sheetModel, this.rect, 'wrapStrategy', isWrapEnabled ? 'WRAP' : undefined),
    );
  }

  override getWrapStrategy(): GoogleAppsScript.Spreadsheet.WrapStrategy {
    return this.readOne('getWrapStrategy', () => [
      [
        asEnum<GoogleAppsScript.Spreadsheet.WrapStrategy>(
          this.style('wrapStrategy', this.topLeft())[0]![0]!,
        ),
      ],
    ]);
  }

  override setWrapStrategy(strategy: GoogleAppsScript.Spreadsheet.WrapStrategy): Range {
    return this.write('setWrapStrategy', () =>
      ops.setStyle(this.sheetModel, this.rect, 'wrapStrategy', enumName(strategy)),
    );
  }

  // Notes ---------------------------------------------------------------------------------------

  override getNotes(): string[][] {
    return this.readGrid('getNotes', () => readLayer(this.sheetModel.notes, this.rect, ''));
  }

  override getNote(): string {
    return this.readOne('getNote', () => readLayer(this.sheetModel.notes, this.topLeft(), ''));
  }

  override setNote(note: string | null): Range {
    return this.write('setNote', () => ops.setNote(this.sheetModel, this.rect, note));
  }

  override setNotes(notes: (string | null)[][]): Range {
    return this.write('setNotes', () => {
      const grid = asGrid(notes, 'SpreadsheetApp.Range.setNotes', this.rect);
      writeLayer(this.sheetModel, this.sheetModel.notes, this.rect, (i, j) => {
        const n = grid[i]![j];
        return n === null || n === undefined ? undefined : String(n);
      });
    });
  }

  override clearNote(): Range {
    return this.write('clearNote', () => ops.clearNotes(this.sheetModel, this.rect));
  }

  // Data validation -----------------------------------------------------------------------------

  private validationGrid(rect: Rect): (DataValidation | null)[][] {
    return readLayer(this.sheetModel.validations, rect, null).map((row) =>
      row.map((v) => (v ? new EmuDataValidation(this.ctx, v) : null)),
    );
  }

  override getDataValidations(): (DataValidation | null)[][] {
    return this.readGrid('getDataValidations', () => this.validationGrid(this.rect));
  }

  override getDataValidation(): DataValidation | null {
    return this.readOne('getDataValidation', () => this.validationGrid(this.topLeft()));
  }

  override setDataValidation(rule: DataValidation | null): Range {
    return this.write('setDataValidation', () =>
      ops.setValidation(
        this.sheetModel,
        this.rect,
        validationArg('SpreadsheetApp.Range.setDataValidation', rule),
      ),
    );
  }

  override setDataValidations(rules: (DataValidation | null)[][]): Range {
    return this.write('setDataValidations', () => {
      const grid = asGrid(rules, 'SpreadsheetApp.Range.setDataValidations', this.rect);
      writeLayer(this.sheetModel, this.sheetModel.validations, this.rect, (i, j) =>
        validationArg('SpreadsheetApp.Range.setDataValidations', grid[i]![j]),
      );
      forEachCell(this.rect, (r, c) => {
        const v = this.sheetModel.validations.get(r, c);
        if (ops.isCheckbox(v)) ops.fillUnchecked(this.sheetModel, r, c, v);
      });
    });
  }

  override clearDataValidations(): Range {
    return this.write('clearDataValidations', () =>
      ops.clearValidations(this.sheetModel, this.rect),
    );
  }

  // Checkboxes ----------------------------------------------------------------------------------

  override insertCheckboxes(...values: unknown[]): Range {
    return this.write('insertCheckboxes', () =>
      ops.insertCheckboxes(this.sheetModel, this.rect, values),
    );
  }

  override removeCheckboxes(): Range {
    return this.write('removeCheckboxes', () => ops.removeCheckboxes(this.sheetModel, this.rect));
  }

  override isChecked(): boolean | null {
    return this.call('isChecked', () => ops.isChecked(this.sheetModel, this.rect), {
      read: this.cells,
    });
  }

  override check(): Range {
    return this.write('check', () => ops.setChecked(this.sheetModel, this.rect, true));
  }

  override uncheck(): Range {
    return this.write('uncheck', () => ops.setChecked(this.sheetModel, this.rect, false));
  }

  // Geometry ------------------------------------------------------------------------------------

  override getRow(): number {
    return this.call('getRow', () => this.rect.row);
  }

  override getRowIndex(): number {
    return this.call('getRowIndex', () => this.rect.row);
  }

  override getColumn(): number {
    return this.call('getColumn', () => this.rect.column);
  }

  override getNumRows(): number {
    return this.call('getNumRows', () => this.rect.numRows);
  }

  override getNumColumns(): number {
    return this.call('getNumColumns', () => this.rect.numColumns);
  }

  override getHeight(): number {
    return this.call('getHeight', () => this.rect.numRows);
  }

  override getWidth(): number {
    return this.call('getWidth', () => this.rect.numColumns);
  }

  override getLastRow(): number {
    return this.call('getLastRow', () => this.rect.row + this.rect.numRows - 1);
  }

  override getLastColumn(): number {
    return this.call('getLastColumn', () => this.rect.column + this.rect.numColumns - 1);
  }

  override getA1Notation(): string {
    return this.call('getA1Notation', () => rectA1(this.rect));
  }

  override getSheet(): GoogleAppsScript.Spreadsheet.Sheet {
    return this.call('getSheet', () => this.ctx.sheet(this.sheetModel));
  }

  override getGridId(): number {
    return this.call('getGridId', () => this.sheetModel.sheetId);
  }

  override offset(
    rowOffset: number,
    columnOffset: number,
    numRows?: number,
    numColumns?: number,
  ): Range {
    return this.call('offset', () => {
      const args = [rowOffset, columnOffset, numRows, numColumns].filter((a) => a !== undefined);
      const [dr, dc] = [
        intArg('SpreadsheetApp.Range.offset', args, rowOffset),
        intArg('SpreadsheetApp.Range.offset', args, columnOffset),
      ];
      const rect = rectArgs('SpreadsheetApp.Range.offset', [
        this.rect.row + dr,
        this.rect.column + dc,
        numRows ?? this.rect.numRows,
        numColumns ?? this.rect.numColumns,
      ]);
      return this.ctx.range(this.sheetModel, rect);
    });
  }

  override getCell(row: number, column: number): Range {
    return this.call('getCell', () => {
      const r = intArg('SpreadsheetApp.Range.getCell', [row, column], row);
      const c = intArg('SpreadsheetApp.Range.getCell', [row, column], column);
      if (r < 1 || c < 1 || r > this.rect.numRows || c > this.rect.numColumns) {
        throw gasError('Cell reference out of range');
      }
      return this.ctx.range(this.sheetModel, {
        row: this.rect.row + r - 1,
        column: this.rect.column + c - 1,
        numRows: 1,
        numColumns: 1,
      });
    });
  }

  // Sheet-level features from a range -----------------------------------------------------------

  override activate(): Range {
    return this.call('activate', () => {
      const { row, column } = this.rect;
      this.sheetModel.workbook.activeSheet = this.sheetModel;
      this.sheetModel.selection = { ranges: [{ ...this.rect }], current: { row, column } };
      return this;
    });
  }

  override createFilter(): GoogleAppsScript.Spreadsheet.Filter {
    return this.call('createFilter', () => {
      if (this.sheetModel.filter) {
        throw gasError("You can't create a filter in a sheet that already has a filter.");
      }
      this.sheetModel.filter = { rect: { ...this.rect } };
      return new EmuFilter(this.ctx, this.sheetModel);
    });
  }

  override getFilter(): GoogleAppsScript.Spreadsheet.Filter | null {
    return this.call('getFilter', () =>
      this.sheetModel.filter ? new EmuFilter(this.ctx, this.sheetModel) : null,
    );
  }

  override protect(): GoogleAppsScript.Spreadsheet.Protection {
    return this.call('protect', () => {
      const model = newProtection(this.ctx, this.sheetModel, {
        type: 'RANGE',
        rect: { ...this.rect },
      });
      return new EmuProtection(this.ctx, this.sheetModel, model);
    });
  }

  override canEdit(): boolean {
    return this.call('canEdit', () => canEditRect(this.ctx, this.sheetModel, this.rect));
  }

  override sort(sortSpecObj: unknown): Range {
    return this.write('sort', () => {
      const { row, column, numRows, numColumns } = this.rect;
      const keys = sortKeys(sortSpecObj, this.rect);
      sortRows(this.sheetModel, row, row + numRows - 1, column, column + numColumns - 1, keys);
    });
  }

  override createTextFinder(findText: string): GoogleAppsScript.Spreadsheet.TextFinder {
    return this.call(
      'createTextFinder',
      () => new EmuTextFinder(this.ctx, this.sheetModel, { ...this.rect }, String(findText)),
    );
  }
}

/** 'normal' resets the alignment, as in Apps Script. */
function alignmentArg(alignment: string | null): string | undefined {
  return alignment === null || alignment === 'normal' ? undefined : String(alignment);
}

export class EmuRangeList extends notEmulatedBase<RangeList>('RangeList', RangeList_METHODS) {
  private readonly ranges: RangeLike[];

  constructor(
    private readonly ctx: Ctx,
    ranges: readonly RangeLike[],
  ) {
    super();
    this.ranges = ranges.map((r) => ({ sheetModel: r.sheetModel, rect: { ...r.rect } }));
  }

  /** Applies one uncounted operation to every range, as one recorded call. */
  private each(method: string, op: (sheet: SheetModel, rect: Rect) => void): RangeList {
    const written = this.ranges.reduce((n, r) => n + rectCells(r.rect), 0);
    return this.ctx.rec.call(
      `RangeList.${method}`,
      () => {
        for (const r of this.ranges) op(r.sheetModel, r.rect);
        return this;
      },
      { written },
    );
  }

  override getRanges(): Range[] {
    return this.ctx.rec.call('RangeList.getRanges', () =>
      this.ctx.rec.toScript(this.ranges.map((r) => this.ctx.range(r.sheetModel, r.rect))),
    );
  }

  override activate(): RangeList {
    return this.ctx.rec.call('RangeList.activate', () => {
      const sheet = this.ranges[0]?.sheetModel;
      if (sheet) {
        sheet.workbook.activeSheet = sheet;
        const last = this.ranges[this.ranges.length - 1]!.rect;
        sheet.selection = {
          ranges: this.ranges.map((r) => ({ ...r.rect })),
          current: { row: last.row, column: last.column },
        };
      }
      return this;
    });
  }

  override setValue(value: unknown): RangeList {
    return this.each('setValue', (s, r) => ops.setValue(s, r, value));
  }

  override setFormula(formula: string): RangeList {
    return this.each('setFormula', (s, r) => ops.setFormula(s, r, formula));
  }

  override clearContent(): RangeList {
    return this.each('clearContent', ops.clearContent);
  }

  override clear(options?: ops.ClearOptions): RangeList {
    return this.each('clear', (s, r) => ops.clearRange(s, r, options));
  }

  override clearFormat(): RangeList {
    return this.each('clearFormat', ops.clearFormat);
  }

  override clearNote(): RangeList {
    return this.each('clearNote', ops.clearNotes);
  }

  override clearDataValidations(): RangeList {
    return this.each('clearDataValidations', ops.clearValidations);
  }

  override setBackground(color: string | null): RangeList {
    return this.each('setBackground', (s, r) => ops.setStyle(s, r, 'background', colorArg(color)));
  }

  override setFontColor(color: string | null): RangeList {
    return this.each('setFontColor', (s, r) => ops.setStyle(s, r, 'fontColor', colorArg(color)));
  }

  override setFontWeight(fontWeight: GoogleAppsScript.Spreadsheet.FontWeight | null): RangeList {
    return this.each('setFontWeight', (s, r) =>
      ops.setStyle(s, r, 'fontWeight', fontWeight ?? undefined),
    );
  }

  override setHorizontalAlignment(
    alignment: 'left' | 'center' | 'normal' | 'right' | null,
  ): RangeList {
    return this.each('setHorizontalAlignment', (s, r) =>
      ops.setStyle(s, r, 'horizontalAlignment', alignmentArg(alignment)),
    );
  }

  override setVerticalAlignment(alignment: 'top' | 'middle' | 'bottom' | null): RangeList {
    return this.each('setVerticalAlignment', (s, r) =>
      ops.setStyle(s, r, 'verticalAlignment', alignment ?? undefined),
    );
  }

  override setWrap(isWrapEnabled: boolean): RangeList {
    return this.each('setWrap', (s, r) =>
      ops.setStyle(s, r, 'wrapStrategy', isWrapEnabled ? 'WRAP' : undefined),
    );
  }

  override setWrapStrategy(strategy: GoogleAppsScript.Spreadsheet.WrapStrategy): RangeList {
    return this.each('setWrapStrategy', (s, r) =>
      ops.setStyle(s, r, 'wrapStrategy', enumName(strategy)),
    );
  }

  override setNumberFormat(format: string): RangeList {
    return this.each('setNumberFormat', (s, r) => ops.setNumberFormat(s, r, format));
  }

  override setNote(note: string | null): RangeList {
    return this.each('setNote', (s, r) => ops.setNote(s, r, note));
  }

  override insertCheckboxes(...values: unknown[]): RangeList {
    return this.each('insertCheckboxes', (s, r) => ops.insertCheckboxes(s, r, values));
  }

  override removeCheckboxes(): RangeList {
    return this.each('removeCheckboxes', ops.removeCheckboxes);
  }

  override check(): RangeList {
    return this.each('check', (s, r) => ops.setChecked(s, r, true));
  }

  override uncheck(): RangeList {
    return this.each('uncheck', (s, r) => ops.setChecked(s, r, false));
  }
}

/** Range arguments of a RangeList factory. */
export function rangeLikes(method: string, ranges: readonly unknown[]): RangeLike[] {
  return ranges.map((r) => rangeArg(method, r));
}
