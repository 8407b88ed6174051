import { describe, expect, it } from 'vitest';
import { USER, fixture, sheetSnapshot, tokyo } from './helpers';

describe('DataValidation', () => {
  it('builds list, checkbox and date rules with Apps Script defaults', () => {
    const { app } = fixture();
    const list = app.newDataValidation().requireValueInList(['電話', '窓口']).build();
    expect(list.getCriteriaType()).toBe(app.DataValidationCriteria.VALUE_IN_LIST);
    expect(list.getCriteriaValues()).toEqual([['電話', '窓口'], true]);
    expect(list.getAllowInvalid()).toBe(true);
    expect(list.getHelpText()).toBeNull();

    const strict = app
      .newDataValidation()
      .requireDate()
      .setAllowInvalid(false)
      .setHelpText('日付を入力してください')
      .build();
    expect(strict.getCriteriaType()).toBe(app.DataValidationCriteria.DATE_IS_VALID_DATE);
    expect([strict.getAllowInvalid(), strict.getHelpText()]).toEqual([
      false,
      '日付を入力してください',
    ]);

    const after = app.newDataValidation().requireDateAfter(tokyo('2026-01-01T00:00:00')).build();
    expect(after.getCriteriaValues()).toEqual([tokyo('2026-01-01T00:00:00')]);
    expect(app.newDataValidation().requireCheckbox().build().getCriteriaType()).toBe('CHECKBOX');
    expect(() => app.newDataValidation().build()).toThrow('no criteria');
  });

  it('copy() gives an independent builder', () => {
    const { app } = fixture();
    const rule = app.newDataValidation().requireValueInList(['a']).setAllowInvalid(false).build();
    const other = rule.copy().setAllowInvalid(true).build();
    expect([rule.getAllowInvalid(), other.getAllowInvalid()]).toEqual([false, true]);
    expect(other.getCriteriaValues()).toEqual([['a'], true]);
  });

  it('one rule set on a range is shared by its cells and read back per cell', () => {
    const { app, sheet, service } = fixture();
    const rule = app.newDataValidation().requireValueInList(['x', 'y'], false).build();
    sheet().getRange('C2:C3').setDataValidation(rule);
    const grid = sheet().getRange('B2:C3').getDataValidations();
    expect(grid.map((row) => row.map((v) => v?.getCriteriaValues() ?? null))).toEqual([
      [null, [['x', 'y'], false]],
      [null, [['x', 'y'], false]],
    ]);
    const model = service.workbook.sheets[0]!;
    expect(model.validations.get(1, 2)).toBe(model.validations.get(2, 2));
    sheet().getRange('C2').setDataValidation(null);
    expect(sheet().getRange('C2').getDataValidation()).toBeNull();
  });

  it('setDataValidations checks dimensions', () => {
    const { app, sheet } = fixture();
    const rule = app.newDataValidation().requireCheckbox().build();
    expect(() =>
      sheet()
        .getRange('A1:A2')
        .setDataValidations([[rule]]),
    ).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
    );
    sheet()
      .getRange('A1:B1')
      .setDataValidations([[rule, null]]);
    expect(
      sheet()
        .getRange('A1:B1')
        .getDataValidations()[0]!
        .map((v) => v === null),
    ).toEqual([false, true]);
  });
});

