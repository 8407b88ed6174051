// DataValidation and its builder. The host-side rule is a ValidationModel (model.ts); the GAS
// objects wrap it. A rule built once and set on many cells is one shared model, as in Sheets.
import { isDate } from '../recorder';
import { rangeArg } from './args';
import type { Ctx } from './context';
import { asEnum, enumName } from './enums';
import { DataValidationBuilder_METHODS, DataValidation_METHODS } from './gas-names';
import type { RangeRef, ValidationModel } from './model';
import { gasError, notEmulatedBase } from './not-emulated';

type DataValidation = GoogleAppsScript.Spreadsheet.DataValidation;
type DataValidationBuilder = GoogleAppsScript.Spreadsheet.DataValidationBuilder;

export function isRangeRef(v: unknown): v is RangeRef {
  return typeof v === 'object' && v !== null && 'sheet' in v && 'rect' in v;
}

/** A criteria value from the script, stored host-side (Dates and arrays copied). */
function hostValue(v: unknown): unknown {
  if (isDate(v)) return new Date(v.getTime());
  if (Array.isArray(v)) return v.map(hostValue);
  return v;
}

/** Criteria values as the script sees them: ranges become Range objects. */
export function criteriaValuesForScript(ctx: Ctx, values: readonly unknown[]): unknown[] {
  const out = values.map((v) => (isRangeRef(v) ? ctx.range(v.sheet, { ...v.rect }) : hostValue(v)));
  return ctx.rec.toScript(out);
}

export class EmuDataValidation extends notEmulatedBase<DataValidation>(
  'DataValidation',
  DataValidation_METHODS,
) {
  constructor(
    private readonly ctx: Ctx,
    /** The shared host-side rule; tests and snapshot-io read it. */
    readonly validation: ValidationModel,
  ) {
    super();
  }

  override copy(): DataValidationBuilder {
    return this.ctx.rec.call('DataValidation.copy', () =>
      EmuDataValidationBuilder.from(this.ctx, this.validation),
    );
  }

  override getAllowInvalid(): boolean {
    return this.ctx.rec.call('DataValidation.getAllowInvalid', () => this.validation.allowInvalid);
  }

  override getCriteriaType(): GoogleAppsScript.Spreadsheet.DataValidationCriteria {
    return this.ctx.rec.call('DataValidation.getCriteriaType', () =>
      asEnum<GoogleAppsScript.Spreadsheet.DataValidationCriteria>(this.validation.criteria),
    );
  }

  override getCriteriaValues(): unknown[] {
    return this.ctx.rec.call('DataValidation.getCriteriaValues', () =>
      criteriaValuesForScript(this.ctx, this.validation.values),
    );
  }

  /** null when no help text is set, as documented (the typings say string). */
  override getHelpText(): string {
    return this.ctx.rec.call(
      'DataValidation.getHelpText',
      () => this.validation.helpText as string,
    );
  }
}

