import { describe, expect, it } from 'vitest';
import { fixture, sheetSnapshot } from './helpers';

const table = (): (string | number)[][] => [
  ['ID', 'Name', 'Score'],
  ['r1', 'Aoki', 30],
  ['r2', 'Baba', 10],
  ['r3', 'Chiba', 20],
];

describe('Sheet.getRange', () => {
  it('accepts row/column forms and A1, with or without a sheet name', () => {
    const { sheet } = fixture([
      sheetSnapshot('Data', table(), { maxRows: 4 }),
      sheetSnapshot('設定', [['x']]),
    ]);
    expect(sheet().getRange(2, 2).getValue()).toBe('Aoki');
    expect(sheet().getRange(2, 1, 2).getValues()).toEqual([['r1'], ['r2']]);
    expect(sheet().getRange('B2:C3').getValues()).toEqual([
      ['Aoki', 30],
      ['Baba', 10],
    ]);
    expect(sheet().getRange("'設定'!A1").getValue()).toBe('x');
    expect(sheet().getRange('A:A').getNumRows()).toBe(4);
  });

  it('throws Apps Script messages for bad coordinates', () => {
    const { sheet } = fixture();
    expect(() => sheet().getRange(0, 1)).toThrow('The starting row of the range is too small.');
    expect(() => sheet().getRange(1, 0)).toThrow('The starting column of the range is too small.');
    expect(() => sheet().getRange(1, 1, 0, 1)).toThrow(
      'The number of rows in the range must be at least 1.',
    );
    expect(() => sheet().getRange(1, 1, 1, 0)).toThrow(
      'The number of columns in the range must be at least 1.',
    );
    expect(() => sheet().getRange('nonsense!!')).toThrow('Range not found');
    expect(() => sheet().getRange('Nope!A1')).toThrow('Range not found');
  });
});

describe('Sheet content and size', () => {
  it('getLastRow/getLastColumn go by content, not formatting', () => {
    const { sheet } = fixture([sheetSnapshot('Data', table(), { maxRows: 100, maxColumns: 10 })]);
    sheet().getRange('A50:H50').setBackground('#ffff00').setNote('n');
    expect(sheet().getLastRow()).toBe(4);
    expect(sheet().getLastColumn()).toBe(3);
    expect(sheet().getDataRange().getA1Notation()).toBe('A1:C4');
    expect([sheet().getMaxRows(), sheet().getMaxColumns()]).toEqual([100, 10]);
  });

  it('an empty sheet has last row 0 and a one-cell data range', () => {
    const { sheet } = fixture();
    expect(sheet().getLastRow()).toBe(0);
    expect(sheet().getLastColumn()).toBe(0);
    expect(sheet().getDataRange().getA1Notation()).toBe('A1');
  });

  it('getSheetValues reads to the last row or column with data when given -1, in one call', () => {
    const { sheet, rec } = fixture([sheetSnapshot('Data', table(), { maxRows: 100 })], {
      variants: { emptyRead: 'throws' },
    });
    rec.reset();
    expect(sheet().getSheetValues(1, 1, -1, -1)).toEqual(table());
    expect(rec.read).toBe(12);
    expect(sheet().getSheetValues(2, 2, -1, 1)).toEqual([['Aoki'], ['Baba'], ['Chiba']]);
    expect(sheet().getSheetValues(1, 1, 1, -1)).toEqual([['ID', 'Name', 'Score']]);
    expect(sheet().getSheetValues(3, 1, 1, 2)).toEqual([['r2', 'Baba']]);
    // Below the data nothing is left to read: in the emptyRead 'throws' world, thrown as for
    // getRange with 0 rows (the other answers: test/emulator/variants.test.ts).
    expect(() => sheet().getSheetValues(5, 1, -1, -1)).toThrow(
      'The number of rows in the range must be at least 1.',
    );
    const empty = fixture(undefined, { variants: { emptyRead: 'throws' } });
    expect(() => empty.sheet().getSheetValues(1, 1, -1, -1)).toThrow(/at least 1/);
  });

  it('appendRow writes after the last row with content, typed', () => {
    const { sheet, rec } = fixture([sheetSnapshot('Data', table())]);
    rec.reset();
    sheet().appendRow(['r4', 'Doi', '15']);
    expect(sheet().getRange('A5:C5').getValues()).toEqual([['r4', 'Doi', 15]]);
    expect(rec.written).toBe(3);
  });

  it('sort() keeps frozen rows and moves whole rows', () => {
    const { sheet } = fixture([sheetSnapshot('Data', table(), { frozenRows: 1 })]);
    sheet().getRange('B3').setNote('Baba note');
    sheet().sort(3);
    expect(sheet().getRange('A1:A4').getValues().flat()).toEqual(['ID', 'r2', 'r3', 'r1']);
    expect(sheet().getRange('B2').getNote()).toBe('Baba note');
    sheet().sort(2, false);
    expect(sheet().getRange('B2:B4').getValues().flat()).toEqual(['Chiba', 'Baba', 'Aoki']);
  });

  it('clearContents keeps formats', () => {
    const { sheet } = fixture([sheetSnapshot('Data', table())]);
    sheet().getRange('A1').setBackground('red');
    sheet().clearContents();
    expect(sheet().getLastRow()).toBe(0);
    expect(sheet().getRange('A1').getBackground()).toBe('#ff0000');
  });

  it('names must be unique', () => {
    const { sheet, ss } = fixture([sheetSnapshot('Data', []), sheetSnapshot('Other', [])]);
    expect(() => sheet('Other').setName('Data')).toThrow(
      'A sheet with the name "Data" already exists. Please enter another name.',
    );
    sheet('Other').setName('予約');
    expect(ss.getSheetByName('予約')?.getSheetId()).toBe(sheet('予約').getSheetId());
    expect(sheet('予約').getParent().getName()).toBe('予約台帳');
  });

  it('frozen rows, column widths, hidden columns and tab colour', () => {
    const { sheet } = fixture();
    sheet().setFrozenRows(1);
    sheet().setColumnWidth(2, 240);
    sheet().hideColumns(3, 2);
    sheet().setTabColor('blue');
    expect(sheet().getFrozenRows()).toBe(1);
    expect(sheet().getColumnWidth(2)).toBe(240);
    expect(sheet().getColumnWidth(1)).toBe(100);
    expect(sheet().isColumnHiddenByUser(4)).toBe(true);
    sheet().showColumns(3, 2);
    expect(sheet().isColumnHiddenByUser(4)).toBe(false);
    expect(sheet().getTabColor()).toBe('#0000ff');
  });
});

