// What staff type, made regular (SPEC §4): NFKC and trimming for all text, then per-field readers
// that return a value or a typed failure. The failures carry no Japanese; check.ts words them.

import {
  dayFromSheetSerial,
  instantAt,
  isDateCell,
  isValidInstant,
  makeDay,
  MINUTES_PER_DAY,
  minuteOfSeconds,
  timeOfDayOfCell,
  tryDayOf,
  weekdayName,
  type LocalDate,
  type TimeOfDay,
  type WeekdayName,
} from './time';
import { STATUS, STATUSES, type Status } from './schema';
import { isHttpsUrl } from './url';

export type Failure =
  | { kind: 'missing' }
  | { kind: 'unreadable'; input: string }
  | { kind: 'noSuchDay'; input: string }
  | { kind: 'noYear'; input: string }
  | { kind: 'weekdayMismatch'; input: string; day: LocalDate; written: WeekdayName }
  | { kind: 'noSuchTime'; input: string }
  | { kind: 'ambiguousNoon'; input: string }
  | { kind: 'dateInTextCell' }
  | { kind: 'seekerNoHyphen'; input: string }
  | { kind: 'seekerNoFormat'; input: string }
  | { kind: 'emailLineBreak' }
  | { kind: 'emailSeveral'; input: string }
  | { kind: 'emailSpace'; input: string }
  | { kind: 'emailNoAt'; input: string }
  | { kind: 'emailNonAscii'; input: string }
  | { kind: 'emailTooLong' }
  | { kind: 'emailLocalPart'; input: string }
  | { kind: 'emailDomain'; input: string }
  | { kind: 'urlSeveral' }
  | { kind: 'urlNotHttps'; input: string }
  | { kind: 'urlFormat'; input: string }
  | { kind: 'unknownStatus'; input: string }
  | { kind: 'notACount'; input: string };

export type Result<T> = { ok: true; value: T } | { ok: false; failure: Failure };

const MISSING: Result<never> = { ok: false, failure: { kind: 'missing' } };

function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

function fail(failure: Failure): Result<never> {
  return { ok: false, failure };
}

// ---------------------------------------------------------------------------------------------
// Text

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

const NFKC_CACHE_SIZE = 20_000;
const NFKC_CACHE_MAX_LENGTH = 64;
const nfkcCache = new Map<string, string>();

/** NFKC (full-width digits and letters become ASCII, half-width kana become full-width). */
export function nfkc(text: string): string {
  if (PRINTABLE_ASCII.test(text)) return text;
  if (text.length > NFKC_CACHE_MAX_LENGTH) return text.normalize('NFKC');
  // Offices, officers and names repeat across thousands of rows; NFKC is the costly step.
  let normal = nfkcCache.get(text);
  if (normal === undefined) {
    if (nfkcCache.size >= NFKC_CACHE_SIZE) nfkcCache.clear();
    normal = text.normalize('NFKC');
    nfkcCache.set(text, normal);
  }
  return normal;
}

/** Any cell value as trimmed NFKC text. Unchecked checkboxes, errors and objects read as ''. */
export function normalizeText(value: unknown): string {
  if (typeof value === 'string') return nfkc(value).trim();
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (value === true) return 'TRUE';
  if (isValidInstant(value)) return tryDayOf(value) ?? '';
  return '';
}

const SPACES = /[\s\u200b-\u200d\u2060\ufeff]+/g;

/** A name as a comparison key: spacing and width differences do not count. */
export function personKey(value: unknown): string {
  return normalizeText(value).replace(SPACES, '');
}

/** A ticked checkbox, or what staff type for one. */
export function normalizeFlag(value: unknown): boolean {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value === 1;
  return ['TRUE', 'true', 'はい', '○', '〇', '✓', '✔', '1', 'レ'].includes(normalizeText(value));
}

/** A count such as 無断キャンセル回数: blank is 0. */
export function normalizeCount(value: unknown): Result<number> {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return ok(value);
  const text = normalizeText(value).replace(/回$/, '');
  if (text === '') return ok(0);
  return /^\d{1,6}$/.test(text) ? ok(Number(text)) : fail({ kind: 'notACount', input: text });
}

