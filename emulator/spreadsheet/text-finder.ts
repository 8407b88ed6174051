// TextFinder over a sheet or a range: searches the displayed text of each cell (or its formula
// with matchFormulaText), row by row, as Sheets' find-and-replace does.
import { rangeArg } from './args';
import type { Ctx } from './context';
import { displayValue } from './format';
import type { Rect } from './geometry';
import { TextFinder_METHODS } from './gas-names';
import type { SheetModel } from './model';
import { notEmulatedBase } from './not-emulated';
import { enterValue } from './values';

type TextFinder = GoogleAppsScript.Spreadsheet.TextFinder;
type Range = GoogleAppsScript.Spreadsheet.Range;

/** The cells of a rectangle, row by row. */
function cellsOf(rect: Rect): { row: number; column: number }[] {
  const out: { row: number; column: number }[] = [];
  for (let row = rect.row; row < rect.row + rect.numRows; row++) {
    for (let column = rect.column; column < rect.column + rect.numColumns; column++) {
      out.push({ row, column });
    }
  }
  return out;
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export class EmuTextFinder extends notEmulatedBase<TextFinder>('TextFinder', TextFinder_METHODS) {
  private caseSensitive = false;
  private entireCell = false;
  private regex = false;
  private formulaText = false;
  /** The cell of the last match returned (or startFrom's cell); null before the first. */
  private position: { row: number; column: number } | null = null;

  constructor(
    private readonly ctx: Ctx,
    private readonly sheet: SheetModel,
    /** null: the whole sheet. */
    private readonly scope: Rect | null,
    private readonly findText: string,
  ) {
    super();
  }

  private option(method: string, set: () => void): TextFinder {
    return this.ctx.rec.call(`TextFinder.${method}`, () => {
      set();
      return this;
    });
  }

  override matchCase(matchCase: boolean): TextFinder {
    return this.option('matchCase', () => (this.caseSensitive = Boolean(matchCase)));
  }

  override matchEntireCell(matchEntireCell: boolean): TextFinder {
    return this.option('matchEntireCell', () => (this.entireCell = Boolean(matchEntireCell)));
  }

  override useRegularExpression(useRegEx: boolean): TextFinder {
    return this.option('useRegularExpression', () => (this.regex = Boolean(useRegEx)));
  }

  override matchFormulaText(matchFormulaText: boolean): TextFinder {
    return this.option('matchFormulaText', () => (this.formulaText = Boolean(matchFormulaText)));
  }

  override startFrom(startRange: Range): TextFinder {
    return this.option('startFrom', () => {
      const r = rangeArg('TextFinder.startFrom', startRange).rect;
      this.position = { row: r.row, column: r.column };
    });
  }

  private pattern(global: boolean): RegExp {
    const body = this.regex ? this.findText : escapeRegExp(this.findText);
    const anchored = this.entireCell ? `^(?:${body})$` : body;
    return new RegExp(anchored, `${this.caseSensitive ? '' : 'i'}${global ? 'g' : ''}`);
  }

  private searchRect(): Rect {
    const s = this.sheet;
    return (
      this.scope ?? {
        row: 1,
        column: 1,
        numRows: Math.max(1, s.lastContentRow()),
        numColumns: Math.max(1, s.lastContentColumn()),
      }
    );
  }

  /** The text a cell is searched in, or null when it has none. */
  private textAt(row: number, column: number): string | null {
    const s = this.sheet;
    const formula = s.formulas.get(row - 1, column - 1);
    if (formula !== undefined) return this.formulaText ? formula : null;
    const v = s.values.get(row - 1, column - 1);
    if (v === undefined || v === '') return null;
    return displayValue(v, s.numberFormats.get(row - 1, column - 1), s.workbook.timeZone);
  }

  /** Matching cells in row-major order. */
  private matches(): { row: number; column: number }[] {
    const re = this.pattern(false);
    return cellsOf(this.searchRect()).filter(({ row, column }) => {
      const text = this.textAt(row, column);
      return text !== null && re.test(text);
    });
  }

  private toRange(cell: { row: number; column: number }): Range {
    return this.ctx.range(this.sheet, {
      row: cell.row,
      column: cell.column,
      numRows: 1,
      numColumns: 1,
    });
  }

  override findAll(): Range[] {
    return this.ctx.rec.call('TextFinder.findAll', () =>
      this.ctx.rec.toScript(this.matches().map((c) => this.toRange(c))),
    );
  }

  override findNext(): Range | null {
    return this.ctx.rec.call('TextFinder.findNext', () => {
      const p = this.position;
      const next = this.matches().find(
        (c) => !p || c.row > p.row || (c.row === p.row && c.column > p.column),
      );
      if (!next) return null;
      this.position = next;
      return this.toRange(next);
    });
  }

  override findPrevious(): Range | null {
    return this.ctx.rec.call('TextFinder.findPrevious', () => {
      const p = this.position;
      const prev = this.matches()
        .reverse()
        .find((c) => !p || c.row < p.row || (c.row === p.row && c.column < p.column));
      if (!prev) return null;
      this.position = prev;
      return this.toRange(prev);
    });
  }

  override getCurrentMatch(): Range | null {
    return this.ctx.rec.call('TextFinder.getCurrentMatch', () =>
      this.position ? this.toRange(this.position) : null,
    );
  }

  /** Replaces in one cell; the new text is entered as typed (so '12' becomes a number). */
  private replaceIn(cell: { row: number; column: number }, replaceText: string): boolean {
    const text = this.textAt(cell.row, cell.column);
    if (text === null || this.sheet.formulas.get(cell.row - 1, cell.column - 1) !== undefined) {
      return false;
    }
    const replaced = text.replace(this.pattern(true), replaceText);
    const r = cell.row - 1;
    const c = cell.column - 1;
    const entered = enterValue(
      replaced,
      this.sheet.numberFormats.get(r, c),
      this.sheet.workbook.entryContext(),
    );
    this.sheet.values.set(r, c, entered.value === '' ? undefined : entered.value);
    this.sheet.formulas.set(r, c, entered.formula);
    return true;
  }

  override replaceAllWith(replaceText: string): GoogleAppsScript.Integer {
    const found = this.matches();
    return this.ctx.rec.call(
      'TextFinder.replaceAllWith',
      () => found.filter((c) => this.replaceIn(c, String(replaceText))).length,
      { written: found.length },
    );
  }

  override replaceWith(replaceText: string): GoogleAppsScript.Integer {
    return this.ctx.rec.call(
      'TextFinder.replaceWith',
      () => (this.position && this.replaceIn(this.position, String(replaceText)) ? 1 : 0),
      { written: 1 },
    );
  }
}