describe('structural edits', () => {
  it('insertRowsAfter moves values and grows validations, protections, rules and the filter', () => {
    const { sheet, app } = fixture(
      [sheetSnapshot('Data', table(), { maxRows: 10, maxColumns: 5 })],
      { variants: { insertRowsCopy: 'formats' } },
    );
    const s = sheet();
    const rule = app.newDataValidation().requireValueInList(['A', 'B']).build();
    s.getRange('B2:B4').setDataValidation(rule);
    s.getRange('C2:C4').protect().setDescription('scores');
    const cf = app
      .newConditionalFormatRule()
      .whenCellEmpty()
      .setBackground('red')
      .setRanges([s.getRange('A2:C4')])
      .build();
    s.setConditionalFormatRules([cf]);
    s.getRange('A1:C4').createFilter();

    s.insertRowsAfter(2, 2);

    expect(s.getMaxRows()).toBe(12);
    expect(s.getRange('A1:A6').getValues().flat()).toEqual(['ID', 'r1', '', '', 'r2', 'r3']);
    // New rows inherit the validation of the row above them, as in Sheets.
    expect(s.getRange('B3').getDataValidation()?.getCriteriaValues()).toEqual([['A', 'B'], true]);
    expect(s.getRange('B6').getDataValidation()).not.toBeNull();
    const [p] = s.getProtections(app.ProtectionType.RANGE);
    expect(p!.getRange().getA1Notation()).toBe('C2:C6');
    expect(s.getConditionalFormatRules()[0]!.getRanges()[0]!.getA1Notation()).toBe('A2:C6');
    expect(s.getFilter()!.getRange().getA1Notation()).toBe('A1:C6');
  });

  it('deleteRows shrinks or drops what was on the deleted rows', () => {
    const { sheet, app } = fixture([
      sheetSnapshot('Data', table(), { maxRows: 10, maxColumns: 5 }),
    ]);
    const s = sheet();
    s.getRange('A3').protect().setDescription('only r2');
    s.getRange('A2:A4').protect().setDescription('all');
    s.deleteRows(3, 1);
    expect(s.getRange('A1:A3').getValues().flat()).toEqual(['ID', 'r1', 'r3']);
    const ps = s.getProtections(app.ProtectionType.RANGE);
    expect(ps.map((p) => [p.getDescription(), p.getRange().getA1Notation()])).toEqual([
      ['all', 'A2:A3'],
    ]);
    s.deleteRow(2);
    expect(s.getMaxRows()).toBe(8);
    expect(s.getRange('A2').getValue()).toBe('r3');
  });

  it('validation source ranges follow edits on their own sheet', () => {
    const { sheet, app } = fixture([
      sheetSnapshot('Data', [['status']], { maxRows: 10, maxColumns: 3 }),
      sheetSnapshot('設定', [['受付'], ['確定']], { maxRows: 10, maxColumns: 3 }),
    ]);
    const rule = app
      .newDataValidation()
      .requireValueInRange(sheet('設定').getRange('A1:A2'))
      .build();
    sheet().getRange('A2').setDataValidation(rule);
    sheet('設定').insertRowsBefore(1, 3);
    const source = sheet()
      .getRange('A2')
      .getDataValidation()!
      .getCriteriaValues()[0] as GoogleAppsScript.Spreadsheet.Range;
    expect(source.getA1Notation()).toBe('A4:A5');
    expect(source.getSheet().getName()).toBe('設定');
  });

  it('columns insert and delete too', () => {
    const { sheet } = fixture([sheetSnapshot('Data', table(), { maxRows: 10, maxColumns: 5 })]);
    sheet().setColumnWidth(3, 50);
    sheet().insertColumnAfter(1);
    expect(sheet().getRange('A1:D1').getValues()).toEqual([['ID', '', 'Name', 'Score']]);
    expect(sheet().getColumnWidth(4)).toBe(50);
    sheet().insertColumnsBefore(1, 2);
    // '', '', ID, '', Name, Score → delete the first four
    sheet().deleteColumns(1, 4);
    expect(sheet().getRange('A1:B1').getValues()).toEqual([['Name', 'Score']]);
    expect(sheet().getMaxColumns()).toBe(4);
    expect(sheet().getColumnWidth(2)).toBe(50);
  });

  it('refuses out-of-bounds edits and deleting every unfrozen row', () => {
    const { sheet } = fixture([
      sheetSnapshot('Data', table(), { maxRows: 4, maxColumns: 3, frozenRows: 1 }),
    ]);
    expect(() => sheet().deleteRows(4, 2)).toThrow('Those rows are out of bounds.');
    expect(() => sheet().deleteRows(2, 3)).toThrow(
      'Sorry, it is not possible to delete all non-frozen rows.',
    );
    expect(() => sheet().insertRowsAfter(9, 1)).toThrow('Those rows are out of bounds.');
    expect(() => sheet().deleteColumns(1, 3)).toThrow(
      'Sorry, it is not possible to delete all non-frozen columns.',
    );
  });
});

