// The emulated SpreadsheetApp of one bound spreadsheet: the global the script sees, the model
// behind it, a person who can edit it between script calls, and a way to save it.
import type { WorkbookSnapshot } from '../snapshot';
import { DEFAULT_VARIANTS, type Variants } from '../variants';
import { EmuSpreadsheetApp } from './app';
import { assertInGrid } from './cells';
import type { Ctx, SpreadsheetDeps } from './context';
import type { SheetModel, WorkbookModel } from './model';
import { PersonActions } from './person';
import { EmuRange } from './range';
import { EmuSheet } from './sheet';
import { loadWorkbook, saveWorkbook } from './snapshot-io';
import { EmuSpreadsheet } from './spreadsheet';

export type { SpreadsheetDeps } from './context';
export { PersonActions } from './person';

export interface SpreadsheetService {
  app: GoogleAppsScript.Spreadsheet.SpreadsheetApp; // installed as the global SpreadsheetApp
  workbook: WorkbookModel;
  person: PersonActions;
  snapshot(): WorkbookSnapshot;
}

export function createSpreadsheetService(
  deps: SpreadsheetDeps,
  initial: WorkbookSnapshot,
  variants: Readonly<Variants> = DEFAULT_VARIANTS,
): SpreadsheetService {
  const workbook = loadWorkbook(initial, { rec: deps.rec, owner: deps.effectiveUser() });
  workbook.variants = variants;
  const sheets = new WeakMap<SheetModel, EmuSheet>();
  let spreadsheet: EmuSpreadsheet | undefined;
  const ctx: Ctx = {
    wb: workbook,
    deps,
    rec: deps.rec,
    spreadsheet: () => (spreadsheet ??= new EmuSpreadsheet(ctx)),
    sheet: (model) => {
      let sheet = sheets.get(model);
      if (!sheet) {
        sheet = new EmuSheet(ctx, model);
        sheets.set(model, sheet);
      }
      return sheet;
    },
    range: (model, rect) => {
      assertInGrid(model, rect);
      return new EmuRange(ctx, model, rect);
    },
  };
  return {
    app: new EmuSpreadsheetApp(ctx),
    workbook,
    person: new PersonActions(workbook),
    snapshot: () => saveWorkbook(workbook),
  };
}
