// SpreadsheetApp: the global the script starts from. Only the bound spreadsheet exists.
import { rangeArg } from './args';
import { EmuConditionalFormatRuleBuilder } from './conditional';
import type { Ctx } from './context';
import {
  BooleanCriteria,
  DataValidationCriteria,
  Dimension,
  Direction,
  ProtectionType,
  SheetType,
  ValueType,
  WrapStrategy,
} from './enums';
import { SpreadsheetApp_METHODS } from './gas-names';
import { gasError, notEmulated, notEmulatedBase } from './not-emulated';
import { activeRange, activeRangeList, currentCell, EmuSelection } from './selection';
import { EmuDataValidationBuilder } from './validation';

/** The bound spreadsheet: spreadsheets.currentonly suffices; the Ui: script.container.ui. */
const SPREADSHEET_SCOPES = [
  'https://www.googleapis.com/auth/spreadsheets.currentonly',
  'https://www.googleapis.com/auth/spreadsheets',
];
const CONTAINER_UI_SCOPE = 'https://www.googleapis.com/auth/script.container.ui';

type Range = GoogleAppsScript.Spreadsheet.Range;

/** Enums Apps Script has and this emulator does not: reading one throws. */
const MISSING_ENUMS = [
  'AutoFillSeries',
  'BandingTheme',
  'BorderStyle',
  'ColorType',
  'CopyPasteType',
  'DataExecutionErrorCode',
  'DataExecutionState',
  'DataSourceParameterType',
  'DataSourceType',
  'DeveloperMetadataLocationType',
  'DeveloperMetadataVisibility',
  'GroupControlTogglePosition',
  'InterpolationType',
  'PivotTableSummarizeFunction',
  'PivotValueDisplayType',
  'RecalculationInterval',
  'RelativeDate',
  'TextDirection',
  'TextToColumnsDelimiter',
  'ThemeColorType',
];

export class EmuSpreadsheetApp extends notEmulatedBase<GoogleAppsScript.Spreadsheet.SpreadsheetApp>(
  'SpreadsheetApp',
  SpreadsheetApp_METHODS,
) {
  override readonly BooleanCriteria = BooleanCriteria;
  override readonly DataValidationCriteria = DataValidationCriteria;
  override readonly Dimension = Dimension;
  override readonly Direction = Direction;
  override readonly ProtectionType = ProtectionType;
  override readonly SheetType = SheetType;
  override readonly ValueType = ValueType;
  override readonly WrapStrategy = WrapStrategy;

  constructor(private readonly ctx: Ctx) {
    super();
    for (const name of MISSING_ENUMS) {
      Object.defineProperty(this, name, {
        get: () => {
          throw notEmulated(`SpreadsheetApp.${name}`);
        },
      });
    }
  }

  private call<T>(method: string, impl: () => T): T {
    return this.ctx.rec.call(`SpreadsheetApp.${method}`, impl);
  }

  /** The bound spreadsheet: needs spreadsheets.currentonly (or spreadsheets) in the manifest. */
  private bound(method: string): GoogleAppsScript.Spreadsheet.Spreadsheet {
    this.ctx.rec.requireScope?.(`SpreadsheetApp.${method}`, SPREADSHEET_SCOPES);
    return this.ctx.spreadsheet();
  }

  override getActiveSpreadsheet(): GoogleAppsScript.Spreadsheet.Spreadsheet {
    return this.call('getActiveSpreadsheet', () => this.bound('getActiveSpreadsheet'));
  }

  override getActive(): GoogleAppsScript.Spreadsheet.Spreadsheet {
    return this.call('getActive', () => this.bound('getActive'));
  }

  /** Only the bound spreadsheet can be opened here. */
  override openById(id: string): GoogleAppsScript.Spreadsheet.Spreadsheet {
    return this.call('openById', () => {
      if (id !== this.ctx.wb.id)
        throw notEmulated('SpreadsheetApp.openById of another spreadsheet');
      return this.ctx.spreadsheet();
    });
  }

  override getUi(): GoogleAppsScript.Base.Ui {
    return this.call('getUi', () => {
      this.ctx.rec.requireScope?.('SpreadsheetApp.getUi', [CONTAINER_UI_SCOPE]);
      return this.ctx.deps.ui();
    });
  }

  /** Writes are applied at once here, so there is nothing to flush. */
  override flush(): void {
    this.call('flush', () => undefined);
  }

  override getActiveSheet(): GoogleAppsScript.Spreadsheet.Sheet {
    return this.call('getActiveSheet', () => {
      this.bound('getActiveSheet');
      return this.ctx.sheet(this.ctx.wb.active());
    });
  }

  override getActiveRange(): Range {
    return this.call('getActiveRange', () => activeRange(this.ctx, this.ctx.wb.active()) as Range);
  }

  override getActiveRangeList(): GoogleAppsScript.Spreadsheet.RangeList {
    return this.call(
      'getActiveRangeList',
      () =>
        activeRangeList(this.ctx, this.ctx.wb.active()) as GoogleAppsScript.Spreadsheet.RangeList,
    );
  }

  override getCurrentCell(): Range {
    return this.call('getCurrentCell', () => currentCell(this.ctx, this.ctx.wb.active()));
  }

  override getSelection(): GoogleAppsScript.Spreadsheet.Selection {
    return this.call('getSelection', () => new EmuSelection(this.ctx, this.ctx.wb.active()));
  }

  override setActiveSheet(
    sheet: GoogleAppsScript.Spreadsheet.Sheet,
  ): GoogleAppsScript.Spreadsheet.Sheet {
    return this.call('setActiveSheet', () => {
      const model = (sheet as { sheetModel?: unknown }).sheetModel;
      const found = this.ctx.wb.sheets.find((s) => s === model);
      if (!found) throw gasError('The sheet does not belong to this spreadsheet.');
      this.ctx.wb.activeSheet = found;
      return sheet;
    });
  }

  override setActiveRange(range: Range): Range {
    return this.call('setActiveRange', () => {
      const { sheetModel, rect } = rangeArg('SpreadsheetApp.setActiveRange', range);
      this.ctx.wb.activeSheet = sheetModel;
      sheetModel.selection = {
        ranges: [{ ...rect }],
        current: { row: rect.row, column: rect.column },
      };
      return range;
    });
  }

  override newDataValidation(): GoogleAppsScript.Spreadsheet.DataValidationBuilder {
    return this.call('newDataValidation', () => new EmuDataValidationBuilder(this.ctx));
  }

  override newConditionalFormatRule(): GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder {
    return this.call(
      'newConditionalFormatRule',
      () => new EmuConditionalFormatRuleBuilder(this.ctx),
    );
  }
}
