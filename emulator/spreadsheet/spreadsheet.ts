// Spreadsheet: the bound workbook as the script sees it.
import { resolveA1, rangeArg } from './args';
import { signatureError } from './cells';
import type { Ctx } from './context';
import { enumName } from './enums';
import { Spreadsheet_METHODS } from './gas-names';
import { gasError, notEmulatedBase } from './not-emulated';
import { EmuProtection } from './protection';
import { EmuRangeList } from './range';
import { EmuSelection, activeRange, activeRangeList, currentCell } from './selection';
import { EmuSheet, checkSheetName } from './sheet';
import { insertSheetModel } from './workbook';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

/** A sheet argument: one of this spreadsheet's sheets. */
function sheetArg(method: string, sheet: unknown): EmuSheet {
  if (!(sheet instanceof EmuSheet)) throw signatureError(method, [sheet]);
  return sheet;
}

export class EmuSpreadsheet extends notEmulatedBase<GoogleAppsScript.Spreadsheet.Spreadsheet>(
  'Spreadsheet',
  Spreadsheet_METHODS,
) {
  constructor(private readonly ctx: Ctx) {
    super();
  }

  private call<T>(method: string, impl: () => T): T {
    return this.ctx.rec.call(`Spreadsheet.${method}`, impl);
  }

  private get wb() {
    return this.ctx.wb;
  }

  override getId(): string {
    return this.call('getId', () => this.wb.id);
  }

  override getName(): string {
    return this.call('getName', () => this.wb.name);
  }

  override rename(newName: string): void {
    this.call('rename', () => (this.wb.name = String(newName)));
  }

  override getUrl(): string {
    return this.call('getUrl', () => `https://docs.google.com/spreadsheets/d/${this.wb.id}/edit`);
  }

  override getSpreadsheetTimeZone(): string {
    return this.call('getSpreadsheetTimeZone', () => this.wb.timeZone);
  }

  override setSpreadsheetTimeZone(timezone: string): void {
    this.call('setSpreadsheetTimeZone', () => {
      try {
        new Intl.DateTimeFormat('en-US', { timeZone: timezone });
      } catch {
        throw gasError(`Invalid argument: ${timezone}`);
      }
      this.wb.timeZone = timezone;
    });
  }

  override getSpreadsheetLocale(): string {
    return this.call('getSpreadsheetLocale', () => 'ja_JP');
  }

  override toast(msg: string, title?: string, timeoutSeconds?: number | null): void {
    this.call('toast', () => {
      this.wb.toasts.push({
        message: String(msg),
        title: title === undefined || title === null ? '' : String(title),
        timeoutSeconds: timeoutSeconds ?? null,
        at: this.ctx.rec.now(),
      });
    });
  }

  // Sheets --------------------------------------------------------------------------------------

  override getSheets(): Sheet[] {
    return this.call('getSheets', () => this.ctx.rec.toScript(this.wb.sheets.map(this.ctx.sheet)));
  }

  override getNumSheets(): number {
    return this.call('getNumSheets', () => this.wb.sheets.length);
  }

  override getSheetByName(name: string): Sheet | null {
    return this.call('getSheetByName', () => {
      const sheet = this.wb.sheetByName(String(name));
      return sheet ? this.ctx.sheet(sheet) : null;
    });
  }

  override getSheetById(id: number): Sheet | null {
    return this.call('getSheetById', () => {
      const sheet = this.wb.sheets.find((s) => s.sheetId === id);
      return sheet ? this.ctx.sheet(sheet) : null;
    });
  }

  /** insertSheet([name][, index]): the new sheet becomes the active one, as in Apps Script. */
  override insertSheet(...args: unknown[]): Sheet {
    return this.call('insertSheet', () => {
      const name = typeof args[0] === 'string' ? args[0] : undefined;
      const rest = name === undefined ? args : args.slice(1);
      const index = typeof rest[0] === 'number' ? rest[0] : undefined;
      if (rest.some((a) => typeof a === 'object' && a !== null)) {
        throw new Error('not emulated: Spreadsheet.insertSheet with options');
      }
      if (name !== undefined) checkSheetName(null, name, this.wb.sheetByName(name));
      if (index !== undefined && (index < 0 || index > this.wb.sheets.length)) {
        throw gasError(`The sheet index ${index} is out of range.`);
      }
      const sheet = insertSheetModel(this.wb, name, index ?? this.wb.sheets.length);
      this.wb.activeSheet = sheet;
      return this.ctx.sheet(sheet);
    });
  }

  override deleteSheet(sheet: Sheet): void {
    this.call('deleteSheet', () => {
      const model = sheetArg('SpreadsheetApp.Spreadsheet.deleteSheet', sheet).sheetModel;
      if (!this.wb.sheets.includes(model)) throw gasError('The sheet has already been deleted.');
      if (this.wb.sheets.length === 1)
        throw gasError("You can't remove all the sheets in a document.");
      this.wb.removeSheet(model);
    });
  }

  override getActiveSheet(): Sheet {
    return this.call('getActiveSheet', () => this.ctx.sheet(this.wb.active()));
  }

  override setActiveSheet(sheet: Sheet): Sheet {
    return this.call('setActiveSheet', () => {
      const s = sheetArg('SpreadsheetApp.Spreadsheet.setActiveSheet', sheet);
      this.wb.activeSheet = s.sheetModel;
      return s;
    });
  }

  // Ranges and selection ------------------------------------------------------------------------

  override getRange(a1Notation: string): Range {
    return this.call('getRange', () => {
      const { sheet, rect } = resolveA1(
        a1Notation,
        this.wb.active(),
        'SpreadsheetApp.Spreadsheet.getRange',
      );
      return this.ctx.range(sheet, rect);
    });
  }

  override getRangeList(a1Notations: string[]): GoogleAppsScript.Spreadsheet.RangeList {
    return this.call('getRangeList', () => {
      const active = this.wb.active();
      const ranges = Array.from(a1Notations, (a1) => {
        const { sheet, rect } = resolveA1(a1, active, 'SpreadsheetApp.Spreadsheet.getRangeList');
        return { sheetModel: sheet, rect };
      });
      return new EmuRangeList(this.ctx, ranges);
    });
  }

  override getActiveRange(): Range | null {
    return this.call('getActiveRange', () => activeRange(this.ctx, this.wb.active()));
  }

  override getActiveRangeList(): GoogleAppsScript.Spreadsheet.RangeList | null {
    return this.call('getActiveRangeList', () => activeRangeList(this.ctx, this.wb.active()));
  }

  override getActiveCell(): Range {
    return this.call('getActiveCell', () => currentCell(this.ctx, this.wb.active()));
  }

  override getCurrentCell(): Range {
    return this.call('getCurrentCell', () => currentCell(this.ctx, this.wb.active()));
  }

  override getSelection(): GoogleAppsScript.Spreadsheet.Selection {
    return this.call('getSelection', () => new EmuSelection(this.ctx, this.wb.active()));
  }

  override setActiveRange(range: Range): Range {
    return this.call('setActiveRange', () => {
      const { sheetModel, rect } = rangeArg('SpreadsheetApp.Spreadsheet.setActiveRange', range);
      this.wb.activeSheet = sheetModel;
      sheetModel.selection = {
        ranges: [{ ...rect }],
        current: { row: rect.row, column: rect.column },
      };
      return range;
    });
  }

  override getProtections(
    type: GoogleAppsScript.Spreadsheet.ProtectionType,
  ): GoogleAppsScript.Spreadsheet.Protection[] {
    return this.call('getProtections', () => {
      const t = enumName(type);
      const found = this.wb.sheets.flatMap((sheet) =>
        sheet.protections
          .filter((p) => p.type === t)
          .map((p) => new EmuProtection(this.ctx, sheet, p)),
      );
      return this.ctx.rec.toScript(found);
    });
  }
}