describe('ConditionalFormatRule', () => {
  it('builds a formula rule and reads it back from the sheet', () => {
    const { app, sheet } = fixture();
    const rule = app
      .newConditionalFormatRule()
      .whenFormulaSatisfied('=$L2="キャンセル"')
      .setBackground('#CCCCCC')
      .setFontColor('red')
      .setBold(true)
      .setRanges([sheet().getRange('A2:R1000')])
      .build();
    sheet().setConditionalFormatRules([rule]);
    const [stored] = sheet().getConditionalFormatRules();
    const condition = stored!.getBooleanCondition()!;
    expect(condition.getCriteriaType()).toBe(app.BooleanCriteria.CUSTOM_FORMULA);
    expect(condition.getCriteriaValues()).toEqual(['=$L2="キャンセル"']);
    expect([condition.getBackground(), condition.getFontColor(), condition.getBold()]).toEqual([
      '#cccccc',
      '#ff0000',
      true,
    ]);
    expect(condition.getItalic()).toBeNull();
    expect(stored!.getRanges().map((r) => r.getA1Notation())).toEqual(['A2:R1000']);
  });

  it('rules are values: changing a copy does not change the sheet until set again', () => {
    const { app, sheet } = fixture();
    const base = app
      .newConditionalFormatRule()
      .whenTextContains('注意')
      .setRanges([sheet().getRange('A1')]);
    sheet().setConditionalFormatRules([base.build()]);
    base.whenTextEqualTo('OK');
    expect(sheet().getConditionalFormatRules()[0]!.getBooleanCondition()!.getCriteriaType()).toBe(
      'TEXT_CONTAINS',
    );
    const rules = sheet().getConditionalFormatRules();
    rules.push(base.build());
    sheet().setConditionalFormatRules(rules);
    expect(sheet().getConditionalFormatRules()).toHaveLength(2);
    sheet().clearConditionalFormatRules();
    expect(sheet().getConditionalFormatRules()).toEqual([]);
  });

  it('a rule whose ranges were all deleted disappears', () => {
    const { app, sheet } = fixture();
    const rule = app
      .newConditionalFormatRule()
      .whenCellEmpty()
      .setRanges([sheet().getRange('A5:B6')])
      .build();
    sheet().setConditionalFormatRules([rule]);
    sheet().deleteRows(5, 2);
    expect(sheet().getConditionalFormatRules()).toEqual([]);
  });
});

describe('Protection', () => {
  it('protects a range with the effective user as editor', () => {
    const { app, sheet, ss } = fixture();
    const p = sheet().getRange('A1:C1').protect().setDescription('見出し').setWarningOnly(true);
    expect(p.getProtectionType()).toBe(app.ProtectionType.RANGE);
    expect([p.getDescription(), p.isWarningOnly(), p.canEdit()]).toEqual(['見出し', true, true]);
    expect(p.getEditors().map((u) => u.getEmail())).toEqual([USER]);
    p.addEditor('boss@example.jp').removeEditors([USER, 'boss@example.jp']);
    // The owner stays an editor whatever the script asks.
    expect(p.getEditors().map((u) => u.getEmail())).toEqual([USER]);
    expect(ss.getProtections(app.ProtectionType.RANGE)).toHaveLength(1);
    p.remove();
    expect(ss.getProtections(app.ProtectionType.RANGE)).toEqual([]);
  });

  it('sheet.protect() returns the existing sheet protection; holes via setUnprotectedRanges', () => {
    const { app, sheet } = fixture();
    const p = sheet().protect().setDescription('sheet');
    p.setUnprotectedRanges([sheet().getRange('B2:C10')]);
    const again = sheet().protect();
    expect(again.getDescription()).toBe('sheet');
    expect(sheet().getProtections(app.ProtectionType.SHEET)).toHaveLength(1);
    expect(again.getUnprotectedRanges().map((r) => r.getA1Notation())).toEqual(['B2:C10']);
    expect(again.getRange().getA1Notation()).toBe('A1:Z1000');
    sheet().insertRowsBefore(1, 1);
    expect(again.getUnprotectedRanges()[0]!.getA1Notation()).toBe('B3:C11');
  });
});

describe('Filter', () => {
  it('creates one filter per sheet, sorts below its header and removes', () => {
    const { sheet } = fixture([
      sheetSnapshot('Data', [
        ['n', 'v'],
        ['b', 2],
        ['a', 1],
      ]),
    ]);
    const filter = sheet().getRange('A1:B3').createFilter();
    expect(() => sheet().getRange('A1:B3').createFilter()).toThrow(
      "You can't create a filter in a sheet that already has a filter.",
    );
    filter.sort(2, true);
    expect(sheet().getRange('A1:A3').getValues().flat()).toEqual(['n', 'a', 'b']);
    expect(sheet().getRange('A1').getFilter()?.getRange().getA1Notation()).toBe('A1:B3');
    expect(() => filter.sort(3, true)).toThrow('outside the filter range');
    filter.remove();
    expect(sheet().getFilter()).toBeNull();
  });

  it('stores column criteria without hiding rows', () => {
    const { sheet } = fixture([sheetSnapshot('Data', [['h'], ['x']])]);
    const filter = sheet().getRange('A1:A2').createFilter();
    const criteria = {} as GoogleAppsScript.Spreadsheet.FilterCriteria;
    filter.setColumnFilterCriteria(1, criteria);
    expect(filter.getColumnFilterCriteria(1)).toBe(criteria);
    filter.removeColumnFilterCriteria(1);
    expect(filter.getColumnFilterCriteria(1)).toBeNull();
  });
});
