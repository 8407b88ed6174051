// A tiny CallRecorder for testing the spreadsheet service on its own: it runs each call, keeps
// its name and adds up the cells read and written. Dates stay host Dates unless a realm is given.
import type { CallRecorder, CellCounts } from '../../../emulator/recorder';
import { resolveVariants, type Variants } from '../../../emulator/variants';
import type { Realm } from '../../../emulator/realm';
import type { SheetSnapshot, WorkbookSnapshot } from '../../../emulator/snapshot';
import {
  createSpreadsheetService,
  type SpreadsheetService,
} from '../../../emulator/spreadsheet/index';

export const NOW = new Date('2026-12-01T09:00:00+09:00');
export const USER = 'staff@example.jp';

export class TestRecorder implements CallRecorder {
  readonly calls: string[] = [];
  read = 0;
  written = 0;

  constructor(private readonly realm?: Realm) {}

  call<T>(method: string, impl: () => T, cells?: CellCounts): T {
    this.calls.push(method);
    const result = impl();
    this.read += cells?.read ?? 0;
    this.written += cells?.written ?? 0;
    return result;
  }

  toScript<T>(value: T): T {
    return this.realm ? this.realm.toScript(value) : value;
  }

  now(): Date {
    return new Date(NOW.getTime());
  }

  reset(): void {
    this.calls.length = 0;
    this.read = 0;
    this.written = 0;
  }
}

export interface Fixture {
  service: SpreadsheetService;
  app: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet;
  rec: TestRecorder;
  sheet: (name?: string) => GoogleAppsScript.Spreadsheet.Sheet;
}

export function sheetSnapshot(
  name: string,
  values: SheetSnapshot['values'] = [],
  extra: Partial<SheetSnapshot> = {},
): SheetSnapshot {
  return { name, values, ...extra };
}

/** A service over `sheets` (default: one empty 1000×26 sheet 'Data') in Asia/Tokyo. */
export function fixture(
  sheets: SheetSnapshot[] = [sheetSnapshot('Data', [], { maxRows: 1000, maxColumns: 26 })],
  options: {
    realm?: Realm;
    ui?: () => GoogleAppsScript.Base.Ui;
    variants?: Partial<Variants>;
  } = {},
): Fixture {
  const rec = new TestRecorder(options.realm);
  const initial: WorkbookSnapshot = { name: '予約台帳', timeZone: 'Asia/Tokyo', sheets };
  const service = createSpreadsheetService(
    {
      rec,
      ui:
        options.ui ??
        (() => {
          throw new Error('no UI in this test');
        }),
      effectiveUser: () => USER,
    },
    initial,
    resolveVariants(options.variants),
  );
  const ss = service.app.getActiveSpreadsheet();
  const sheet = (name?: string): GoogleAppsScript.Spreadsheet.Sheet => {
    const found = name === undefined ? ss.getSheets()[0] : ss.getSheetByName(name);
    if (!found) throw new Error(`no sheet ${name}`);
    return found;
  };
  rec.reset();
  return { service, app: service.app, ss, rec, sheet };
}

/** The instant of a wall-clock time in Tokyo, written with its offset so no host zone leaks in. */
export function tokyo(isoLocal: string): Date {
  return new Date(`${isoLocal}+09:00`);
}