// ---------------------------------------------------------------------------------------------
// 求職番号

/** Every character staff (or an IME) produce when they mean a hyphen. */
const DASHES =
  /[\u002d\u02d7\u2010-\u2015\u2043\u2212\u2500\u2501\u2796\u30fc\u4e00\ufe58\ufe63\uff0d\uff70]/g;
const SEEKER_NO = /^\d{5}-\d{1,8}$/;

export function normalizeSeekerNo(value: unknown): Result<string> {
  if (isDateCell(value)) return fail({ kind: 'dateInTextCell' });
  const text = normalizeText(value).replace(SPACES, '').replace(DASHES, '-');
  if (text === '') return MISSING;
  if (SEEKER_NO.test(text)) return ok(text);
  if (/^\d{6,13}$/.test(text)) return fail({ kind: 'seekerNoHyphen', input: text });
  return fail({ kind: 'seekerNoFormat', input: text });
}

// ---------------------------------------------------------------------------------------------
// Dates

const WEEKDAY_SUFFIX = /\s*(?:\(\s*([日月火水木金土])(?:曜日?)?\s*\)|([日月火水木金土])曜日?)$/;
const WESTERN = /^(\d{4})\s*[/.\-年]\s*(\d{1,2})\s*[/.\-月]\s*(\d{1,2})\s*日?$/;
const ERA =
  /^(令和|平成|[RrHh])\s*(元|\d{1,2})\s*[/.\-年]\s*(\d{1,2})\s*[/.\-月]\s*(\d{1,2})\s*日?$/;
const NO_YEAR = /^(\d{1,2})\s*[/.\-月]\s*(\d{1,2})\s*日?$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;

/** The eras a booking or a support period can fall in: first year and first day of each. */
const ERAS = [
  { names: ['令和', 'R', 'r'], firstYear: 2019, from: '2019-05-01', until: '9999-12-31' },
  { names: ['平成', 'H', 'h'], firstYear: 1989, from: '1989-01-08', until: '2019-04-30' },
] as const;

/**
 * A day from a Date cell (its Tokyo day), a Sheets serial number, or text: 2026/12/1, 2026-12-01,
 * 2026年12月1日(火), 令和8年12月1日, R8.12.1, 20261201, and 12/1 or 12月1日 — no year means the
 * next such day on or after `today` (or a noYear failure when `yearRequired`, for dates such as a
 * support period where "the next one" means nothing). A written weekday must match the day.
 */
export function normalizeDate(
  value: unknown,
  today: LocalDate,
  options: { yearRequired?: boolean } = {},
): Result<LocalDate> {
  if (isDateCell(value)) {
    const day = tryDayOf(value);
    return day ? ok(day) : fail({ kind: 'unreadable', input: '' });
  }
  if (typeof value === 'number') return dateFromNumber(value);
  const text = normalizeText(value);
  if (text === '') return MISSING;
  const weekdayMatch = WEEKDAY_SUFFIX.exec(text);
  const written = (weekdayMatch?.[1] ?? weekdayMatch?.[2]) as WeekdayName | undefined;
  const body = weekdayMatch ? text.slice(0, weekdayMatch.index) : text;
  const parsed = parseDateText(body, today, options.yearRequired === true);
  if (parsed === 'unreadable') return fail({ kind: 'unreadable', input: text });
  if (parsed === 'noYear') return fail({ kind: 'noYear', input: text });
  if (parsed === null) return fail({ kind: 'noSuchDay', input: text });
  if (written !== undefined && written !== weekdayName(parsed)) {
    return fail({ kind: 'weekdayMismatch', input: text, day: parsed, written });
  }
  return ok(parsed);
}

/** A number in a date cell: 20261201, or a serial day as Sheets stores dates. */
function dateFromNumber(value: number): Result<LocalDate> {
  const input = String(value);
  if (Number.isInteger(value) && value >= 19000101 && value <= 99991231) {
    const day = makeDay(Math.floor(value / 10000), Math.floor(value / 100) % 100, value % 100);
    return day ? ok(day) : fail({ kind: 'noSuchDay', input });
  }
  // Serials of 2000-01-01 … 2099-12-31 only: a stray small number is a typo, not a 1900s day.
  if (Number.isFinite(value) && value >= 36526 && value < 73051) {
    const day = dayFromSheetSerial(Math.floor(value));
    if (day) return ok(day);
  }
  return fail({ kind: 'unreadable', input });
}

