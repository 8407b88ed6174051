// Days in Asia/Tokyo and times of day. This is the only module that does arithmetic on
// milliseconds; everything else works with LocalDate and TimeOfDay.
//
// Japan has had no daylight saving time since 1951 and has used UTC+09:00 since 1888, so every
// instant a booking (or a Sheets time cell on 1899-12-30) can have maps to Tokyo wall time by a
// fixed +9 hours. We use that fixed offset and the UTC getters rather than the host's zone or
// Intl: Apps Script's zone comes from the manifest, the tests run in America/Los_Angeles on
// purpose, and a fixed offset gives the same answer everywhere.

/**
 * A calendar day in Tokyo, as 'YYYY-MM-DD' (year 1900–9999). A branded string rather than an
 * object: it is a Map key as it stands, compares correctly with < and ===, and reads well in
 * logs and test failures. Make one with makeDay, parseIsoDay or dayOf; never by casting.
 */
export type LocalDate = string & { readonly __brand: 'LocalDate' };

/** Minutes since midnight in Tokyo wall time, 0–1439. */
export type TimeOfDay = number;

export const MINUTES_PER_DAY = 1440;
const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;
const TOKYO_OFFSET_MS = 9 * 60 * MS_PER_MINUTE;
const MIN_YEAR = 1900;
const MAX_YEAR = 9999;
/** Sheets serial day 0 is 1899-12-30; serial 25569 is 1970-01-01. */
const SHEETS_SERIAL_OF_EPOCH = 25_569;

const WEEKDAY_NAMES = ['日', '月', '火', '水', '木', '金', '土'] as const;
export type WeekdayName = (typeof WEEKDAY_NAMES)[number];

interface DayParts {
  y: number;
  m: number;
  d: number;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days in month m (1–12) of year y (Gregorian). Arithmetic, not a Date: it runs per cell. */
export function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return DAYS_IN_MONTH[m - 1] ?? new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** The day y-m-d (month 1–12), or null when there is no such day or the year is out of range. */
export function makeDay(y: number, m: number, d: number): LocalDate | null {
  if (![y, m, d].every(Number.isInteger)) return null;
  if (y < MIN_YEAR || y > MAX_YEAR || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) {
    return null;
  }
  return `${y}-${pad2(m)}-${pad2(d)}` as LocalDate;
}

export function dayParts(day: LocalDate): DayParts {
  return { y: Number(day.slice(0, 4)), m: Number(day.slice(5, 7)), d: Number(day.slice(8, 10)) };
}

/** Strict 'YYYY-MM-DD' (what LocalDate looks like); lenient forms are normalize.ts's job. */
export function parseIsoDay(text: string): LocalDate | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  return match ? makeDay(Number(match[1]), Number(match[2]), Number(match[3])) : null;
}

export function isLocalDate(value: unknown): value is LocalDate {
  return typeof value === 'string' && parseIsoDay(value) === value;
}

/**
 * A Date, valid or not, from any realm (checks the tag, not instanceof): what a date or time cell
 * holds. A cell holding an Invalid Date is still a date cell.
 */
