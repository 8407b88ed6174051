// Java SimpleDateFormat, as Utilities.formatDate/parseDate use it, computed for a named zone with
// Intl so the host's own zone never matters. English names (Tue, Dec, AM) like Apps Script.
// Week-based fields follow Java's US defaults: weeks start on Sunday, week 1 holds January 1.

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const PATTERN_LETTERS = 'GyYMLwWDdFEuaHkKhmsSzZX';
const DAY_MS = 86_400_000;

// Java's three-letter zone ids that scripts still use; Java maps them to these.
const JAVA_ALIASES: Record<string, string> = {
  JST: 'Asia/Tokyo',
  PST: 'America/Los_Angeles',
  CST: 'America/Chicago',
  EST: 'Etc/GMT+5',
  MST: 'Etc/GMT+7',
  HST: 'Etc/GMT+10',
  GMT: 'UTC',
  UTC: 'UTC',
  Z: 'UTC',
};

/** A zone as Java would resolve the id: an IANA zone, or a fixed offset (GMT+09:00). */
export type Zone =
  | { kind: 'iana'; id: string; format: Intl.DateTimeFormat }
  | { kind: 'fixed'; id: string; offsetMinutes: number };

const zoneCache = new Map<string, Zone>();

export function resolveZone(id: string): Zone {
  const cached = zoneCache.get(id);
  if (cached) return cached;
  const zone = lookupZone(id);
  zoneCache.set(id, zone);
  return zone;
}

