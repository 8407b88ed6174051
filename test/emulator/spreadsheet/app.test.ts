import { describe, expect, it } from 'vitest';
import { createSpreadsheetService } from '../../../emulator/spreadsheet/index';
import { NOW, TestRecorder, USER, fixture, sheetSnapshot } from './helpers';

describe('createSpreadsheetService', () => {
  it('a snapshot without sheets is a new spreadsheet with one empty シート1', () => {
    const service = createSpreadsheetService(
      {
        rec: new TestRecorder(),
        ui: () => ({}) as GoogleAppsScript.Base.Ui,
        effectiveUser: () => USER,
      },
      { name: '新しいスプレッドシート', timeZone: 'Asia/Tokyo', sheets: [] },
    );
    const ss = service.app.getActiveSpreadsheet();
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['シート1']);
    expect([ss.getActiveSheet().getMaxRows(), ss.getActiveSheet().getMaxColumns()]).toEqual([
      1000, 26,
    ]);
    expect(service.snapshot().sheets[0]).toMatchObject({ name: 'シート1', values: [] });
  });
});

describe('SpreadsheetApp', () => {
  it('routes every call through the recorder with the Apps Script name', () => {
    const { app, rec } = fixture();
    app.getActiveSpreadsheet().getSheetByName('Data')!.getRange('A1').setValue(1);
    app.flush();
    expect(rec.calls).toEqual([
      'SpreadsheetApp.getActiveSpreadsheet',
      'Spreadsheet.getSheetByName',
      'Sheet.getRange',
      'Range.setValue',
      'SpreadsheetApp.flush',
    ]);
  });

  it('getUi comes from the deps; getActive is the same spreadsheet', () => {
    const ui = { alert: () => 'OK' } as unknown as GoogleAppsScript.Base.Ui;
    const { app } = fixture(undefined, { ui: () => ui });
    expect(app.getUi()).toBe(ui);
    expect(app.getActive().getId()).toBe(app.getActiveSpreadsheet().getId());
    expect(app.openById(app.getActive().getId()).getName()).toBe('予約台帳');
    expect(() => app.openById('other')).toThrow('not emulated');
  });

  it('enums compare by identity and print their names', () => {
    const { app } = fixture();
    expect(app.DataValidationCriteria.VALUE_IN_LIST).toBe('VALUE_IN_LIST');
    expect(String(app.ProtectionType.SHEET)).toBe('SHEET');
    expect(app.Dimension.ROWS).toBe(app.Dimension.ROWS);
    expect(String(app.BooleanCriteria.CUSTOM_FORMULA)).toBe('CUSTOM_FORMULA');
  });
});

describe('Spreadsheet', () => {
  it('knows its id, url, name and time zone', () => {
    const { ss } = fixture();
    expect(ss.getId()).toHaveLength(44);
    expect(ss.getUrl()).toBe(`https://docs.google.com/spreadsheets/d/${ss.getId()}/edit`);
    expect(ss.getName()).toBe('予約台帳');
    expect(ss.getSpreadsheetTimeZone()).toBe('Asia/Tokyo');
    ss.setSpreadsheetTimeZone('America/New_York');
    expect(ss.getSpreadsheetTimeZone()).toBe('America/New_York');
    expect(() => ss.setSpreadsheetTimeZone('Mars/Base')).toThrow('Invalid argument');
  });

  it('the time zone decides what a typed date means', () => {
    const { ss, sheet } = fixture();
    ss.setSpreadsheetTimeZone('America/New_York');
    sheet().getRange('A1').setValue('2026/12/02 10:00');
    expect(sheet().getRange('A1').getValue()).toEqual(new Date('2026-12-02T10:00:00-05:00'));
  });

  it('insertSheet names, places and activates the new sheet', () => {
    const { ss } = fixture();
    const a = ss.insertSheet('予約');
    expect(ss.getActiveSheet().getName()).toBe('予約');
    ss.insertSheet('設定', 0);
    const unnamed = ss.insertSheet();
    expect(ss.getSheets().map((s) => s.getName())).toEqual([
      '設定',
      'Data',
      '予約',
      unnamed.getName(),
    ]);
    expect(unnamed.getName()).toBe('シート4');
    expect(() => ss.insertSheet('予約')).toThrow('A sheet with the name "予約" already exists.');
    expect(a.getIndex()).toBe(3);
    ss.deleteSheet(a);
    expect(ss.getSheetByName('予約')).toBeNull();
  });

  it('cannot delete the last sheet', () => {
    const { ss } = fixture();
    expect(() => ss.deleteSheet(ss.getSheets()[0]!)).toThrow(
      "You can't remove all the sheets in a document.",
    );
  });

  it('getRange takes A1 with a sheet name, else the active sheet', () => {
    const { ss } = fixture([sheetSnapshot('Data', [['d']]), sheetSnapshot('My Sheet', [['m']])]);
    expect(ss.getRange("'My Sheet'!A1").getValue()).toBe('m');
    expect(ss.getRange('A1').getValue()).toBe('d');
    expect(
      ss
        .getRangeList(['A1', "'My Sheet'!A1:B2"])
        .getRanges()
        .map((r) => r.getA1Notation()),
    ).toEqual(['A1', 'A1:B2']);
  });

  it('toast is recorded with the simulated time', () => {
    const { ss, service } = fixture();
    ss.toast('3件チェックしました', '予約台帳', 5);
    ss.toast('done');
    expect(service.workbook.toasts).toEqual([
      { message: '3件チェックしました', title: '予約台帳', timeoutSeconds: 5, at: NOW },
      { message: 'done', title: '', timeoutSeconds: null, at: NOW },
    ]);
  });
});

describe('selection', () => {
  it("reflects the person's selection: last range is the active one", () => {
    const { app, ss, service } = fixture([sheetSnapshot('Data', []), sheetSnapshot('予約', [])]);
    service.person.select('予約', ['B2:C2', 'E4:E5']);
    expect(app.getActiveSheet().getName()).toBe('予約');
    expect(app.getActiveRange().getA1Notation()).toBe('E4:E5');
    expect(
      ss
        .getActiveRangeList()!
        .getRanges()
        .map((r) => r.getA1Notation()),
    ).toEqual(['B2:C2', 'E4:E5']);
    const selection = app.getSelection();
    expect(selection.getActiveSheet().getName()).toBe('予約');
    expect(selection.getCurrentCell()?.getA1Notation()).toBe('E4');
  });

  it('Range.activate and setActiveSheet move the selection', () => {
    const { app, ss, sheet } = fixture([sheetSnapshot('Data', []), sheetSnapshot('予約', [])]);
    sheet('予約').getRange('C3').activate();
    expect(ss.getActiveRange()!.getA1Notation()).toBe('C3');
    ss.setActiveSheet(sheet('Data'));
    expect(app.getActiveSheet().getName()).toBe('Data');
    expect(app.getActiveRange().getA1Notation()).toBe('A1');
  });
});

describe('RangeList', () => {
  it('applies one operation to every range as one counted call', () => {
    const { sheet, rec } = fixture();
    const list = sheet().getRangeList(['A1:B1', 'D4']);
    rec.reset();
    list.setValue('x').setBackground('yellow');
    expect(rec.calls).toEqual(['RangeList.setValue', 'RangeList.setBackground']);
    expect(rec.written).toBe(6);
    expect(sheet().getRange('A1:D4').getValues()[0]).toEqual(['x', 'x', '', '']);
    expect(sheet().getRange('D4').getBackground()).toBe('#ffff00');
    list.clearContent();
    expect(sheet().getLastRow()).toBe(0);
  });
});
