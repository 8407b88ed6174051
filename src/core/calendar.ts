// Business days (R2): Monday–Friday, not a national holiday, not 12/29–1/3, not a listed 休業日.

// @ts-expect-error -- japanese-holidays ships no type declarations; its shape is typed just below.
import JapaneseHolidays from 'japanese-holidays';
import { groupBy } from './groupBy';
import { addDays, dayParts, daysOfMonth, makeDay, weekday, type LocalDate } from './time';

interface HolidayOfYear {
  month: number;
  date: number;
  name: string;
}
/**
 * getHolidaysOf works from UTC-based Tokyo dates, so it does not depend on the host zone (checked
 * in test/core/calendar.test.ts under several zones), and includes 振替休日 and 国民の休日.
 * We never call its isHoliday(Date), which reads the host zone's getters.
 */
const holidayLibrary = JapaneseHolidays as { getHolidaysOf(year: number): HolidayOfYear[] };

/** An extra closed day from the 休業日 sheet. office null = both offices. */
export interface ClosedDay {
  date: LocalDate;
  office: string | null;
  reason: string;
}

export type ClosedReason =
  | { kind: '土日'; weekday: '土' | '日' }
  | { kind: '祝日'; name: string }
  | { kind: '年末年始' }
  | { kind: '休業日'; reason: string; office: string | null };

const holidaysByYear = new Map<number, ReadonlyMap<string, string>>();

/** The national holiday's name (元日, 振替休日, 国民の休日 …), or null. */
export function holidayName(day: LocalDate): string | null {
  const { y } = dayParts(day);
  let holidays = holidaysByYear.get(y);
  if (holidays === undefined) {
    const entries = holidayLibrary
      .getHolidaysOf(y)
      .map((h): [string, string] => [makeDay(y, h.month, h.date) ?? '', h.name]);
    holidays = new Map(entries);
    holidaysByYear.set(y, holidays);
  }
  return holidays.get(day) ?? null;
}

/** 12/29–1/3: the offices' year-end closure. */
export function isYearEnd(day: LocalDate): boolean {
  const { m, d } = dayParts(day);
  return (m === 12 && d >= 29) || (m === 1 && d <= 3);
}

// Indexed once per list, so checking 50,000 bookings does not scan the list 50,000 times.
const closedDayIndexes = new WeakMap<readonly ClosedDay[], Map<string, ClosedDay[]>>();

function closedDaysOn(day: LocalDate, closedDays: readonly ClosedDay[]): readonly ClosedDay[] {
  let index = closedDayIndexes.get(closedDays);
  if (index === undefined) {
    index = groupBy(closedDays, (closed) => closed.date);
    closedDayIndexes.set(closedDays, index);
  }
  return index.get(day) ?? [];
}

/**
 * Why `day` is not a business day at `office`, or null when it is one. A 休業日 with an office
 * applies to that office only; pass office null to ask about days closed for both.
 * When several reasons apply, the plainest one wins: 土日, then 祝日, 年末年始, 休業日.
 */
export function closedReason(
  day: LocalDate,
  office: string | null,
  closedDays: readonly ClosedDay[],
): ClosedReason | null {
  const dow = weekday(day);
  if (dow === 0 || dow === 6) return { kind: '土日', weekday: dow === 0 ? '日' : '土' };
  const holiday = holidayName(day);
  if (holiday !== null) return { kind: '祝日', name: holiday };
  if (isYearEnd(day)) return { kind: '年末年始' };
  const closed = closedDaysOn(day, closedDays).find(
    (c) => c.office === null || (office !== null && c.office === office),
  );
  return closed ? { kind: '休業日', reason: closed.reason, office: closed.office } : null;
}

export function isBusinessDay(
  day: LocalDate,
  office: string | null,
  closedDays: readonly ClosedDay[],
): boolean {
  return closedReason(day, office, closedDays) === null;
}

/** A bound on the search: no real calendar closes an office for more than this many days. */
const MAX_CLOSED_RUN = 3660;

/** The first business day strictly after `day`. */
export function nextBusinessDay(
  day: LocalDate,
  office: string | null,
  closedDays: readonly ClosedDay[],
): LocalDate {
  let candidate = addDays(day, 1);
  for (let i = 0; i < MAX_CLOSED_RUN; i++) {
    if (isBusinessDay(candidate, office, closedDays)) return candidate;
    candidate = addDays(candidate, 1);
  }
  throw new RangeError(`nextBusinessDay: no business day within ${MAX_CLOSED_RUN} days of ${day}`);
}

/** The `n`-th business day (n ≥ 1) of `office` strictly before `day`. */
export function businessDayBefore(
  day: LocalDate,
  n: number,
  office: string | null,
  closedDays: readonly ClosedDay[],
): LocalDate {
  let candidate = day;
  let found = 0;
  for (let i = 0; i < MAX_CLOSED_RUN; i++) {
    candidate = addDays(candidate, -1);
    if (isBusinessDay(candidate, office, closedDays) && ++found >= Math.max(1, n)) {
      return candidate;
    }
  }
  throw new RangeError(
    `businessDayBefore: no business day within ${MAX_CLOSED_RUN} days of ${day}`,
  );
}

/** The business days of month m (1–12) of year y at `office`, in order. */
export function businessDaysInMonth(
  y: number,
  m: number,
  office: string | null,
  closedDays: readonly ClosedDay[],
): LocalDate[] {
  return daysOfMonth(y, m).filter((day) => isBusinessDay(day, office, closedDays));
}
