import { describe, expect, it } from 'vitest';
import { fixture, sheetSnapshot, tokyo } from './helpers';

const bookings = () =>
  sheetSnapshot(
    '予約',
    [
      ['予約ID', '氏名', '相談日'],
      ['B-1', '佐藤', tokyo('2026-12-03T00:00:00')],
      ['B-2', '鈴木', tokyo('2026-12-01T00:00:00')],
      ['B-3', '高橋', tokyo('2026-12-02T00:00:00')],
    ],
    { maxRows: 20, maxColumns: 5, frozenRows: 1 },
  );

describe('PersonActions', () => {
  it('types values as a person does and returns the rectangle written', () => {
    const { service, rec } = fixture([bookings()]);
    service.workbook.sheets[0]!.numberFormats.set(4, 3, '@');
    const rect = service.person.setValues('予約', 'B5', [['伊藤', '2026/12/4', '0123']]);
    expect(rect).toEqual({ row: 5, column: 2, numRows: 1, numColumns: 3 });
    expect(service.person.values('予約')[4]).toEqual([
      '',
      '伊藤',
      tokyo('2026-12-04T00:00:00'),
      '0123',
    ]);
    // Host-side actions are not service calls.
    expect(rec.calls).toEqual([]);
  });

  it('refuses a block that does not fit the given range', () => {
    const { service } = fixture([bookings()]);
    expect(() => service.person.setValues('予約', 'A1:B1', [['x']])).toThrow('do not fit');
    expect(() => service.person.setValues('nope', 'A1', [['x']])).toThrow('no sheet named "nope"');
  });

  it('values() is the used range with host Dates', () => {
    const { service } = fixture([bookings()]);
    const values = service.person.values('予約');
    expect(values).toHaveLength(4);
    expect(values[1]![2]).toBeInstanceOf(Date);
  });

  it('insertRows and deleteRows move every layer', () => {
    const { service, sheet } = fixture([bookings()]);
    sheet('予約').getRange('B3').setNote('電話済');
    service.person.insertRows('予約', 3, 2);
    expect(service.person.values('予約').map((r) => r[0])).toEqual([
      '予約ID',
      'B-1',
      '',
      '',
      'B-2',
      'B-3',
    ]);
    expect(sheet('予約').getRange('B5').getNote()).toBe('電話済');
    service.person.deleteRows('予約', 2, 3);
    expect(service.person.values('予約').map((r) => r[0])).toEqual(['予約ID', 'B-2', 'B-3']);
    expect(sheet('予約').getRange('B2').getNote()).toBe('電話済');
  });

  it('sortRows sorts data rows below the header with all their layers', () => {
    const { service, sheet } = fixture([bookings()]);
    sheet('予約').getRange('A3').setBackground('#ff0000');
    service.person.sortRows('予約', { column: 3, ascending: true }, { headerRows: 1 });
    expect(service.person.values('予約').map((r) => r[0])).toEqual(['予約ID', 'B-2', 'B-3', 'B-1']);
    expect(sheet('予約').getRange('A2').getBackground()).toBe('#ff0000');
  });

  it('select and setActiveSheet change what the script sees as active', () => {
    const { service, app } = fixture([bookings(), sheetSnapshot('設定', [])]);
    service.person.setActiveSheet('設定');
    expect(app.getActiveSheet().getName()).toBe('設定');
    service.person.select('予約', ['A2:C3']);
    expect(app.getActiveRange().getA1Notation()).toBe('A2:C3');
  });

  it('insertSheet and setTimeZone act on the spreadsheet as a person would', () => {
    const { service, ss } = fixture([bookings()]);
    service.person.insertSheet('メモ');
    expect(ss.getActiveSheet().getName()).toBe('メモ');
    expect(() => service.person.insertSheet('メモ')).toThrow('exists');
    service.person.setTimeZone('America/New_York');
    expect(ss.getSpreadsheetTimeZone()).toBe('America/New_York');
  });
});
