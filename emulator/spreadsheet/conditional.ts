// Conditional format rules: the builder, the rule and its boolean condition. A rule set on a sheet
// is stored as a ConditionalRuleModel whose rectangles belong to that sheet (model.ts moves them
// on row/column edits). Formats are recorded, never evaluated.
import { isDate } from '../recorder';
import { colorArg, rangeArg, type RangeLike } from './args';
import type { Ctx } from './context';
import { asEnum, enumName } from './enums';
import {
  BooleanCondition_METHODS,
  ConditionalFormatRuleBuilder_METHODS,
  ConditionalFormatRule_METHODS,
} from './gas-names';
import type { CellFormat, ConditionalRuleModel, SheetModel } from './model';
import { gasError, notEmulatedBase } from './not-emulated';

type Rule = GoogleAppsScript.Spreadsheet.ConditionalFormatRule;
type RuleBuilder = GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder;
type BooleanConditionI = GoogleAppsScript.Spreadsheet.BooleanCondition;

/** A rule's content independent of where it is stored. */
export interface RuleState {
  criteria: string | null;
  values: unknown[];
  format: CellFormat;
  ranges: RangeLike[];
}

const copyValue = (v: unknown): unknown => (isDate(v) ? new Date(v.getTime()) : v);

function copyState(s: RuleState): RuleState {
  return {
    criteria: s.criteria,
    values: s.values.map(copyValue),
    format: { ...s.format },
    ranges: s.ranges.map((r) => ({ sheetModel: r.sheetModel, rect: { ...r.rect } })),
  };
}

/** The state of a rule stored on `sheet`. */
export function stateOfModel(sheet: SheetModel, m: ConditionalRuleModel): RuleState {
  return copyState({
    criteria: m.criteria,
    values: [...m.values],
    format: m.format,
    ranges: m.ranges.map((rect) => ({ sheetModel: sheet, rect })),
  });
}

export class EmuBooleanCondition extends notEmulatedBase<BooleanConditionI>(
  'BooleanCondition',
  BooleanCondition_METHODS,
) {
  constructor(
    private readonly ctx: Ctx,
    private readonly state: RuleState,
  ) {
    super();
  }

  private get<T>(method: string, value: () => T): T {
    return this.ctx.rec.call(`BooleanCondition.${method}`, value);
  }

  override getBackground(): string | null {
    return this.get('getBackground', () => this.state.format.background ?? null);
  }

  override getBold(): boolean | null {
    return this.get('getBold', () => this.state.format.bold ?? null);
  }

  override getCriteriaType(): GoogleAppsScript.Spreadsheet.BooleanCriteria {
    return this.get('getCriteriaType', () =>
      asEnum<GoogleAppsScript.Spreadsheet.BooleanCriteria>(this.state.criteria ?? ''),
    );
  }

  override getCriteriaValues(): unknown[] {
    return this.get('getCriteriaValues', () =>
      this.ctx.rec.toScript(this.state.values.map(copyValue)),
    );
  }

  override getFontColor(): string | null {
    return this.get('getFontColor', () => this.state.format.fontColor ?? null);
  }

  override getItalic(): boolean | null {
    return this.get('getItalic', () => this.state.format.italic ?? null);
  }

  override getStrikethrough(): boolean | null {
    return this.get('getStrikethrough', () => this.state.format.strikethrough ?? null);
  }

  override getUnderline(): boolean | null {
    return this.get('getUnderline', () => this.state.format.underline ?? null);
  }
}

