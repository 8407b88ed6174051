// The user's selection (SheetModel.selection of the active sheet) as Apps Script exposes it.
import type { Ctx } from './context';
import { Selection_METHODS } from './gas-names';
import type { SheetModel } from './model';
import { notEmulatedBase } from './not-emulated';
import { EmuRangeList } from './range';

type Range = GoogleAppsScript.Spreadsheet.Range;

/** The last selected range: what getActiveRange returns when several are selected. */
export function activeRange(ctx: Ctx, sheet: SheetModel): Range | null {
  const ranges = sheet.selection.ranges;
  const last = ranges[ranges.length - 1];
  return last ? ctx.range(sheet, { ...last }) : null;
}

export function activeRangeList(
  ctx: Ctx,
  sheet: SheetModel,
): GoogleAppsScript.Spreadsheet.RangeList | null {
  const ranges = sheet.selection.ranges;
  if (ranges.length === 0) return null;
  return new EmuRangeList(
    ctx,
    ranges.map((rect) => ({ sheetModel: sheet, rect })),
  );
}

export function currentCell(ctx: Ctx, sheet: SheetModel): Range {
  const { row, column } = sheet.selection.current;
  return ctx.range(sheet, { row, column, numRows: 1, numColumns: 1 });
}

export class EmuSelection extends notEmulatedBase<GoogleAppsScript.Spreadsheet.Selection>(
  'Selection',
  Selection_METHODS,
) {
  constructor(
    private readonly ctx: Ctx,
    private readonly sheet: SheetModel,
  ) {
    super();
  }

  override getActiveRange(): Range | null {
    return this.ctx.rec.call('Selection.getActiveRange', () => activeRange(this.ctx, this.sheet));
  }

  override getActiveRangeList(): GoogleAppsScript.Spreadsheet.RangeList | null {
    return this.ctx.rec.call('Selection.getActiveRangeList', () =>
      activeRangeList(this.ctx, this.sheet),
    );
  }

  override getActiveSheet(): GoogleAppsScript.Spreadsheet.Sheet {
    return this.ctx.rec.call('Selection.getActiveSheet', () => this.ctx.sheet(this.sheet));
  }

  override getCurrentCell(): Range | null {
    return this.ctx.rec.call('Selection.getCurrentCell', () => currentCell(this.ctx, this.sheet));
  }
}
