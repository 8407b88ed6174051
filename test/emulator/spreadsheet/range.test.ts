import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { Realm } from '../../../emulator/realm';
import { fixture, sheetSnapshot, tokyo } from './helpers';

describe('Range values', () => {
  it('reads "" for empty cells and keeps numbers, booleans and dates typed', () => {
    const when = tokyo('2026-12-02T10:00:00');
    const { sheet } = fixture([
      sheetSnapshot('Data', [
        ['a', 1, true],
        [when, '', false],
      ]),
    ]);
    const values = sheet().getRange(1, 1, 3, 4).getValues();
    expect(values).toEqual([
      ['a', 1, true, ''],
      [when, '', false, ''],
      ['', '', '', ''],
    ]);
    expect(typeof values[0]![1]).toBe('number');
  });

  it('hands Dates and arrays to the script realm', () => {
    const realm = new Realm({
      now: () => 0,
      globals: {},
      notEmulated: [],
      notEmulatedError: (n) => new Error(n),
    });
    const when = tokyo('2026-12-02T10:00:00');
    const { sheet } = fixture([sheetSnapshot('Data', [[when]])], { realm });
    const values = sheet().getRange('A1').getValues();
    const [ScriptDate, ScriptArray] = vm.runInContext('[Date, Array]', realm.context) as [
      DateConstructor,
      ArrayConstructor,
    ];
    expect(values).toBeInstanceOf(ScriptArray);
    expect(values[0]![0]).toBeInstanceOf(ScriptDate);
    expect(values[0]![0]).not.toBeInstanceOf(Date);
    expect((values[0]![0] as Date).getTime()).toBe(when.getTime());
  });

  it('gives each read its own Date copy', () => {
    const when = tokyo('2026-12-02T10:00:00');
    const { sheet } = fixture([sheetSnapshot('Data', [[when]])]);
    const first = sheet().getRange('A1').getValue() as Date;
    first.setFullYear(1999);
    expect((sheet().getRange('A1').getValue() as Date).getTime()).toBe(when.getTime());
  });

  it('types strings like a person unless the cell is plain text', () => {
    const { sheet } = fixture();
    const range = sheet().getRange('A1:E1');
    range.offset(0, 4, 1, 1).setNumberFormat('@');
    range.setValues([['42', '2026/12/2', 'true', '=A1*2', '0042']]);
    const [row] = range.getValues();
    expect(row![0]).toBe(42);
    expect(row![1]).toEqual(tokyo('2026-12-02T00:00:00'));
    expect(row![2]).toBe(true);
    expect(range.getFormulas()[0]![3]).toBe('=A1*2');
    expect(row![4]).toBe('0042');
  });

  it('stores the instant of a Date written by the script', () => {
    const { sheet } = fixture();
    const when = tokyo('2026-12-03T14:00:00');
    sheet().getRange('B2').setValue(when);
    const read = sheet().getRange('B2').getValue() as Date;
    expect(read.getTime()).toBe(when.getTime());
    expect(read).not.toBe(when);
    expect(sheet().getRange('B2').getDisplayValue()).toBe('2026/12/03 14:00:00');
  });

  it('setValue fills every cell; null clears', () => {
    const { sheet } = fixture();
    sheet().getRange('A1:B2').setValue('x');
    expect(sheet().getRange('A1:B2').getValues()).toEqual([
      ['x', 'x'],
      ['x', 'x'],
    ]);
    sheet().getRange('A1').setValue(null);
    expect(sheet().getRange('A1').getValue()).toBe('');
  });

  it('rejects data of the wrong size with Apps Script messages', () => {
    const { sheet } = fixture();
    const range = sheet().getRange(1, 1, 2, 3);
    expect(() => range.setValues([[1, 2, 3]])).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
    );
    expect(() =>
      range.setValues([
        [1, 2, 3],
        [1, 2],
      ]),
    ).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 2 but the range has 3.',
    );
    expect(() => range.setValues('x' as unknown as unknown[][])).toThrow(
      "The parameters (String) don't match the method signature for SpreadsheetApp.Range.setValues.",
    );
    try {
      range.setValues([]);
    } catch (error) {
      expect(String(error)).toBe(
        'Exception: The number of rows in the data does not match the number of rows in the range. The data has 0 but the range has 2.',
      );
    }
    expect.assertions(4);
  });

  // https://developers.google.com/apps-script/reference/spreadsheet/sheet#getrangerow,-column,-numrows,-numcolumns
  it('refuses a range past the grid instead of growing the sheet', () => {
    const { sheet } = fixture([sheetSnapshot('Data', [['a']], { maxRows: 5, maxColumns: 2 })]);
    const outside =
      'Exception: The coordinates of the range are outside the dimensions of the sheet.';
    expect(() => sheet().getRange(6, 1)).toThrow(outside.replace('Exception: ', ''));
    expect(() => sheet().getRange(1, 3)).toThrow(outside.replace('Exception: ', ''));
    expect(() => sheet().getRange(5, 1, 2, 1)).toThrow(outside.replace('Exception: ', ''));
    expect(() => sheet().getRange('A6')).toThrow(outside.replace('Exception: ', ''));
    expect(() => sheet().getSheetValues(4, 1, 3, 1)).toThrow(outside.replace('Exception: ', ''));
    expect(() => sheet().getRange(5, 2).offset(1, 0)).toThrow(outside.replace('Exception: ', ''));
    expect(sheet().getMaxRows()).toBe(5);
    expect(sheet().getMaxColumns()).toBe(2);
    sheet().getRange(5, 2).setValue('edge'); // the last cell is inside
    expect(sheet().getLastRow()).toBe(5);
  });

  it('appendRow and insertRowsAfter grow the grid; a person pasting below it too', () => {
    const { sheet, service } = fixture([
      sheetSnapshot('Data', [['a'], ['b']], { maxRows: 2, maxColumns: 2 }),
    ]);
    sheet().appendRow(['c', 'd', 'e']);
    expect(sheet().getMaxRows()).toBe(3);
    expect(sheet().getMaxColumns()).toBe(3);
    expect(sheet().getRange(3, 1, 1, 3).getValues()).toEqual([['c', 'd', 'e']]);
    sheet().insertRowsAfter(3, 2);
    expect(sheet().getMaxRows()).toBe(5);
    service.person.setValues('Data', 'A7', [['typed']]);
    expect(sheet().getMaxRows()).toBe(7);
    service.person.addRows('Data', 10);
    expect(sheet().getMaxRows()).toBe(17);
  });

  it('a sheet given without a size has the grid of a new Sheets sheet (1000 × 26)', () => {
    const { sheet } = fixture([sheetSnapshot('Data', [['a']])]);
    expect(sheet().getMaxRows()).toBe(1000);
    expect(sheet().getMaxColumns()).toBe(26);
  });

  it('shows display values through number formats', () => {
    const { sheet } = fixture();
    const range = sheet().getRange('A1:C1');
    range.setValues([[1234.5, tokyo('2026-12-02T00:00:00'), 0.25]]);
    range.setNumberFormats([['#,##0.00', 'yyyy-MM-dd (ddd)', '0%']]);
    expect(range.getDisplayValues()).toEqual([['1,234.50', '2026-12-02 (水)', '25%']]);
    expect(range.getNumberFormats()).toEqual([['#,##0.00', 'yyyy-MM-dd (ddd)', '0%']]);
    expect(sheet().getRange('D1').getNumberFormat()).toBe('0.###############');
  });

  it('counts cells read and written', () => {
    const { sheet, rec } = fixture();
    const range = sheet().getRange(1, 1, 3, 2);
    rec.reset();
    range.getValues();
    range.setValues([
      [1, 2],
      [3, 4],
      [5, 6],
    ]);
    range.getCell(1, 1).getValue();
    expect(rec.calls).toEqual([
      'Range.getValues',
      'Range.setValues',
      'Range.getCell',
      'Range.getValue',
    ]);
    expect(rec.read).toBe(7);
    expect(rec.written).toBe(6);
  });
});