function lookupZone(id: string): Zone {
  const custom = /^(?:GMT|UTC)([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(id);
  if (custom) {
    const minutes = Number(custom[2]) * 60 + Number(custom[3] ?? 0);
    const offsetMinutes = custom[1] === '-' ? -minutes : minutes;
    return { kind: 'fixed', id: `GMT${formatOffset(offsetMinutes, ':')}`, offsetMinutes };
  }
  const iana = JAVA_ALIASES[id] ?? id;
  try {
    const format = new Intl.DateTimeFormat('en-US', {
      timeZone: iana,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
    return { kind: 'iana', id: format.resolvedOptions().timeZone, format };
  } catch {
    // Java silently falls back to GMT for an id it does not know; so does Apps Script.
    return { kind: 'fixed', id: 'GMT', offsetMinutes: 0 };
  }
}

/** Minutes east of UTC at the instant `ms` in `zone`. */
export function offsetAt(ms: number, zone: Zone): number {
  if (zone.kind === 'fixed') return zone.offsetMinutes;
  const parts: Record<string, string> = {};
  for (const part of zone.format.formatToParts(new Date(ms))) parts[part.type] = part.value;
  let year = Number(parts.year);
  if (parts.era === 'BC' || parts.era === 'B') year = 1 - year;
  const local = Date.UTC(
    year,
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
  const whole = ms - (((ms % 1000) + 1000) % 1000);
  return Math.round((local - whole) / 60_000);
}

export interface ZonedFields {
  year: number;
  /** 1-12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  /** 0 = Sunday */
  weekday: number;
  dayOfYear: number;
  offsetMinutes: number;
}

export function zonedFields(ms: number, zone: Zone): ZonedFields {
  const offsetMinutes = offsetAt(ms, zone);
  const local = new Date(ms + offsetMinutes * 60_000);
  const year = local.getUTCFullYear();
  const dayOfYear = Math.floor((local.getTime() - Date.UTC(year, 0, 1)) / DAY_MS) + 1;
  return {
    year,
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
    second: local.getUTCSeconds(),
    millisecond: local.getUTCMilliseconds(),
    weekday: local.getUTCDay(),
    dayOfYear,
    offsetMinutes,
  };
}

type Token = { letter: string; count: number } | { text: string };

/** Splits a Java pattern into fields and literal text ('quoted', '' for a quote). */
export function tokenize(pattern: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i]!;
    if (c === "'") {
      if (pattern[i + 1] === "'") {
        tokens.push({ text: "'" });
        i += 2;
        continue;
      }
      let text = '';
      i += 1;
      for (;;) {
        if (i >= pattern.length) throw new Error(`Unterminated quote in pattern "${pattern}"`);
        if (pattern[i] === "'") {
          if (pattern[i + 1] === "'") {
            text += "'";
            i += 2;
            continue;
          }
          i += 1;
          break;
        }
        text += pattern[i];
        i += 1;
      }
      tokens.push({ text });
    } else if (/[A-Za-z]/.test(c)) {
      if (!PATTERN_LETTERS.includes(c)) throw new Error(`Illegal pattern character '${c}'`);
      let count = 1;
      while (pattern[i + count] === c) count += 1;
      tokens.push({ letter: c, count });
      i += count;
    } else {
      tokens.push({ text: c });
      i += 1;
    }
  }
  return tokens;
}

const pad = (n: number, width: number): string => {
  const digits = String(Math.abs(n)).padStart(width, '0');
  return n < 0 ? `-${digits}` : digits;
};

function formatOffset(minutes: number, separator: string): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60), 2)}${separator}${pad(abs % 60, 2)}`;
}

/** Java's US week of year and its week-based year. */
function weekOfYear(f: ZonedFields): { week: number; weekYear: number } {
  const jan1Weekday = (((f.weekday - (f.dayOfYear - 1)) % 7) + 7) % 7;
  const saturday = Date.UTC(f.year, f.month - 1, f.day) + (6 - f.weekday) * DAY_MS;
  if (new Date(saturday).getUTCFullYear() > f.year) return { week: 1, weekYear: f.year + 1 };
  return { week: Math.floor((f.dayOfYear - 1 + jan1Weekday) / 7) + 1, weekYear: f.year };
}

function zoneName(zone: Zone, ms: number, long: boolean, offsetMinutes: number): string {
  if (zone.kind === 'fixed') {
    if (zone.id === 'GMT') return long ? 'Greenwich Mean Time' : 'GMT';
    return `GMT${formatOffset(offsetMinutes, ':')}`;
  }
  if (!long && zone.id === 'Asia/Tokyo') return 'JST';
  if (zone.id === 'UTC' || zone.id === 'Etc/UTC')
    return long ? 'Coordinated Universal Time' : 'UTC';
  const name = new Intl.DateTimeFormat('en-US', {
    timeZone: zone.id,
    timeZoneName: long ? 'long' : 'short',
  })
    .formatToParts(new Date(ms))
    .find((p) => p.type === 'timeZoneName')?.value;
  return name ?? `GMT${formatOffset(offsetMinutes, ':')}`;
}

function formatField(
  letter: string,
  count: number,
  f: ZonedFields,
  zone: Zone,
  ms: number,
): string {
  switch (letter) {
    case 'G':
      return f.year > 0 ? 'AD' : 'BC';
    case 'y':
      return count === 2 ? pad(f.year % 100, 2) : pad(f.year, count);
    case 'Y': {
      const { weekYear } = weekOfYear(f);
      return count === 2 ? pad(weekYear % 100, 2) : pad(weekYear, count);
    }
    case 'M':
    case 'L':
      if (count >= 4) return MONTHS[f.month - 1]!;
      if (count === 3) return MONTHS[f.month - 1]!.slice(0, 3);
      return pad(f.month, count);
    case 'w':
      return pad(weekOfYear(f).week, count);
    case 'W': {
      const firstWeekday = (((f.weekday - (f.day - 1)) % 7) + 7) % 7;
      return pad(Math.floor((f.day - 1 + firstWeekday) / 7) + 1, count);
    }
    case 'D':
      return pad(f.dayOfYear, count);
    case 'd':
      return pad(f.day, count);
    case 'F':
      return pad(Math.floor((f.day - 1) / 7) + 1, count);
    case 'E':
      return count >= 4 ? WEEKDAYS[f.weekday]! : WEEKDAYS[f.weekday]!.slice(0, 3);
    case 'u':
      return pad(f.weekday === 0 ? 7 : f.weekday, count);
    case 'a':
      return f.hour < 12 ? 'AM' : 'PM';
    case 'H':
      return pad(f.hour, count);
    case 'k':
      return pad(f.hour === 0 ? 24 : f.hour, count);
    case 'K':
      return pad(f.hour % 12, count);
    case 'h':
      return pad(f.hour % 12 === 0 ? 12 : f.hour % 12, count);
    case 'm':
      return pad(f.minute, count);
    case 's':
      return pad(f.second, count);
    case 'S':
      return pad(f.millisecond, count);
    case 'z':
      return zoneName(zone, ms, count >= 4, f.offsetMinutes);
    case 'Z':
      return formatOffset(f.offsetMinutes, '');
    case 'X': {
      if (count > 3) throw new Error("Illegal pattern character 'X'");
      if (f.offsetMinutes === 0) return 'Z';
      const full = formatOffset(f.offsetMinutes, count === 3 ? ':' : '');
      return count === 1 ? full.slice(0, 3) : full;
    }
    default:
      throw new Error(`Illegal pattern character '${letter}'`);
  }
}

/** Utilities.formatDate: `ms` shown in `timeZone` with a Java SimpleDateFormat pattern. */
export function formatJavaDate(ms: number, timeZone: string, pattern: string): string {
  const zone = resolveZone(timeZone);
  const fields = zonedFields(ms, zone);
  return tokenize(pattern)
    .map((t) => ('text' in t ? t.text : formatField(t.letter, t.count, fields, zone, ms)))
    .join('');
}

const NUMERIC = new Set([
  'y',
  'Y',
  'd',
  'D',
  'H',
  'k',
  'K',
  'h',
  'm',
  's',
  'S',
  'u',
  'F',
  'w',
  'W',
]);

function isNumericToken(t: Token | undefined): boolean {
  if (!t || 'text' in t) return false;
  return NUMERIC.has(t.letter) || ((t.letter === 'M' || t.letter === 'L') && t.count < 3);
}

/**
 * Utilities.parseDate: the instant `text` denotes in `timeZone` under `pattern`. Like Java it
 * is lenient about out-of-range values (they roll over) and ignores text after the pattern.
 * Returns undefined when the text does not match.
 */
export function parseJavaDate(text: string, timeZone: string, pattern: string): number | undefined {
  const tokens = tokenize(pattern);
  const v = { year: 1970, month: 1, day: 1, hour: 0, minute: 0, second: 0, ms: 0 };
  let pm: boolean | undefined;
  let hour12: number | undefined;
  let offset: number | undefined;
  let pos = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if ('text' in token) {
      if (!text.startsWith(token.text, pos)) return undefined;
      pos += token.text.length;
      continue;
    }
    const { letter, count } = token;
    if (isNumericToken(token)) {
      // Abutting numeric fields (yyyyMMdd) are split by the pattern's widths, as in Java.
      const width = isNumericToken(tokens[i + 1]) ? count : undefined;
      const match = (width ? new RegExp(`^\\d{${width}}`) : /^\d+/).exec(text.slice(pos));
      if (!match) return undefined;
      pos += match[0].length;
      const n = Number(match[0]);
      if (letter === 'y' || letter === 'Y')
        v.year = count === 2 && match[0].length === 2 ? 2000 + n : n;
      else if (letter === 'M' || letter === 'L') v.month = n;
      else if (letter === 'd') v.day = n;
      else if (letter === 'H' || letter === 'k') v.hour = letter === 'k' && n === 24 ? 0 : n;
      else if (letter === 'h' || letter === 'K') hour12 = n % 12;
      else if (letter === 'm') v.minute = n;
      else if (letter === 's') v.second = n;
      else if (letter === 'S') v.ms = n;
      else if (letter === 'D') {
        v.month = 1;
        v.day = n;
      }
      continue;
    }
    const rest = text.slice(pos);
    if (letter === 'M' || letter === 'L') {
      const index = MONTHS.findIndex((name) => startsWithName(rest, name, count));
      if (index < 0) return undefined;
      v.month = index + 1;
      pos += matchedNameLength(rest, MONTHS[index]!);
    } else if (letter === 'E') {
      const index = WEEKDAYS.findIndex((name) => startsWithName(rest, name, count));
      if (index < 0) return undefined;
      pos += matchedNameLength(rest, WEEKDAYS[index]!);
    } else if (letter === 'a') {
      const m = /^(AM|PM)/i.exec(rest);
      if (!m) return undefined;
      pm = m[1]!.toUpperCase() === 'PM';
      pos += 2;
    } else if (letter === 'z' || letter === 'Z' || letter === 'X') {
      const m = /^(Z|[+-]\d\d:?\d\d|[+-]\d\d|GMT[+-]\d{1,2}(?::?\d\d)?|JST|UTC|GMT)/.exec(rest);
      if (!m) return undefined;
      const id = m[1]!;
      if (id === 'Z') offset = 0;
      else if (/^[+-]/.test(id)) offset = fixedOffset(`GMT${id}`) ?? 0;
      else {
        offset = fixedOffset(id) ?? offsetAt(Date.UTC(v.year, v.month - 1, v.day), resolveZone(id));
      }
      pos += id.length;
    } else if (letter === 'G') {
      const m = /^(AD|BC)/.exec(rest);
      if (!m) return undefined;
      pos += 2;
    } else {
      return undefined;
    }
  }
  if (hour12 !== undefined) v.hour = hour12 + (pm ? 12 : 0);
  else if (pm && v.hour < 12) v.hour += 12;
  const wall = Date.UTC(v.year, v.month - 1, v.day, v.hour, v.minute, v.second, v.ms);
  if (offset !== undefined) return wall - offset * 60_000;
  const zone = resolveZone(timeZone);
  // Two passes find the offset in force at that wall time (also across DST changes).
  let guess = wall - offsetAt(wall, zone) * 60_000;
  guess = wall - offsetAt(guess, zone) * 60_000;
  return guess;
}

function fixedOffset(id: string): number | undefined {
  const zone = resolveZone(id);
  return zone.kind === 'fixed' ? zone.offsetMinutes : undefined;
}

function startsWithName(text: string, name: string, count: number): boolean {
  const lower = text.toLowerCase();
  return count >= 4
    ? lower.startsWith(name.toLowerCase()) || lower.startsWith(name.slice(0, 3).toLowerCase())
    : lower.startsWith(name.slice(0, 3).toLowerCase());
}

function matchedNameLength(text: string, name: string): number {
  return text.toLowerCase().startsWith(name.toLowerCase()) ? name.length : 3;
}
