// Whether a value passes a data-validation rule, for what a person types: a rule with
// setAllowInvalid(false) ("Reject input") refuses a value that fails it, one with true only
// flags it. Script writes are never refused (Apps Script's setValues does not consult rules).
import type { CellValue } from '../snapshot';
import { isDate } from '../recorder';
import { readValues } from './cells';
import type { ValidationModel } from './model';
import { isRangeRef } from './validation';

const sameText = (a: unknown, b: unknown): boolean => String(a) === String(b);

function numberOf(v: CellValue): number | null {
  return typeof v === 'number' ? v : null;
}

/**
 * True when `value` (as entered: parsed like typing) satisfies `rule`. An empty cell always
 * passes (clearing is allowed). Criteria the emulator cannot judge throw, so no test relies on a
 * guess.
 */
export function passes(rule: ValidationModel, value: CellValue): boolean {
  if (value === '') return true;
  const [a, b] = rule.values;
  switch (rule.criteria) {
    case 'CHECKBOX': {
      if (rule.values.length === 0) return typeof value === 'boolean';
      return sameText(value, a) || (rule.values.length > 1 && sameText(value, b));
    }
    case 'VALUE_IN_LIST':
      return Array.isArray(a) && a.some((item) => sameText(item, value));
    case 'VALUE_IN_RANGE': {
      if (!isRangeRef(a)) return false;
      return readValues(a.sheet, a.rect).some((row) =>
        row.some((v) => v !== '' && sameText(v, value)),
      );
    }
    case 'DATE_IS_VALID_DATE':
      return isDate(value);
    case 'NUMBER_BETWEEN': {
      const n = numberOf(value);
      return n !== null && n >= Number(a) && n <= Number(b);
    }
    case 'NUMBER_GREATER_THAN_OR_EQUAL_TO': {
      const n = numberOf(value);
      return n !== null && n >= Number(a);
    }
    default:
      throw new Error(`person: judging the validation ${rule.criteria} is not emulated`);
  }
}