describe('Range geometry', () => {
  it('reports its position and A1 notation', () => {
    const { sheet } = fixture();
    const range = sheet().getRange('B3:D7');
    expect([range.getRow(), range.getColumn(), range.getNumRows(), range.getNumColumns()]).toEqual([
      3, 2, 5, 3,
    ]);
    expect([range.getLastRow(), range.getLastColumn()]).toEqual([7, 4]);
    expect(range.getA1Notation()).toBe('B3:D7');
    expect(range.getCell(2, 3).getA1Notation()).toBe('D4');
    expect(range.offset(1, -1).getA1Notation()).toBe('A4:C8');
    expect(range.offset(0, 0, 1, 1).getA1Notation()).toBe('B3');
    expect(range.getSheet().getName()).toBe('Data');
  });

  it('throws for cells outside the range and offsets off the sheet', () => {
    const { sheet } = fixture();
    const range = sheet().getRange('B3:D7');
    expect(() => range.getCell(6, 1)).toThrow('Cell reference out of range');
    expect(() => range.offset(-3, 0)).toThrow('The starting row of the range is too small.');
    expect(() => range.offset(0, 0, 0, 1)).toThrow(
      'The number of rows in the range must be at least 1.',
    );
  });
});

describe('Range formats and notes', () => {
  it('normalises colours and resets them with null', () => {
    const { sheet } = fixture();
    const range = sheet().getRange('A1:B1');
    range.setBackground('RED').setFontColor('#abc');
    expect(range.getBackgrounds()).toEqual([['#ff0000', '#ff0000']]);
    expect(range.getFontColors()).toEqual([['#aabbcc', '#aabbcc']]);
    range.setBackgrounds([[null, '#00FF00']]);
    expect(range.getBackgrounds()).toEqual([['#ffffff', '#00ff00']]);
  });

  it('stores font weight, alignment, wrap and notes', () => {
    const { sheet, app } = fixture();
    const range = sheet().getRange('A1');
    range.setFontWeight('bold').setHorizontalAlignment('center').setVerticalAlignment('middle');
    range.setWrap(true);
    expect(range.getFontWeight()).toBe('bold');
    expect(range.getHorizontalAlignment()).toBe('center');
    expect(range.getVerticalAlignment()).toBe('middle');
    expect(range.getWrap()).toBe(true);
    range.setWrapStrategy(app.WrapStrategy.CLIP);
    expect(range.getWrapStrategy()).toBe(app.WrapStrategy.CLIP);
    sheet()
      .getRange('A1:B1')
      .setNotes([['memo', null]]);
    expect(sheet().getRange('A1:B1').getNotes()).toEqual([['memo', '']]);
    range.setNote('');
    expect(range.getNote()).toBe('');
  });

  it('clear() removes contents and formats; clear(options) only what it names', () => {
    const { sheet, app } = fixture();
    const range = sheet().getRange('A1');
    const rule = app.newDataValidation().requireValueInList(['a', 'b']).build();
    range.setValue('a').setBackground('red').setNote('n').setDataValidation(rule);
    range.clear({ contentsOnly: true });
    expect(range.getValue()).toBe('');
    expect(range.getBackground()).toBe('#ff0000');
    range.setValue('a').clear();
    expect([range.getValue(), range.getBackground(), range.getNote()]).toEqual([
      '',
      '#ffffff',
      'n',
    ]);
    expect(range.getDataValidation()).not.toBeNull();
    range.clearContent().clearNote().clearDataValidations();
    expect(range.getNote()).toBe('');
    expect(range.getDataValidation()).toBeNull();
  });

  it('writes formulas, and an empty formula clears the cell', () => {
    const { sheet } = fixture();
    const range = sheet().getRange('A1:B1');
    range.setFormulas([['=1+1', '=NOW()']]);
    expect(range.getFormulas()).toEqual([['=1+1', '=NOW()']]);
    expect(range.getFormula()).toBe('=1+1');
    expect(sheet().getLastColumn()).toBe(2);
    range.setFormula('');
    expect(range.getFormulas()).toEqual([['', '']]);
    expect(range.isBlank()).toBe(true);
  });
});

