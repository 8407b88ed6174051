// Apps Script enums as plain objects whose values are their names: scripts compare them with ===
// and String() them, which is all this project does. The casts make them assignable to the
// ambient enum types of @types/google-apps-script.
type SS = typeof GoogleAppsScript.Spreadsheet;

function enumOf<E>(names: readonly string[]): E {
  return Object.freeze(Object.fromEntries(names.map((n) => [n, n]))) as unknown as E;
}

/** A stored enum name handed back to the script as the enum type. */
export function asEnum<E>(name: string): E {
  return name as unknown as E;
}

/** The name of an enum value coming from the script (our strings, or anything with toString). */
export function enumName(value: unknown): string {
  return String(value);
}

export const DataValidationCriteria = enumOf<SS['DataValidationCriteria']>([
  'DATE_AFTER',
  'DATE_BEFORE',
  'DATE_BETWEEN',
  'DATE_EQUAL_TO',
  'DATE_IS_VALID_DATE',
  'DATE_NOT_BETWEEN',
  'DATE_ON_OR_AFTER',
  'DATE_ON_OR_BEFORE',
  'NUMBER_BETWEEN',
  'NUMBER_EQUAL_TO',
  'NUMBER_GREATER_THAN',
  'NUMBER_GREATER_THAN_OR_EQUAL_TO',
  'NUMBER_LESS_THAN',
  'NUMBER_LESS_THAN_OR_EQUAL_TO',
  'NUMBER_NOT_BETWEEN',
  'NUMBER_NOT_EQUAL_TO',
  'TEXT_CONTAINS',
  'TEXT_DOES_NOT_CONTAIN',
  'TEXT_EQUAL_TO',
  'TEXT_IS_VALID_EMAIL',
  'TEXT_IS_VALID_URL',
  'VALUE_IN_LIST',
  'VALUE_IN_RANGE',
  'CUSTOM_FORMULA',
  'CHECKBOX',
]);

export const BooleanCriteria = enumOf<SS['BooleanCriteria']>([
  'CELL_EMPTY',
  'CELL_NOT_EMPTY',
  'DATE_AFTER',
  'DATE_BEFORE',
  'DATE_EQUAL_TO',
  'DATE_NOT_EQUAL_TO',
  'DATE_AFTER_RELATIVE',
  'DATE_BEFORE_RELATIVE',
  'DATE_EQUAL_TO_RELATIVE',
  'NUMBER_BETWEEN',
  'NUMBER_EQUAL_TO',
  'NUMBER_GREATER_THAN',
  'NUMBER_GREATER_THAN_OR_EQUAL_TO',
  'NUMBER_LESS_THAN',
  'NUMBER_LESS_THAN_OR_EQUAL_TO',
  'NUMBER_NOT_BETWEEN',
  'NUMBER_NOT_EQUAL_TO',
  'TEXT_CONTAINS',
  'TEXT_DOES_NOT_CONTAIN',
  'TEXT_EQUAL_TO',
  'TEXT_NOT_EQUAL_TO',
  'TEXT_STARTS_WITH',
  'TEXT_ENDS_WITH',
  'CUSTOM_FORMULA',
]);

export const ProtectionType = enumOf<SS['ProtectionType']>(['RANGE', 'SHEET']);
export const Dimension = enumOf<SS['Dimension']>(['COLUMNS', 'ROWS']);
export const WrapStrategy = enumOf<SS['WrapStrategy']>(['WRAP', 'OVERFLOW', 'CLIP']);
export const SheetType = enumOf<SS['SheetType']>(['GRID', 'OBJECT', 'DATASOURCE']);
export const ValueType = enumOf<SS['ValueType']>(['IMAGE']);
export const Direction = enumOf<SS['Direction']>(['UP', 'DOWN', 'PREVIOUS', 'NEXT']);

export const ChartType = enumOf<typeof GoogleAppsScript.Charts.ChartType>([
  'TIMELINE',
  'AREA',
  'BAR',
  'BUBBLE',
  'CANDLESTICK',
  'COLUMN',
  'COMBO',
  'GAUGE',
  'GEO',
  'HISTOGRAM',
  'RADAR',
  'LINE',
  'ORG',
  'PIE',
  'SCATTER',
  'SPARKLINE',
  'STEPPED_AREA',
  'TABLE',
  'TREEMAP',
  'WATERFALL',
]);
