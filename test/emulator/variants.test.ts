// The emulator's variants (emulator/variants.ts): each alternative of each undocumented answer,
// and the worlds of the test matrix together taking every alternative.
import { describe, expect, it } from 'vitest';
import { DEFAULT_VARIANTS, WORLDS, type Variants } from '../../emulator/variants';
import { emulate, workbook } from './fixtures/emulate';

const PROBES = `
function emptyRead() { return SpreadsheetApp.getActiveSheet().getSheetValues(1, 1, -1, -1); }
function belowData() { return SpreadsheetApp.getActiveSheet().getSheetValues(3, 1, -1, 2); }
function rightOfData() { return SpreadsheetApp.getActiveSheet().getSheetValues(1, 4, 2, -1); }
function checkbox() {
  var range = SpreadsheetApp.getActiveSheet().getRange('B1:B3');
  range.setDataValidation(SpreadsheetApp.newDataValidation().requireCheckbox().build());
  return [range.getValues(), SpreadsheetApp.getActiveSheet().getLastRow()];
}
function checkboxGrid() {
  var rule = SpreadsheetApp.newDataValidation().requireCheckbox().build();
  var range = SpreadsheetApp.getActiveSheet().getRange('C1:C2');
  range.setDataValidations([[rule], [rule]]);
  return range.getValues();
}
function insertRows() {
  var sheet = SpreadsheetApp.getActiveSheet();
  sheet.getRange('A1').setNumberFormat('@').setBackground('#00ff00');
  sheet.getRange('B1').setDataValidation(SpreadsheetApp.newDataValidation().requireDate().build());
  sheet.insertRowsAfter(1, 2);
  sheet.insertRowBefore(1);
  return [sheet.getRange('A3').getNumberFormat(), sheet.getRange('A3').getBackground(),
    sheet.getRange('B3').getDataValidation() !== null, sheet.getRange('A1').getBackground()];
}
function typed(text) {
  var cell = SpreadsheetApp.getActiveSheet().getRange('E1');
  cell.setValue(text);
  var v = cell.getValue();
  return Object.prototype.toString.call(v) === '[object Date]'
    ? new Date(v.getTime() + 9 * 3600000).toISOString().slice(0, 10) : 'text:' + v; // Tokyo day
}
`;

function run(handler: string, variants: Partial<Variants>, args: unknown[] = [], values = [['']]) {
  const emu = emulate(PROBES, { variants, workbook: workbook(values) });
  return { emu, result: emu.run(handler, args) };
}

describe('emptyRead: a -1 read that leaves nothing', () => {
  it('throws, returns [] or returns one blank cell, as the variant says', () => {
    const threw = run('emptyRead', { emptyRead: 'throws' }).result;
    expect(threw.error?.message).toBe('The number of rows in the range must be at least 1.');
    expect(run('emptyRead', { emptyRead: 'empty' }).result.value).toEqual([]);
    expect(run('emptyRead', { emptyRead: 'blankCell' }).result.value).toEqual([['']]);
  });

  it('applies below the last row and right of the last column too', () => {
    const data = [
      ['a', 'b'],
      ['c', 'd'],
    ];
    expect(run('belowData', { emptyRead: 'blankCell' }, [], data).result.value).toEqual([['', '']]);
    expect(run('belowData', { emptyRead: 'empty' }, [], data).result.value).toEqual([]);
    expect(run('rightOfData', { emptyRead: 'blankCell' }, [], data).result.value).toEqual([
      [''],
      [''],
    ]);
    expect(run('rightOfData', { emptyRead: 'throws' }, [], data).result.error).toBeDefined();
  });

  it('reads data normally in every alternative', () => {
    for (const emptyRead of ['throws', 'empty', 'blankCell'] as const) {
      expect(run('emptyRead', { emptyRead }, [], [['x', 'y']]).result.value).toEqual([['x', 'y']]);
    }
  });
});