export function isDateCell(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

/** A real, valid Date. Checks the tag, not instanceof, so Dates from another realm count. */
export function isValidInstant(value: unknown): value is Date {
  // Most cells are text and most Dates are this realm's: both are answered before the tag is
  // read (this runs several times per cell of every row).
  if (typeof value !== 'object' || value === null) return false;
  if (!(value instanceof Date) && !isDateCell(value)) return false;
  return !Number.isNaN((value as Date).getTime());
}

// Thousands of bookings share a few hundred days: each day number is turned into text once.
const dayTextCache = new Map<number, LocalDate | null>();
const DAY_TEXT_CACHE_LIMIT = 20_000;

/** The Tokyo day of an instant, or null when it is invalid or outside years 1900–9999. */
export function tryDayOf(instant: Date): LocalDate | null {
  if (!isValidInstant(instant)) return null;
  const n = Math.floor((instant.getTime() + TOKYO_OFFSET_MS) / MS_PER_DAY);
  let day = dayTextCache.get(n);
  if (day === undefined) {
    day = dayFromNumber(n);
    if (dayTextCache.size >= DAY_TEXT_CACHE_LIMIT) dayTextCache.clear();
    dayTextCache.set(n, day);
  }
  return day;
}

/** The Tokyo day of an instant. Throws on an invalid or out-of-range Date (a programming error). */
export function dayOf(instant: Date): LocalDate {
  const day = tryDayOf(instant);
  if (day === null) throw new RangeError(`dayOf: not a usable instant: ${String(instant)}`);
  return day;
}

/** Tokyo wall-clock minutes of an instant (the minute it is in). */
function timeOfDayOf(instant: Date): TimeOfDay {
  return wrapMinutes(Math.floor((instant.getTime() + TOKYO_OFFSET_MS) / MS_PER_MINUTE));
}

/**
 * The time of day a Sheets time cell shows, to the minute: its Tokyo wall time rounded to the
 * nearest second (cell values converted through a serial number can be a few milliseconds off),
 * then the seconds dropped, as Sheets' own HH:mm format does: 10:00:30 is 10:00, never 10:01.
 */
export function timeOfDayOfCell(instant: Date): TimeOfDay {
  return minuteOfSeconds((instant.getTime() + TOKYO_OFFSET_MS) / 1000);
}

/** The minute a time given in seconds (possibly a few ms off) falls in; see timeOfDayOfCell. */
export function minuteOfSeconds(seconds: number): TimeOfDay {
  return wrapMinutes(Math.floor(Math.round(seconds) / 60));
}

function wrapMinutes(minutes: number): TimeOfDay {
  return ((minutes % MINUTES_PER_DAY) + MINUTES_PER_DAY) % MINUTES_PER_DAY;
}

/** The instant at `minutes` past midnight of `day` in Tokyo. */
export function instantAt(day: LocalDate, minutes: TimeOfDay = 0): Date {
  return new Date(dayNumber(day) * MS_PER_DAY + minutes * MS_PER_MINUTE - TOKYO_OFFSET_MS);
}

/** Minutes from one instant to another (positive when `to` is later). */
export function minutesBetween(from: Date, to: Date): number {
  return (to.getTime() - from.getTime()) / MS_PER_MINUTE;
}

export function addMinutes(instant: Date, minutes: number): Date {
  return new Date(instant.getTime() + minutes * MS_PER_MINUTE);
}

/** Days since 1970-01-01. */
function dayNumber(day: LocalDate): number {
  const { y, m, d } = dayParts(day);
  return Date.UTC(y, m - 1, d) / MS_PER_DAY;
}

/** Day number (days since 1970-01-01) → the day, by arithmetic (H. Hinnant's civil_from_days). */
function dayFromNumber(n: number): LocalDate | null {
  if (!Number.isFinite(n)) return null;
  const z = n + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return makeDay(y, m, d);
}

export function addDays(day: LocalDate, n: number): LocalDate {
  const result = dayFromNumber(dayNumber(day) + n);
  if (result === null) throw new RangeError(`addDays: ${day} + ${n} is out of range`);
  return result;
}

/** Same day of month n months later, clamped to the month's end (1/31 + 1 month = 2/28). */
export function addMonths(day: LocalDate, n: number): LocalDate {
  const { y, m, d } = dayParts(day);
  const index = y * 12 + (m - 1) + n;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const result = makeDay(year, month, Math.min(d, daysInMonth(year, month)));
  if (result === null) throw new RangeError(`addMonths: ${day} + ${n} is out of range`);
  return result;
}

/** Negative, zero or positive, like a sort comparator. */
export function compareDays(a: LocalDate, b: LocalDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return dayNumber(to) - dayNumber(from);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(day: LocalDate): number {
  return (((dayNumber(day) + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
}

export function weekdayName(day: LocalDate): WeekdayName {
  return WEEKDAY_NAMES[weekday(day)] ?? '日';
}

/** The day with Sheets serial number `serial` (days since 1899-12-30), or null. */
export function dayFromSheetSerial(serial: number): LocalDate | null {
  return Number.isInteger(serial) ? dayFromNumber(serial - SHEETS_SERIAL_OF_EPOCH) : null;
}

/** Every day of month m (1–12) of year y, in order. */
export function daysOfMonth(y: number, m: number): LocalDate[] {
  const days: LocalDate[] = [];
  for (let d = 1; d <= daysInMonth(y, m); d++) {
    const day = makeDay(y, m, d);
    if (day !== null) days.push(day);
  }
  return days;
}

/** '12月1日(火)', as the invitation and messages show a day. */
export function formatDay(day: LocalDate): string {
  const { m, d } = dayParts(day);
  return `${m}月${d}日(${weekdayName(day)})`;
}

/** '2026年12月1日(火)', for messages where the year matters (support periods, far dates). */
export function formatDayWithYear(day: LocalDate): string {
  return `${dayParts(day).y}年${formatDay(day)}`;
}

/** '2026-12', the 相談月 column. */
export function formatMonth(day: LocalDate): string {
  return day.slice(0, 7);
}

/** '10:00'. */
export function formatTime(minutes: TimeOfDay): string {
  const whole = wrapMinutes(Math.round(minutes));
  return `${pad2(Math.floor(whole / 60))}:${pad2(whole % 60)}`;
}

/** '9:00' (hours unpadded), as the invitation mail and its calendar text show a time. */
export function formatClock(minutes: TimeOfDay): string {
  const whole = wrapMinutes(Math.round(minutes));
  return `${Math.floor(whole / 60)}:${pad2(whole % 60)}`;
}

/** 'yyyy/MM/dd HH:mm' in Tokyo, for cells like 招待メール送信日時 written as text. */
export function formatInstant(instant: Date): string {
  const day = dayOf(instant);
  return `${day.replace(/-/g, '/')} ${formatTime(timeOfDayOf(instant))}`;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}
