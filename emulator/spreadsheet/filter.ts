// The sheet's basic filter. Criteria are stored as given and never hide rows (not emulated).
import { intArg } from './args';
import type { Ctx } from './context';
import { Filter_METHODS } from './gas-names';
import type { SheetModel } from './model';
import { gasError, notEmulatedBase } from './not-emulated';
import { sortRows } from './sort';

type Filter = GoogleAppsScript.Spreadsheet.Filter;

export class EmuFilter extends notEmulatedBase<Filter>('Filter', Filter_METHODS) {
  constructor(
    private readonly ctx: Ctx,
    readonly sheetModel: SheetModel,
  ) {
    super();
  }

  /** The live filter; a removed one fails like Apps Script's stale object. */
  private live() {
    const f = this.sheetModel.filter;
    if (!f) throw gasError('The filter has been removed.');
    return f;
  }

  /** A column inside the filter's range, or Apps Script's error. */
  private column(method: string, columnPosition: unknown): number {
    const rect = this.live().rect;
    const c = intArg(`Filter.${method}`, [columnPosition], columnPosition);
    if (c < rect.column || c >= rect.column + rect.numColumns) {
      throw gasError(`The column position ${c} is outside the filter range.`);
    }
    return c;
  }

  override getRange(): GoogleAppsScript.Spreadsheet.Range {
    return this.ctx.rec.call('Filter.getRange', () =>
      this.ctx.range(this.sheetModel, { ...this.live().rect }),
    );
  }

  override remove(): void {
    this.ctx.rec.call('Filter.remove', () => {
      this.live();
      this.sheetModel.filter = null;
    });
  }

  /** Sorts the filter's rows below its header row by one column. */
  override sort(columnPosition: GoogleAppsScript.Integer, ascending: boolean): Filter {
    return this.ctx.rec.call('Filter.sort', () => {
      const c = this.column('sort', columnPosition);
      const r = this.live().rect;
      sortRows(
        this.sheetModel,
        r.row + 1,
        r.row + r.numRows - 1,
        r.column,
        r.column + r.numColumns - 1,
        [{ column: c, ascending: ascending !== false }],
      );
      return this;
    });
  }

  override setColumnFilterCriteria(
    columnPosition: GoogleAppsScript.Integer,
    filterCriteria: GoogleAppsScript.Spreadsheet.FilterCriteria | null,
  ): Filter {
    return this.ctx.rec.call('Filter.setColumnFilterCriteria', () => {
      const c = this.column('setColumnFilterCriteria', columnPosition);
      const f = this.live();
      f.criteria ??= new Map();
      if (filterCriteria === null) f.criteria.delete(c);
      else f.criteria.set(c, filterCriteria);
      return this;
    });
  }

  override removeColumnFilterCriteria(columnPosition: GoogleAppsScript.Integer): Filter {
    return this.ctx.rec.call('Filter.removeColumnFilterCriteria', () => {
      const c = this.column('removeColumnFilterCriteria', columnPosition);
      this.live().criteria?.delete(c);
      return this;
    });
  }

  override getColumnFilterCriteria(
    columnPosition: GoogleAppsScript.Integer,
  ): GoogleAppsScript.Spreadsheet.FilterCriteria | null {
    return this.ctx.rec.call('Filter.getColumnFilterCriteria', () => {
      const c = this.column('getColumnFilterCriteria', columnPosition);
      return (this.live().criteria?.get(c) as GoogleAppsScript.Spreadsheet.FilterCriteria) ?? null;
    });
  }
}