describe('Range checkboxes', () => {
  it('insertCheckboxes writes FALSE into empty cells only and adds the rule', () => {
    const { sheet, app } = fixture([sheetSnapshot('Data', [[''], [true], ['keep']])]);
    const range = sheet().getRange('A1:A4');
    range.insertCheckboxes();
    expect(range.getValues()).toEqual([[false], [true], ['keep'], [false]]);
    const rule = range.getDataValidations()[0]![0]!;
    expect(rule.getCriteriaType()).toBe(app.DataValidationCriteria.CHECKBOX);
    expect(rule.getCriteriaValues()).toEqual([]);
  });

  it('isChecked is true/false when all agree, else null', () => {
    const { sheet } = fixture();
    const range = sheet().getRange('A1:A2');
    range.insertCheckboxes();
    expect(range.isChecked()).toBe(false);
    range.getCell(1, 1).check();
    expect(range.isChecked()).toBeNull();
    range.check();
    expect(range.isChecked()).toBe(true);
    expect(range.getValues()).toEqual([[true], [true]]);
    range.uncheck();
    expect(range.getValues()).toEqual([[false], [false]]);
    expect(sheet().getRange('B1').isChecked()).toBeNull();
  });

  it('uses custom checked values', () => {
    const { sheet } = fixture();
    const range = sheet().getRange('A1:A2');
    range.insertCheckboxes('yes', 'no');
    expect(range.getValues()).toEqual([['no'], ['no']]);
    range.getCell(2, 1).check();
    expect(range.getValues()).toEqual([['no'], ['yes']]);
  });

  it('removeCheckboxes drops the rule and the checkbox values, keeping other text', () => {
    const { sheet } = fixture([sheetSnapshot('Data', [[''], ['other']])]);
    const range = sheet().getRange('A1:A2');
    range.insertCheckboxes();
    range.getCell(1, 1).check();
    range.removeCheckboxes();
    expect(range.getValues()).toEqual([[''], ['other']]);
    expect(range.getDataValidations()).toEqual([[null], [null]]);
  });
});

