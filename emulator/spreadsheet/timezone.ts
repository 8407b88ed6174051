// Wall-clock time in a named IANA zone. The spreadsheet's zone decides how typed dates and times
// become instants and how instants are displayed; the host process's zone must never leak in
// (tests run under TZ=America/Los_Angeles to prove it). Intl knows historic offsets, e.g. that
// 1899-12-30 — the day Sheets puts pure times on — is +09:00 in Asia/Tokyo.

export interface WallClock {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  /** 0 = Sunday */
  weekday: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
      era: 'short',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** The wall clock in `timeZone` at `instant` (ms since the epoch or a Date from any realm). */
export function wallClock(instant: number | Date, timeZone: string): WallClock {
  const ms = typeof instant === 'number' ? instant : instant.getTime();
  const millisecond = ((ms % 1000) + 1000) % 1000;
  const parts: Record<string, string> = {};
  for (const p of formatterFor(timeZone).formatToParts(new Date(ms - millisecond))) {
    parts[p.type] = p.value;
  }
  const yearOfEra = Number(parts.year);
  return {
    year: parts.era === 'BC' ? 1 - yearOfEra : yearOfEra,
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
    millisecond,
    weekday: WEEKDAYS.indexOf(parts.weekday ?? ''),
  };
}

export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour?: number;
  minute?: number;
  second?: number;
  millisecond?: number;
}

function utcOfWall(w: WallTime): number {
  const d = new Date(0);
  d.setUTCFullYear(w.year, w.month - 1, w.day);
  d.setUTCHours(w.hour ?? 0, w.minute ?? 0, w.second ?? 0, w.millisecond ?? 0);
  return d.getTime();
}

/** Offset (ms) of `timeZone` from UTC at `instant`. */
export function zoneOffset(instant: number, timeZone: string): number {
  return utcOfWall(wallClock(instant, timeZone)) - instant;
}

/**
 * The instant whose wall clock in `timeZone` reads `w`. In an overlap (clocks going back) the
 * earlier instant wins; in a gap (clocks going forward) the time is read with the offset from
 * before the gap, which lands after it — as Sheets does for a typed time that does not exist.
 */
export function instantOf(w: WallTime, timeZone: string): Date {
  const guess = utcOfWall(w);
  const halfDay = 12 * 3600 * 1000;
  const before = guess - zoneOffset(guess - halfDay, timeZone);
  const after = guess - zoneOffset(guess + halfDay, timeZone);
  const valid = [before, after].filter((t) => utcOfWall(wallClock(t, timeZone)) === guess);
  return new Date(valid.length > 0 ? Math.min(...valid) : before);
}

/** The calendar day (y, m, d) of an instant in a zone, at midnight of that zone. */
export function startOfDay(instant: number | Date, timeZone: string): Date {
  const w = wallClock(instant, timeZone);
  return instantOf({ year: w.year, month: w.month, day: w.day }, timeZone);
}
