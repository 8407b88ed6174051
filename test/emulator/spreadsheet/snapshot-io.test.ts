import { describe, expect, it } from 'vitest';
import type { WorkbookSnapshot } from '../../../emulator/snapshot';
import { loadWorkbook, saveWorkbook } from '../../../emulator/spreadsheet/snapshot-io';
import { TestRecorder, USER, fixture, sheetSnapshot, tokyo } from './helpers';

const full: WorkbookSnapshot = {
  name: '予約台帳',
  timeZone: 'Asia/Tokyo',
  sheets: [
    {
      name: '予約',
      values: [
        ['予約ID', '求職番号', '相談日', '参加', '件数'],
        ['B-1', '33010-00000001', tokyo('2026-12-02T00:00:00'), true, 3],
      ],
      formulas: { E2: '=COUNTA(A:A)-1' },
      numberFormats: { B2: '@', C2: 'yyyy/MM/dd' },
      backgrounds: { A1: '#cfe2f3' },
      fontColors: { A1: '#000080' },
      notes: { A1: 'script-owned' },
      validations: {
        D2: { kind: 'checkbox', allowInvalid: false },
        C2: { kind: 'date', allowInvalid: false, helpText: '日付' },
        A2: { kind: 'list', values: ['受付', '確定'], allowInvalid: true },
        B2: { kind: 'list', values: ['受付', '確定'], sourceA1: '設定!A1:A2', allowInvalid: false },
      },
      conditionalFormats: [
        { ranges: ['A2:E100'], condition: 'formula', values: ['=$D2'], background: '#eeeeee' },
        { ranges: ['C2:C100'], condition: 'textContains', values: ['注意'], fontColor: '#ff0000' },
      ],
      protections: [
        { rangeA1: 'A1:E1', description: '見出し', warningOnly: true },
        { rangeA1: null, description: 'sheet', warningOnly: false },
      ],
      frozenRows: 1,
      filterA1: 'A1:E2',
      columnWidths: { 1: 120, 3: 90 },
      maxRows: 100,
      maxColumns: 8,
    },
    sheetSnapshot('設定', [['受付'], ['確定']], { maxRows: 50, maxColumns: 4 }),
  ],
};

describe('snapshot io', () => {
  it('round-trips everything a snapshot can hold', () => {
    const wb = loadWorkbook(full, { rec: new TestRecorder(), owner: USER });
    expect(saveWorkbook(wb)).toEqual(full);
  });

  it('loaded features are live for the script', () => {
    const { sheet, app } = fixture(full.sheets);
    const s = sheet('予約');
    expect(s.getRange('E2').getFormula()).toBe('=COUNTA(A:A)-1');
    expect(s.getRange('E2').getValue()).toBe(3);
    expect(s.getRange('D2').isChecked()).toBe(true);
    const source = s.getRange('B2').getDataValidation()!;
    expect(source.getCriteriaType()).toBe(app.DataValidationCriteria.VALUE_IN_RANGE);
    expect(
      (source.getCriteriaValues()[0] as GoogleAppsScript.Spreadsheet.Range).getA1Notation(),
    ).toBe('A1:A2');
    expect(s.getRange('C2').getDisplayValue()).toBe('2026/12/02');
    expect(s.getFrozenRows()).toBe(1);
    expect(s.getFilter()?.getRange().getA1Notation()).toBe('A1:E2');
    expect(s.getProtections(app.ProtectionType.SHEET)[0]!.getEditors()[0]!.getEmail()).toBe(USER);
  });

  it('saves what the script changed, moved by structural edits', () => {
    const { sheet, service } = fixture(full.sheets);
    const s = sheet('予約');
    s.insertRowsBefore(2, 1);
    s.getRange('A2:B2').setValues([['B-0', '33010-00000002']]);
    const saved = service.snapshot().sheets[0]!;
    expect(saved.values.map((r) => r[0])).toEqual(['予約ID', 'B-0', 'B-1']);
    expect(saved.values[1]![1]).toBe('33010-00000002');
    expect(saved.formulas).toEqual({ E3: '=COUNTA(A:A)-1' });
    expect(saved.filterA1).toBe('A1:E3');
    expect(saved.protections![0]!.rangeA1).toBe('A1:E1');
    expect(saved.conditionalFormats![0]!.ranges).toEqual(['A3:E101']);
    expect(saved.maxRows).toBe(101);
    // The inserted row took the formats and validations of the header row above it.
    expect(saved.validations!.D3).toEqual({ kind: 'checkbox', allowInvalid: false });
  });

  it('a list rule from a range is saved with the current source values', () => {
    const { sheet, service } = fixture(full.sheets);
    sheet('設定').getRange('A3').setValue('実施');
    const { app } = service;
    const rule = app
      .newDataValidation()
      .requireValueInRange(sheet('設定').getRange('A1:A3'))
      .build();
    sheet('予約').getRange('A5').setDataValidation(rule);
    expect(service.snapshot().sheets[0]!.validations!.A5).toEqual({
      kind: 'list',
      values: ['受付', '確定', '実施'],
      sourceA1: '設定!A1:A3',
      allowInvalid: true,
    });
  });
});
