// Tokyo wall time ⇄ instants, for the runner only. An xlsx date has no zone: a cell showing
// 2026-12-01 10:00 means 10:00 in Tokyo. ExcelJS hands such a cell over as a "wall date", a Date
// whose UTC fields equal the wall time. Japan has kept +09:00 without daylight saving since 1951,
// and 1899-12-30 (the Sheets epoch that time-only cells sit on) was already +09:00 (JST since
// 1888), so a fixed offset is exact for every date the register holds. The host's local zone is
// never consulted: tests run under America/Los_Angeles on purpose.

export const TOKYO = 'Asia/Tokyo';
const TOKYO_OFFSET_MS = 9 * 60 * 60 * 1000;

/** Throws unless the workbook's zone is the one the runner converts for. */
export function assertTokyo(timeZone: string): void {
  if (timeZone !== TOKYO) {
    throw new Error(`tokyoTime: workbook time zone ${JSON.stringify(timeZone)} is not ${TOKYO}`);
  }
}

/** The wall date (UTC fields = Tokyo wall time) for an instant. */
export function wallFromInstant(instant: Date): Date {
  return new Date(instant.getTime() + TOKYO_OFFSET_MS);
}

/** The instant a Tokyo wall date (UTC fields = wall time) stands for. */
export function instantFromWall(wall: Date): Date {
  return new Date(wall.getTime() - TOKYO_OFFSET_MS);
}

export interface WallParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  /** 0 = Sunday. */
  weekday: number;
}

export function tokyoParts(instant: Date): WallParts {
  const wall = wallFromInstant(instant);
  return {
    year: wall.getUTCFullYear(),
    month: wall.getUTCMonth() + 1,
    day: wall.getUTCDate(),
    hour: wall.getUTCHours(),
    minute: wall.getUTCMinutes(),
    second: wall.getUTCSeconds(),
    millisecond: wall.getUTCMilliseconds(),
    weekday: wall.getUTCDay(),
  };
}

/** The instant of a Tokyo wall time; months are 1-based. */
export function tokyoInstant(year: number, month: number, day: number, hour = 0, minute = 0): Date {
  return instantFromWall(new Date(Date.UTC(year, month - 1, day, hour, minute)));
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** "2026-12-01T09:30" style, Tokyo wall time; `compact` drops the colon (for file names). */
export function formatTokyoMinute(instant: Date, compact = false): string {
  const p = tokyoParts(instant);
  const time = compact ? `${pad(p.hour)}${pad(p.minute)}` : `${pad(p.hour)}:${pad(p.minute)}`;
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${time}`;
}

const WEEKDAYS_EN = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS_EN = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
];

/** RFC 5322 date in Tokyo time ("Tue, 01 Dec 2026 09:30:00 +0900"), as a Japanese mailer writes it. */
export function formatRfc5322Tokyo(instant: Date): string {
  const p = tokyoParts(instant);
  return (
    `${WEEKDAYS_EN[p.weekday]}, ${pad(p.day)} ${MONTHS_EN[p.month - 1]} ${p.year} ` +
    `${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)} +0900`
  );
}

const WEEKDAYS_JA = ['日', '月', '火', '水', '木', '金', '土'];

/** "2026-11-30(月)" for progress lines. */
export function formatTokyoDay(instant: Date): string {
  const p = tokyoParts(instant);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}(${WEEKDAYS_JA[p.weekday]})`;
}

// An ISO string without an offset is parsed by JavaScript in the host's zone, which is exactly
// the mistake this module exists to prevent, so the offset is required.
const ISO_WITH_OFFSET =
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})$/;

/** Parses "2026-12-01T10:00+09:00" (an explicit offset or Z is required). */
export function parseIsoInstant(text: string): Date {
  if (!ISO_WITH_OFFSET.test(text)) {
    throw new Error(
      `日時 ${JSON.stringify(text)} を読めません。2026-12-01T10:00+09:00 のように時差（+09:00）まで書いてください。`,
    );
  }
  const instant = new Date(text);
  if (Number.isNaN(instant.getTime())) {
    throw new Error(`日時 ${JSON.stringify(text)} は存在しない日時です。`);
  }
  return instant;
}