describe('checkboxFill: a checkbox rule on empty cells', () => {
  it('writes FALSE into the empty cells (so getLastRow counts them), or leaves them empty', () => {
    const filled = run(
      'checkbox',
      { checkboxFill: 'false' },
      [],
      [
        ['a', ''],
        ['', 'x'],
      ],
    );
    expect(filled.result.value).toEqual([[[false], ['x'], [false]], 3]);
    const empty = run(
      'checkbox',
      { checkboxFill: 'none' },
      [],
      [
        ['a', ''],
        ['', 'x'],
      ],
    );
    expect(empty.result.value).toEqual([[[''], ['x'], ['']], 2]);
    expect(run('checkboxGrid', { checkboxFill: 'false' }).result.value).toEqual([[false], [false]]);
    expect(run('checkboxGrid', { checkboxFill: 'none' }).result.value).toEqual([[''], ['']]);
  });

  it('a person inserting checkboxes writes FALSE into every empty selected cell in any world', () => {
    for (const checkboxFill of ['false', 'none'] as const) {
      const emu = emulate(PROBES, { variants: { checkboxFill }, workbook: workbook([['h', 'x']]) });
      emu.person.insertCheckboxes('予約', 'B1:B1000');
      const values = emu.sheetValues('予約');
      expect(values).toHaveLength(1000);
      expect(values[0]).toEqual(['h', 'x']);
      expect(values[999]).toEqual(['', false]);
    }
  });
});

describe('insertRowsCopy: the script inserting rows', () => {
  it('copies formats and validation from the row before, or gives plain rows', () => {
    expect(run('insertRows', { insertRowsCopy: 'formats' }).result.value).toEqual([
      '@',
      '#00ff00',
      true,
      '#00ff00',
    ]);
    expect(run('insertRows', { insertRowsCopy: 'none' }).result.value).toEqual([
      '0.###############',
      '#ffffff',
      false,
      '#ffffff',
    ]);
  });

  it('a person inserting rows still gets the formats of the row above', () => {
    const emu = emulate(PROBES, { variants: { insertRowsCopy: 'none' } });
    emu.spreadsheet.workbook.sheets[0]!.numberFormats.set(0, 0, '@');
    emu.person.insertRows('予約', 2, 1);
    expect(emu.spreadsheet.workbook.sheets[0]!.numberFormats.get(1, 0)).toBe('@');
  });
});

describe('typedDates: text Google does not list', () => {
  const cases: [string, string, string][] = [
    ['2026-12', '2026-12-01', 'text:2026-12'],
    ['2026/12', '2026-12-01', 'text:2026/12'],
    ['2026年12月1日', '2026-12-01', 'text:2026年12月1日'],
    ['12月1日', '2026-12-01', 'text:12月1日'],
    ['12/1', '2026-12-01', 'text:12/1'],
    ['2026/12/1', '2026-12-01', '2026-12-01'],
    ['令和8年12月1日', 'text:令和8年12月1日', 'text:令和8年12月1日'],
    ["'2026-12", 'text:2026-12', 'text:2026-12'],
  ];
  it.each(cases)('%s becomes %s (dates) / %s (text)', (text, asDate, asText) => {
    expect(run('typed', { typedDates: 'dates' }, [text]).result.value).toBe(asDate);
    expect(run('typed', { typedDates: 'text' }, [text]).result.value).toBe(asText);
  });

  it('a plain-text cell keeps text in both worlds', () => {
    for (const typedDates of ['dates', 'text'] as const) {
      const emu = emulate(PROBES, { variants: { typedDates } });
      emu.spreadsheet.workbook.sheets[0]!.numberFormats.set(0, 4, '@');
      expect(emu.run('typed', ['2026-12']).value).toBe('text:2026-12');
    }
  });
});

describe('the worlds of the test matrix', () => {
  it('take every alternative of every variant at least once; strict is the default', () => {
    const alternatives: { [K in keyof Variants]: Variants[K][] } = {
      emptyRead: ['throws', 'empty', 'blankCell'],
      checkboxFill: ['false', 'none'],
      insertRowsCopy: ['formats', 'none'],
      typedDates: ['dates', 'text'],
    };
    const worlds = Object.values(WORLDS);
    for (const [key, options] of Object.entries(alternatives)) {
      const taken = new Set(worlds.map((w) => w[key as keyof Variants]));
      expect([...taken].sort(), key).toEqual([...options].sort());
    }
    expect(WORLDS.strict).toEqual(DEFAULT_VARIANTS);
    expect(emulate('function f() {}').variants).toEqual(DEFAULT_VARIANTS);
  });
});