function parseDateText(
  text: string,
  today: LocalDate,
  yearRequired: boolean,
): LocalDate | null | 'unreadable' | 'noYear' {
  let match = WESTERN.exec(text) ?? COMPACT.exec(text);
  if (match) return makeDay(Number(match[1]), Number(match[2]), Number(match[3]));
  match = ERA.exec(text);
  if (match) return eraDay(match[1] ?? '', match[2] ?? '', Number(match[3]), Number(match[4]));
  match = NO_YEAR.exec(text);
  if (match)
    return yearRequired ? 'noYear' : nextDayOfYear(Number(match[1]), Number(match[2]), today);
  return 'unreadable';
}

function eraDay(eraName: string, yearText: string, m: number, d: number): LocalDate | null {
  const era = ERAS.find((e) => (e.names as readonly string[]).includes(eraName));
  if (!era) return null;
  const year = era.firstYear + (yearText === '元' ? 1 : Number(yearText)) - 1;
  const day = makeDay(year, m, d);
  return day !== null && day >= era.from && day <= era.until ? day : null;
}

/** The first m/d on or after today (2/29 may be a few years away). */
function nextDayOfYear(m: number, d: number, today: LocalDate): LocalDate | null {
  const thisYear = Number(today.slice(0, 4));
  for (let y = thisYear; y <= thisYear + 8; y++) {
    const day = makeDay(y, m, d);
    if (day !== null && day >= today) return day;
  }
  return null;
}

/** An instant from a Date cell or 'yyyy/MM/dd HH:mm' text (受付日時), or null. */
export function normalizeInstant(value: unknown): Date | null {
  if (isValidInstant(value)) return value;
  const match = /^(\S+)\s+(\d{1,2}:\d{2}(?::\d{2})?)$/.exec(normalizeText(value));
  if (!match) return null;
  const day = WESTERN.exec(match[1] ?? '');
  const time = normalizeTime(match[2]);
  if (!day || !time.ok) return null;
  const date = makeDay(Number(day[1]), Number(day[2]), Number(day[3]));
  return date === null ? null : instantAt(date, time.value);
}

// ---------------------------------------------------------------------------------------------
// Times

const CIRCLED_NUMBER = /^\s*[\u2460-\u2473\u24ea\u2776-\u277f]\s*/;
const TIME =
  /^(午前|午後|am|pm|a\.m\.|p\.m\.)?\s*(\d{1,2})\s*(?::\s*(\d{2})(?:\s*:\s*\d{2})?|時\s*(?:(\d{1,2})\s*分|(半))?)?\s*(am|pm|a\.m\.|p\.m\.)?\s*(?:(?:[~〜\-–—ー]|から).*)?$/;

/**
 * A time of day from a Date cell (Sheets keeps times as instants on 1899-12-30 in the sheet's
 * zone, Asia/Tokyo: we take the Tokyo wall time), a fraction of a day or a whole hour as a
 * number, or text: 10:00, １０時, 10時00分, 10時半, 午後2時, 2pm, 14:00～, ①10:00～ (from the leaflet).
 */
export function normalizeTime(value: unknown): Result<TimeOfDay> {
  if (isDateCell(value)) {
    return isValidInstant(value)
      ? ok(timeOfDayOfCell(value))
      : fail({ kind: 'unreadable', input: '' });
  }
  if (typeof value === 'number') return timeFromNumber(value);
  const raw = typeof value === 'string' ? value.replace(CIRCLED_NUMBER, '') : value;
  const text = normalizeText(raw).toLowerCase();
  if (text === '') return MISSING;
  const match = TIME.exec(text);
  if (!match || (match[1] && match[6])) return fail({ kind: 'unreadable', input: text });
  const hour = Number(match[2]);
  const minute = match[5] ? 30 : Number(match[3] ?? match[4] ?? 0);
  if (minute > 59) return fail({ kind: 'noSuchTime', input: text });
  const period = match[1] ?? match[6];
  const hour24 = periodHour(hour, period);
  if (hour24 === 'ambiguous') return fail({ kind: 'ambiguousNoon', input: text });
  if (hour24 === null) return fail({ kind: 'noSuchTime', input: text });
  return ok(hour24 * 60 + minute);
}

