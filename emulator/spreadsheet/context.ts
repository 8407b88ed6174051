// What every GAS-facing object of one spreadsheet shares: its state, its recorder and deps.
import type { CallRecorder } from '../recorder';
import type { WorkbookModel } from './model';

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
}
