// The facade's spreadsheet side: realm Dates from getValues, onEdit events after a person types,
// records by header, selection and toasts.
import { describe, expect, it } from 'vitest';
import { emulate, workbook } from './fixtures/emulate';

const DAY = new Date('2026-12-01T00:00:00+09:00');

const SCRIPT = `
function dates() {
  var sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('予約');
  var cell = sheet.getRange('C2').getValue();
  var block = sheet.getRange('A1:C2').getValues();
  return [cell instanceof Date, block[1][2] instanceof Date, cell.getTime(), Array.isArray(block)];
}
function onOpen(e) {
  return [e.authMode === ScriptApp.AuthMode.LIMITED, e.source.getName(), e.user.getEmail()];
}
function onEdit(e) {
  return {
    a1: e.range.getA1Notation(),
    sheet: e.range.getSheet().getName(),
    value: e.value,
    oldValue: e.oldValue,
    hasValue: 'value' in e,
    limited: e.authMode === ScriptApp.AuthMode.LIMITED,
    user: e.user.getEmail(),
    source: e.source.getName(),
  };
}
function install() { ScriptApp.newTrigger('onEditInstalled').forSpreadsheet(SpreadsheetApp.getActive()).onEdit().create(); }
function selected() { return SpreadsheetApp.getActiveSpreadsheet().getActiveRange().getA1Notation(); }
function toastIt() { SpreadsheetApp.getActiveSpreadsheet().toast('3件送信しました', 'オンライン相談', 5); }
`;

const ROWS = [
  ['予約ID', '氏名', '相談日'],
  ['R-1', '山田', DAY],
  ['R-2', '佐藤', ''],
];

describe('the emulated spreadsheet through the facade', () => {
  it('hands the script Dates of its own realm from getValue/getValues', () => {
    const emu = emulate(SCRIPT, { workbook: workbook(ROWS) });
    expect(emu.runOk('dates')).toEqual([true, true, DAY.getTime(), true]);
  });

  it('runs onOpen as a simple trigger with its event', () => {
    const emu = emulate(SCRIPT, { workbook: workbook(ROWS) });
    // A simple trigger runs without the user's authorization: no e-mail (User.getEmail reference).
    expect(emu.open().value).toEqual([true, 'テスト台帳', '']);
  });

  it('fires onEdit after a person types, with value, oldValue and range', () => {
    const emu = emulate(SCRIPT, { workbook: workbook(ROWS) });
    const [run] = emu.edit('予約', 'B2', '山田 太郎');
    expect(run?.kind).toBe('simple');
    expect(run?.value).toEqual({
      a1: 'B2',
      sheet: '予約',
      value: '山田 太郎',
      oldValue: '山田',
      hasValue: true,
      limited: true,
      user: '', // simple trigger: the e-mail is withheld
      source: 'テスト台帳',
    });
    expect(emu.sheetValues('予約')[1]![1]).toBe('山田 太郎');
    const [block] = emu.edit('予約', 'A4', [['R-3', '鈴木']]);
    expect(block?.value).toMatchObject({ a1: 'A4:B4', hasValue: false });
  });

  it('does not emulate installable spreadsheet triggers (the bundle installs none)', () => {
    const emu = emulate(SCRIPT, { workbook: workbook(ROWS) });
    expect(emu.run('install').error?.message).toBe('not emulated: TriggerBuilder.forSpreadsheet');
    expect(emu.triggers()).toEqual([]);
    expect(emu.edit('予約', 'B3', '佐藤 花子').map((r) => r.kind)).toEqual(['simple']);
  });

  it('reads rows 2..last as records keyed by header', () => {
    const emu = emulate(SCRIPT, { workbook: workbook(ROWS) });
    expect(emu.records('予約')).toEqual([
      { 予約ID: 'R-1', 氏名: '山田', 相談日: DAY },
      { 予約ID: 'R-2', 氏名: '佐藤', 相談日: '' },
    ]);
  });

  it('lets a person select ranges and records toasts', () => {
    const emu = emulate(SCRIPT, { workbook: workbook(ROWS) });
    emu.select('予約', ['B2:C3']);
    expect(emu.runOk('selected')).toBe('B2:C3');
    emu.runOk('toastIt');
    expect(emu.toasts()).toEqual([
      expect.objectContaining({ message: '3件送信しました', title: 'オンライン相談' }),
    ]);
  });
});