describe('TextFinder', () => {
  it('finds displayed text, case-insensitive by default, row by row', () => {
    const { sheet } = fixture([
      sheetSnapshot('Data', [
        ['Apple', 'apple pie'],
        ['APPLE', 12],
      ]),
    ]);
    const all = sheet().createTextFinder('apple').findAll();
    expect(all.map((r) => r.getA1Notation())).toEqual(['A1', 'B1', 'A2']);
    const exact = sheet().createTextFinder('apple').matchCase(true).matchEntireCell(true).findAll();
    expect(exact).toEqual([]);
    const finder = sheet().createTextFinder('APPLE').matchEntireCell(true);
    expect(finder.findNext()?.getA1Notation()).toBe('A1');
    expect(finder.findNext()?.getA1Notation()).toBe('A2');
    expect(finder.findNext()).toBeNull();
  });

  it('replaceAllWith re-enters the text and counts cells', () => {
    const { sheet } = fixture([
      sheetSnapshot('Data', [
        ['x-1', 'x-2'],
        ['y', 'x'],
      ]),
    ]);
    const n = sheet().getRange('A1:B2').createTextFinder('x-').replaceAllWith('');
    expect(n).toBe(2);
    expect(sheet().getRange('A1:B2').getValues()).toEqual([
      [1, 2],
      ['y', 'x'],
    ]);
  });
});

describe('charts (minimal)', () => {
  it('builds, inserts, updates and removes a chart', () => {
    const { sheet } = fixture([sheetSnapshot('Data', table())]);
    const s = sheet();
    const chart = s
      .newChart()
      .addRange(s.getRange('A1:C4'))
      .setChartType(Charts.ChartType.COLUMN)
      .setPosition(2, 5, 0, 0)
      .setOption('title', '件数')
      .build();
    expect(chart.getChartId()).toBeNull();
    s.insertChart(chart);
    const [inserted] = s.getCharts();
    expect(inserted!.getChartId()).toBe(1);
    expect(inserted!.getRanges()[0]!.getA1Notation()).toBe('A1:C4');
    expect(inserted!.getOptions().get('title')).toBe('件数');
    s.updateChart(inserted!.modify().setPosition(10, 1, 0, 0).build());
    expect(s.getCharts()[0]!.getContainerInfo().getAnchorRow()).toBe(10);
    s.insertRowsBefore(1, 1);
    expect(s.getCharts()[0]!.getRanges()[0]!.getA1Notation()).toBe('A2:C5');
    s.removeChart(s.getCharts()[0]!);
    expect(s.getCharts()).toEqual([]);
  });
});

// Charts.ChartType is a global in Apps Script; the enum values are their names here.
const Charts = { ChartType: { COLUMN: 'COLUMN' as unknown as GoogleAppsScript.Charts.ChartType } };
