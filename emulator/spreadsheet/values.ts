// What a cell holds after something is entered into it. Apps Script's setValue/setValues/appendRow
// treat a string like a person typing it in the Sheets UI (ja_JP locale): it may become a formula,
// a number, a boolean, a date or a time — unless the cell's number format is plain text ("@").
// Numbers, booleans and Dates passed by the script are stored as they are.
import { isDate } from '../recorder';
import type { CellValue } from '../snapshot';
import { instantOf, wallClock } from './timezone';

/**
 * What a formula cell reads as. The emulator evaluates no formulas: a formula entered by the
 * script reads as this error value (a formula loaded from a snapshot keeps the value it had).
 */
export const UNEVALUATED_FORMULA_VALUE = '#ERROR!';

/** Number format meaning "plain text": strings are kept exactly as given. */
export const PLAIN_TEXT_FORMAT = '@';

export interface Entered {
  value: CellValue;
  /** Set when the input was a formula ('=…'). */
  formula?: string;
}

export interface EntryContext {
  timeZone: string;
  /** For dates typed without a year ('12/1' is this year's 1 December, as in ja_JP Sheets). */
  now: () => Date;
  /**
   * The `typedDates` variant: whether forms Google does not list ('2026-12', '2026年12月1日',
   * '12/1') become Dates ('dates', the default) or stay text.
   */
  typedDates?: 'dates' | 'text';
}

export function isEmptyValue(v: CellValue | undefined): boolean {
  return v === undefined || v === '';
}

/** A host-realm copy: stored Dates are never shared with the script or the snapshot. */
export function copyValue(v: CellValue): CellValue {
  return isDate(v) ? new Date(v.getTime()) : v;
}

/** A value from the script (any realm) entered into a cell whose format is `numberFormat`. */
export function enterValue(
  raw: unknown,
  numberFormat: string | undefined,
  ctx: EntryContext,
): Entered {
  if (raw === null || raw === undefined) return { value: '' };
  if (isDate(raw)) return { value: new Date(raw.getTime()) };
  if (typeof raw === 'number' || typeof raw === 'boolean') return { value: raw };
  const text = String(raw);
  if (numberFormat === PLAIN_TEXT_FORMAT) return { value: text };
  return parseTyped(text, ctx);
}

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const GROUPED_NUMBER = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d*)?$/;
const PERCENT = /^([+-]?(?:\d+\.?\d*|\.\d+))%$/;
const DATE_YMD = /^(\d{4})[/-](\d{1,2})[/-](\d{1,2})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const DATE_MD = /^(\d{1,2})\/(\d{1,2})$/;
const DATE_YM = /^(\d{4})[/-](\d{1,2})$/;
const DATE_KANJI = /^(?:(\d{4})年)?(\d{1,2})月(?:(\d{1,2})日)?$/;
const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/;

/** Text as typed into a cell with an automatic format. */
export function parseTyped(text: string, ctx: EntryContext): Entered {
  if (text.startsWith("'")) return { value: text.slice(1) };
  if (text.startsWith('=') && text.length > 1) {
    return { value: UNEVALUATED_FORMULA_VALUE, formula: text };
  }
  const t = text.trim();
  if (t === '') return { value: text };
  const upper = t.toUpperCase();
  if (upper === 'TRUE' || upper === 'FALSE') return { value: upper === 'TRUE' };
  if (NUMBER.test(t)) return { value: Number(t) };
  if (GROUPED_NUMBER.test(t)) return { value: Number(t.replace(/,/g, '')) };
  const pct = PERCENT.exec(t);
  if (pct) return { value: Number(pct[1]) / 100 };
  const date = parseDateTime(t, ctx);
  if (date) return { value: date };
  return { value: text };
}

function validDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const daysInMonth = new Date(Date.UTC(2000, month, 0)).getUTCDate();
  const leapFeb = month === 2 && day === 29;
  if (leapFeb) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return day <= daysInMonth;
}

function validTime(hour: number, minute: number, second: number): boolean {
  return hour <= 23 && minute <= 59 && second <= 59;
}

/**
 * 'yyyy/M/d', 'yyyy-M-d' (optionally with ' H:mm[:ss]') and 'H:mm[:ss]' in every world; in the
 * `typedDates: 'dates'` world also 'M/d', 'yyyy-M' / 'yyyy/M' (the 1st) and 'yyyy年M月d日',
 * 'M月d日', 'yyyy年M月'.
 */
function parseDateTime(t: string, ctx: EntryContext): Date | null {
  const tz = ctx.timeZone;
  let m = DATE_YMD.exec(t);
  if (m) {
    const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const [hour, minute, second] = [Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0)];
    if (!validDay(year, month, day) || !validTime(hour, minute, second)) return null;
    return instantOf({ year, month, day, hour, minute, second }, tz);
  }
  if (ctx.typedDates === 'text') return parseTime(t, tz);
  m = DATE_YM.exec(t);
  if (m) {
    const [year, month] = [Number(m[1]), Number(m[2])];
    return validDay(year, month, 1) ? instantOf({ year, month, day: 1 }, tz) : null;
  }
  m = DATE_KANJI.exec(t);
  if (m && (m[1] !== undefined || m[3] !== undefined)) {
    const year = m[1] !== undefined ? Number(m[1]) : wallClock(ctx.now(), tz).year;
    const [month, day] = [Number(m[2]), Number(m[3] ?? 1)];
    return validDay(year, month, day) ? instantOf({ year, month, day }, tz) : null;
  }
  m = DATE_MD.exec(t);
  if (m) {
    const year = wallClock(ctx.now(), tz).year;
    const [month, day] = [Number(m[1]), Number(m[2])];
    if (!validDay(year, month, day)) return null;
    return instantOf({ year, month, day }, tz);
  }
  return parseTime(t, tz);
}

function parseTime(t: string, tz: string): Date | null {
  const m = TIME.exec(t);
  if (!m) return null;
  const [hour, minute, second] = [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)];
  if (!validTime(hour, minute, second)) return null;
  return instantOf({ year: 1899, month: 12, day: 30, hour, minute, second }, tz);
}
