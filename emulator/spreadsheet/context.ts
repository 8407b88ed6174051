// What every GAS-facing object of one spreadsheet shares: its state, its recorder and deps.
import type { CallRecorder } from '../recorder';
import type { Rect } from './geometry';
import type { SheetModel, WorkbookModel } from './model';

export interface SpreadsheetDeps {
  rec: CallRecorder;
  /** Provided by the runtime: the Ui of the current execution. */
  ui: () => GoogleAppsScript.Base.Ui;
  /** E-mail of the user running the script (editor of new protections). */
  effectiveUser: () => string;
}

export interface Ctx {
  readonly wb: WorkbookModel;
  readonly deps: SpreadsheetDeps;
  readonly rec: CallRecorder;
  /** The GAS-facing spreadsheet object (Sheet.getParent, Range.getSheet().getParent()). */
  readonly spreadsheet: () => GoogleAppsScript.Spreadsheet.Spreadsheet;
  /** The GAS-facing object of a sheet (one per sheet model). */
  readonly sheet: (model: SheetModel) => GoogleAppsScript.Spreadsheet.Sheet;
  /** A new GAS-facing Range; factories here keep the class modules free of import cycles. */
  readonly range: (model: SheetModel, rect: Rect) => GoogleAppsScript.Spreadsheet.Range;
}