export class EmuDataValidationBuilder extends notEmulatedBase<DataValidationBuilder>(
  'DataValidationBuilder',
  DataValidationBuilder_METHODS,
) {
  private criteria: string | null = null;
  private values: unknown[] = [];
  private allowInvalid = true; // Apps Script's default for a new rule
  private helpText: string | null = null;

  constructor(private readonly ctx: Ctx) {
    super();
  }

  static from(ctx: Ctx, v: ValidationModel): EmuDataValidationBuilder {
    const b = new EmuDataValidationBuilder(ctx);
    b.criteria = v.criteria;
    b.values = v.values.map((x) =>
      isRangeRef(x) ? { sheet: x.sheet, rect: { ...x.rect } } : hostValue(x),
    );
    b.allowInvalid = v.allowInvalid;
    b.helpText = v.helpText;
    return b;
  }

  /** Records one builder call that sets the criteria. */
  private require(method: string, criteria: string, values: unknown[]): DataValidationBuilder {
    return this.ctx.rec.call(`DataValidationBuilder.${method}`, () => {
      this.criteria = criteria;
      this.values = values.map(hostValue);
      return this;
    });
  }

  override build(): DataValidation {
    return this.ctx.rec.call('DataValidationBuilder.build', () => {
      if (this.criteria === null) throw gasError('The data validation rule has no criteria.');
      // Source ranges of the built rule follow row/column edits on their sheet.
      const values = this.values.map((x) =>
        isRangeRef(x) ? this.ctx.wb.anchor({ sheet: x.sheet, rect: { ...x.rect } }) : hostValue(x),
      );
      return new EmuDataValidation(this.ctx, {
        criteria: this.criteria,
        values,
        allowInvalid: this.allowInvalid,
        helpText: this.helpText,
      });
    });
  }

  override copy(): DataValidationBuilder {
    return this.ctx.rec.call('DataValidationBuilder.copy', () => {
      const b = new EmuDataValidationBuilder(this.ctx);
      Object.assign(b, {
        criteria: this.criteria,
        values: this.values.map(hostValue),
        allowInvalid: this.allowInvalid,
        helpText: this.helpText,
      });
      return b;
    });
  }

  override getAllowInvalid(): boolean {
    return this.ctx.rec.call('DataValidationBuilder.getAllowInvalid', () => this.allowInvalid);
  }

  override getCriteriaType(): GoogleAppsScript.Spreadsheet.DataValidationCriteria {
    return this.ctx.rec.call('DataValidationBuilder.getCriteriaType', () =>
      asEnum<GoogleAppsScript.Spreadsheet.DataValidationCriteria>(this.criteria ?? ''),
    );
  }

  override getCriteriaValues(): unknown[] {
    return this.ctx.rec.call('DataValidationBuilder.getCriteriaValues', () =>
      criteriaValuesForScript(this.ctx, this.values),
    );
  }

  override getHelpText(): string | null {
    return this.ctx.rec.call('DataValidationBuilder.getHelpText', () => this.helpText);
  }

  override setAllowInvalid(allowInvalidData: boolean): DataValidationBuilder {
    return this.ctx.rec.call('DataValidationBuilder.setAllowInvalid', () => {
      this.allowInvalid = Boolean(allowInvalidData);
      return this;
    });
  }

  override setHelpText(helpText: string): DataValidationBuilder {
    return this.ctx.rec.call('DataValidationBuilder.setHelpText', () => {
      this.helpText = helpText === null || helpText === undefined ? null : String(helpText);
      return this;
    });
  }

  override withCriteria(
    criteria: GoogleAppsScript.Spreadsheet.DataValidationCriteria,
    args: unknown[],
  ): DataValidationBuilder {
    return this.require('withCriteria', enumName(criteria), [...args]);
  }

  override requireCheckbox(...args: unknown[]): DataValidationBuilder {
    return this.require('requireCheckbox', 'CHECKBOX', args.slice(0, 2));
  }

  override requireDate(): DataValidationBuilder {
    return this.require('requireDate', 'DATE_IS_VALID_DATE', []);
  }

  override requireDateAfter(date: Date): DataValidationBuilder {
    return this.require('requireDateAfter', 'DATE_AFTER', [date]);
  }

  override requireDateBefore(date: Date): DataValidationBuilder {
    return this.require('requireDateBefore', 'DATE_BEFORE', [date]);
  }

  override requireDateBetween(start: Date, end: Date): DataValidationBuilder {
    return this.require('requireDateBetween', 'DATE_BETWEEN', [start, end]);
  }

  override requireDateEqualTo(date: Date): DataValidationBuilder {
    return this.require('requireDateEqualTo', 'DATE_EQUAL_TO', [date]);
  }

  override requireDateNotBetween(start: Date, end: Date): DataValidationBuilder {
    return this.require('requireDateNotBetween', 'DATE_NOT_BETWEEN', [start, end]);
  }

  override requireDateOnOrAfter(date: Date): DataValidationBuilder {
    return this.require('requireDateOnOrAfter', 'DATE_ON_OR_AFTER', [date]);
  }

  override requireDateOnOrBefore(date: Date): DataValidationBuilder {
    return this.require('requireDateOnOrBefore', 'DATE_ON_OR_BEFORE', [date]);
  }

  override requireFormulaSatisfied(formula: string): DataValidationBuilder {
    return this.require('requireFormulaSatisfied', 'CUSTOM_FORMULA', [formula]);
  }

  override requireNumberBetween(start: number, end: number): DataValidationBuilder {
    return this.require('requireNumberBetween', 'NUMBER_BETWEEN', [start, end]);
  }

  override requireNumberEqualTo(number: number): DataValidationBuilder {
    return this.require('requireNumberEqualTo', 'NUMBER_EQUAL_TO', [number]);
  }

  override requireNumberGreaterThan(number: number): DataValidationBuilder {
    return this.require('requireNumberGreaterThan', 'NUMBER_GREATER_THAN', [number]);
  }

  override requireNumberGreaterThanOrEqualTo(number: number): DataValidationBuilder {
    return this.require('requireNumberGreaterThanOrEqualTo', 'NUMBER_GREATER_THAN_OR_EQUAL_TO', [
      number,
    ]);
  }

  override requireNumberLessThan(number: number): DataValidationBuilder {
    return this.require('requireNumberLessThan', 'NUMBER_LESS_THAN', [number]);
  }

  override requireNumberLessThanOrEqualTo(number: number): DataValidationBuilder {
    return this.require('requireNumberLessThanOrEqualTo', 'NUMBER_LESS_THAN_OR_EQUAL_TO', [number]);
  }

  override requireNumberNotBetween(start: number, end: number): DataValidationBuilder {
    return this.require('requireNumberNotBetween', 'NUMBER_NOT_BETWEEN', [start, end]);
  }

  override requireNumberNotEqualTo(number: number): DataValidationBuilder {
    return this.require('requireNumberNotEqualTo', 'NUMBER_NOT_EQUAL_TO', [number]);
  }

  override requireTextContains(text: string): DataValidationBuilder {
    return this.require('requireTextContains', 'TEXT_CONTAINS', [text]);
  }

  override requireTextDoesNotContain(text: string): DataValidationBuilder {
    return this.require('requireTextDoesNotContain', 'TEXT_DOES_NOT_CONTAIN', [text]);
  }

  override requireTextEqualTo(text: string): DataValidationBuilder {
    return this.require('requireTextEqualTo', 'TEXT_EQUAL_TO', [text]);
  }

  override requireTextIsEmail(): DataValidationBuilder {
    return this.require('requireTextIsEmail', 'TEXT_IS_VALID_EMAIL', []);
  }

  override requireTextIsUrl(): DataValidationBuilder {
    return this.require('requireTextIsUrl', 'TEXT_IS_VALID_URL', []);
  }

  override requireValueInList(values: string[], showDropdown?: boolean): DataValidationBuilder {
    return this.require('requireValueInList', 'VALUE_IN_LIST', [
      Array.from(values),
      showDropdown ?? true,
    ]);
  }

  override requireValueInRange(
    range: GoogleAppsScript.Spreadsheet.Range,
    showDropdown?: boolean,
  ): DataValidationBuilder {
    return this.ctx.rec.call('DataValidationBuilder.requireValueInRange', () => {
      const r = rangeArg('DataValidationBuilder.requireValueInRange', range);
      this.criteria = 'VALUE_IN_RANGE';
      this.values = [{ sheet: r.sheetModel, rect: { ...r.rect } }, showDropdown ?? true];
      return this;
    });
  }
}