export class EmuConditionalFormatRule extends notEmulatedBase<Rule>(
  'ConditionalFormatRule',
  ConditionalFormatRule_METHODS,
) {
  constructor(
    private readonly ctx: Ctx,
    /** A private copy: changing it never changes a sheet. */
    readonly state: RuleState,
  ) {
    super();
  }

  override copy(): RuleBuilder {
    return this.ctx.rec.call(
      'ConditionalFormatRule.copy',
      () => new EmuConditionalFormatRuleBuilder(this.ctx, copyState(this.state)),
    );
  }

  override getBooleanCondition(): BooleanConditionI | null {
    return this.ctx.rec.call('ConditionalFormatRule.getBooleanCondition', () =>
      this.state.criteria === null
        ? null
        : new EmuBooleanCondition(this.ctx, copyState(this.state)),
    );
  }

  override getRanges(): GoogleAppsScript.Spreadsheet.Range[] {
    return this.ctx.rec.call('ConditionalFormatRule.getRanges', () =>
      this.ctx.rec.toScript(
        this.state.ranges.map((r) => this.ctx.range(r.sheetModel, { ...r.rect })),
      ),
    );
  }
}

export class EmuConditionalFormatRuleBuilder extends notEmulatedBase<RuleBuilder>(
  'ConditionalFormatRuleBuilder',
  ConditionalFormatRuleBuilder_METHODS,
) {
  constructor(
    private readonly ctx: Ctx,
    private readonly state: RuleState = { criteria: null, values: [], format: {}, ranges: [] },
  ) {
    super();
  }

  private step(method: string, change: () => void): RuleBuilder {
    return this.ctx.rec.call(`ConditionalFormatRuleBuilder.${method}`, () => {
      change();
      return this;
    });
  }

  private when(method: string, criteria: string, values: unknown[]): RuleBuilder {
    return this.step(method, () => {
      this.state.criteria = criteria;
      this.state.values = values.map(copyValue);
    });
  }

  override build(): Rule {
    return this.ctx.rec.call('ConditionalFormatRuleBuilder.build', () => {
      if (this.state.criteria === null) {
        throw gasError('The conditional format rule has no condition.');
      }
      return new EmuConditionalFormatRule(this.ctx, copyState(this.state));
    });
  }

  override copy(): RuleBuilder {
    return this.ctx.rec.call(
      'ConditionalFormatRuleBuilder.copy',
      () => new EmuConditionalFormatRuleBuilder(this.ctx, copyState(this.state)),
    );
  }

  override getBooleanCondition(): BooleanConditionI | null {
    return this.ctx.rec.call('ConditionalFormatRuleBuilder.getBooleanCondition', () =>
      this.state.criteria === null
        ? null
        : new EmuBooleanCondition(this.ctx, copyState(this.state)),
    );
  }

  override getRanges(): GoogleAppsScript.Spreadsheet.Range[] {
    return this.ctx.rec.call('ConditionalFormatRuleBuilder.getRanges', () =>
      this.ctx.rec.toScript(
        this.state.ranges.map((r) => this.ctx.range(r.sheetModel, { ...r.rect })),
      ),
    );
  }

  override setRanges(ranges: GoogleAppsScript.Spreadsheet.Range[]): RuleBuilder {
    return this.step('setRanges', () => {
      this.state.ranges = Array.from(ranges, (r) => {
        const like = rangeArg('ConditionalFormatRuleBuilder.setRanges', r);
        return { sheetModel: like.sheetModel, rect: { ...like.rect } };
      });
    });
  }

  override setBackground(color: string | null): RuleBuilder {
    return this.step('setBackground', () => (this.state.format.background = colorArg(color)));
  }

  override setFontColor(color: string | null): RuleBuilder {
    return this.step('setFontColor', () => (this.state.format.fontColor = colorArg(color)));
  }

  override setBold(bold: boolean | null): RuleBuilder {
    return this.step('setBold', () => (this.state.format.bold = bold ?? undefined));
  }

  override setItalic(italic: boolean | null): RuleBuilder {
    return this.step('setItalic', () => (this.state.format.italic = italic ?? undefined));
  }

  override setStrikethrough(strikethrough: boolean | null): RuleBuilder {
    return this.step(
      'setStrikethrough',
      () => (this.state.format.strikethrough = strikethrough ?? undefined),
    );
  }

  override setUnderline(underline: boolean | null): RuleBuilder {
    return this.step('setUnderline', () => (this.state.format.underline = underline ?? undefined));
  }

  override withCriteria(
    criteria: GoogleAppsScript.Spreadsheet.BooleanCriteria,
    args: unknown[],
  ): RuleBuilder {
    return this.when('withCriteria', enumName(criteria), Array.from(args));
  }

  override whenCellEmpty(): RuleBuilder {
    return this.when('whenCellEmpty', 'CELL_EMPTY', []);
  }

  override whenCellNotEmpty(): RuleBuilder {
    return this.when('whenCellNotEmpty', 'CELL_NOT_EMPTY', []);
  }

  override whenDateAfter(
    date: GoogleAppsScript.Base.Date | GoogleAppsScript.Spreadsheet.RelativeDate,
  ): RuleBuilder {
    return this.when('whenDateAfter', isDate(date) ? 'DATE_AFTER' : 'DATE_AFTER_RELATIVE', [date]);
  }

  override whenDateBefore(
    date: GoogleAppsScript.Base.Date | GoogleAppsScript.Spreadsheet.RelativeDate,
  ): RuleBuilder {
    return this.when('whenDateBefore', isDate(date) ? 'DATE_BEFORE' : 'DATE_BEFORE_RELATIVE', [
      date,
    ]);
  }

  override whenDateEqualTo(
    date: GoogleAppsScript.Base.Date | GoogleAppsScript.Spreadsheet.RelativeDate,
  ): RuleBuilder {
    return this.when('whenDateEqualTo', isDate(date) ? 'DATE_EQUAL_TO' : 'DATE_EQUAL_TO_RELATIVE', [
      date,
    ]);
  }

  override whenFormulaSatisfied(formula: string): RuleBuilder {
    return this.when('whenFormulaSatisfied', 'CUSTOM_FORMULA', [formula]);
  }

  override whenNumberBetween(start: number, end: number): RuleBuilder {
    return this.when('whenNumberBetween', 'NUMBER_BETWEEN', [start, end]);
  }

  override whenNumberEqualTo(number: number): RuleBuilder {
    return this.when('whenNumberEqualTo', 'NUMBER_EQUAL_TO', [number]);
  }

  override whenNumberGreaterThan(number: number): RuleBuilder {
    return this.when('whenNumberGreaterThan', 'NUMBER_GREATER_THAN', [number]);
  }

  override whenNumberGreaterThanOrEqualTo(number: number): RuleBuilder {
    return this.when('whenNumberGreaterThanOrEqualTo', 'NUMBER_GREATER_THAN_OR_EQUAL_TO', [number]);
  }

  override whenNumberLessThan(number: number): RuleBuilder {
    return this.when('whenNumberLessThan', 'NUMBER_LESS_THAN', [number]);
  }

  override whenNumberLessThanOrEqualTo(number: number): RuleBuilder {
    return this.when('whenNumberLessThanOrEqualTo', 'NUMBER_LESS_THAN_OR_EQUAL_TO', [number]);
  }

  override whenNumberNotBetween(start: number, end: number): RuleBuilder {
    return this.when('whenNumberNotBetween', 'NUMBER_NOT_BETWEEN', [start, end]);
  }

  override whenNumberNotEqualTo(number: number): RuleBuilder {
    return this.when('whenNumberNotEqualTo', 'NUMBER_NOT_EQUAL_TO', [number]);
  }

  override whenTextContains(text: string): RuleBuilder {
    return this.when('whenTextContains', 'TEXT_CONTAINS', [text]);
  }

  override whenTextDoesNotContain(text: string): RuleBuilder {
    return this.when('whenTextDoesNotContain', 'TEXT_DOES_NOT_CONTAIN', [text]);
  }

  override whenTextEndsWith(text: string): RuleBuilder {
    return this.when('whenTextEndsWith', 'TEXT_ENDS_WITH', [text]);
  }

  override whenTextEqualTo(text: string): RuleBuilder {
    return this.when('whenTextEqualTo', 'TEXT_EQUAL_TO', [text]);
  }

  override whenTextStartsWith(text: string): RuleBuilder {
    return this.when('whenTextStartsWith', 'TEXT_STARTS_WITH', [text]);
  }
}