describe('Range sort', () => {
  it('sorts rows of the range only: numbers, then text, then booleans; blanks last', () => {
    const { sheet } = fixture([
      sheetSnapshot('Data', [
        ['h', 'x'],
        ['b', 3, 'z1'],
        ['c', '', 'z2'],
        ['d', true, 'z3'],
        ['e', 'Apple', 'z4'],
        ['f', 1, 'z5'],
      ]),
    ]);
    sheet().getRange('A2:B6').sort({ column: 2, ascending: true });
    expect(sheet().getRange('A2:C6').getValues()).toEqual([
      ['f', 1, 'z1'],
      ['b', 3, 'z2'],
      ['e', 'Apple', 'z3'],
      ['d', true, 'z4'],
      ['c', '', 'z5'],
    ]);
    sheet()
      .getRange('A2:B6')
      .sort([{ column: 2, ascending: false }]);
    expect(sheet().getRange('B2:B6').getValues().flat()).toEqual([true, 'Apple', 3, 1, '']);
    expect(() => sheet().getRange('A2:B6').sort(3)).toThrow('sort column');
  });
});

describe('not emulated', () => {
  it('throws "not emulated: Class.method" for methods the emulator lacks', () => {
    const { sheet, app, ss } = fixture();
    expect(() => sheet().getRange('A1:B2').merge()).toThrow('not emulated: Range.merge');
    expect(() => sheet().getRange('A1').getMergedRanges()).toThrow(
      'not emulated: Range.getMergedRanges',
    );
    expect(() => sheet().getBandings()).toThrow('not emulated: Sheet.getBandings');
    expect(() => ss.addMenu('x', [])).toThrow('not emulated: Spreadsheet.addMenu');
    expect(() => app.newRichTextValue()).toThrow('not emulated: SpreadsheetApp.newRichTextValue');
    expect(() => app.BandingTheme).toThrow('not emulated: SpreadsheetApp.BandingTheme');
  });
});