/** 24-hour clock hour; 午前/午後 12時 is read two ways in Japan, so we ask rather than guess. */
function periodHour(hour: number, period: string | undefined): number | null | 'ambiguous' {
  if (period === undefined) return hour <= 23 ? hour : null;
  const afternoon = period === '午後' || period.startsWith('p');
  if (hour === 12) {
    if (period === '午前' || period === '午後') return 'ambiguous';
    return afternoon ? 12 : 0;
  }
  if (hour > 12) return null;
  return afternoon ? hour + 12 : hour;
}

function timeFromNumber(value: number): Result<TimeOfDay> {
  if (value >= 0 && value < 1) return ok(minuteOfSeconds(value * MINUTES_PER_DAY * 60));
  if (Number.isInteger(value) && value >= 1 && value <= 23) return ok(value * 60);
  return fail({ kind: 'unreadable', input: String(value) });
}

// ---------------------------------------------------------------------------------------------
// メールアドレス and 会議URL

const LOCAL_PART = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/i;
const DOMAIN_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const TOP_LEVEL = /^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;

/**
 * One plain address, local@domain.tld, with the domain in lower case. Line breaks, commas,
 * semicolons and spaces are refused: they would send to several people or to nobody. Local parts
 * with leading, trailing or doubled dots (old Japanese phone addresses) are refused too, because
 * Gmail will not send to them.
 */
export function normalizeEmail(value: unknown): Result<string> {
  const text = normalizeText(value);
  if (text === '') return MISSING;
  if (/[\r\n\u2028\u2029]/.test(text)) return fail({ kind: 'emailLineBreak' });
  if (/[,;、]/.test(text)) return fail({ kind: 'emailSeveral', input: text });
  if (/\s/.test(text)) return fail({ kind: 'emailSpace', input: text });
  if (text.length > 254) return fail({ kind: 'emailTooLong' });
  if (!text.includes('@')) return fail({ kind: 'emailNoAt', input: text });
  if (!PRINTABLE_ASCII.test(text)) return fail({ kind: 'emailNonAscii', input: text });
  const at = text.lastIndexOf('@');
  const local = text.slice(0, at);
  const domain = text.slice(at + 1).toLowerCase();
  if (local.length > 64 || !LOCAL_PART.test(local)) {
    return fail({ kind: 'emailLocalPart', input: text });
  }
  if (!isDomain(domain)) return fail({ kind: 'emailDomain', input: text });
  return ok(`${local}@${domain}`);
}

function isDomain(domain: string): boolean {
  const labels = domain.split('.');
  return (
    labels.length >= 2 &&
    labels.every((label) => DOMAIN_LABEL.test(label)) &&
    TOP_LEVEL.test(labels[labels.length - 1] ?? '')
  );
}

/** The meeting URL: one https address, nothing else in the cell. */
export function normalizeUrl(value: unknown): Result<string> {
  const text = normalizeText(value);
  if (text === '') return MISSING;
  if (/\s/.test(text) || text.indexOf('://') !== text.lastIndexOf('://')) {
    return fail({ kind: 'urlSeveral' });
  }
  if (/^http:\/\//i.test(text)) return fail({ kind: 'urlNotHttps', input: text });
  // The invitation's own rule, so a URL the check passes is one the mail can carry.
  return isHttpsUrl(text) ? ok(text) : fail({ kind: 'urlFormat', input: text });
}

// ---------------------------------------------------------------------------------------------
// 状態

/** A status word; blank on a filled row counts as 受付. */
export function normalizeStatus(value: unknown): Result<Status> {
  const text = normalizeText(value);
  if (text === '') return ok(STATUS.taken);
  const status = STATUSES.find((s) => s === text);
  return status ? ok(status) : fail({ kind: 'unknownStatus', input: text });
}
