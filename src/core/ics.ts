// An iCalendar (RFC 5545) file for one consultation, attached to the invitation so the job seeker
// can put it in a calendar. Pure text building: no Apps Script, no host time zone.

/** A wall-clock time in Asia/Tokyo: a day and minutes since its midnight. */
export interface TokyoDateTime {
  y: number;
  m: number;
  d: number;
  minutes: number;
}

export interface IcsEvent {
  /** Globally unique and stable per booking, so a resent file updates rather than duplicates. */
  uid: string;
  /** When the file was made (DTSTAMP). */
  stamp: Date;
  start: TokyoDateTime;
  end: TokyoDateTime;
  summary: string;
  location: string;
  description: string;
  /** Written as a URI property only when it is https (checked by the caller). */
  url?: string;
  organizer?: { name: string; email: string };
  /** A display reminder this many minutes before the start. */
  alarmMinutesBefore?: number;
}

export const ICS_TZID = 'Asia/Tokyo';
const PRODID = '-//Kurashiki Hello Work//Online Consultation Booking//JA';
const MAX_LINE_OCTETS = 75;

// Local times with TZID rather than UTC: a calendar that shows the event's own zone then shows
// 10:00 JST, the time the mail promises, and the IANA name lets Google/Apple/Outlook map it to
// their zone database. RFC 5545 §3.2.19 requires a VTIMEZONE for every TZID used; Japan has kept
// no daylight saving since 1951, so one STANDARD rule at +0900 is exact for every bookable date.
const VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  `TZID:${ICS_TZID}`,
  'BEGIN:STANDARD',
  'DTSTART:19700101T000000',
  'TZOFFSETFROM:+0900',
  'TZOFFSETTO:+0900',
  'TZNAME:JST',
  'END:STANDARD',
  'END:VTIMEZONE',
];

/** The whole file: folded, CRLF-terminated lines (RFC 5545 §3.1). */
export function buildIcs(event: IcsEvent): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${PRODID}`,
    'CALSCALE:GREGORIAN',
    // PUBLISH, not REQUEST: this is a notice to add to a calendar, not a meeting invitation that
    // expects a reply (RFC 5546 §3.2.1); REQUEST would make mail clients offer to accept/decline.
    'METHOD:PUBLISH',
    ...VTIMEZONE,
    ...eventLines(event),
    'END:VCALENDAR',
  ];
  return lines.map((line) => foldIcsLine(line) + '\r\n').join('');
}

function eventLines(event: IcsEvent): string[] {
  const lines = [
    'BEGIN:VEVENT',
    `UID:${escapeIcsText(event.uid)}`,
    `DTSTAMP:${formatUtc(event.stamp)}`,
    `DTSTART;TZID=${ICS_TZID}:${formatLocal(event.start)}`,
    `DTEND;TZID=${ICS_TZID}:${formatLocal(event.end)}`,
    `SUMMARY:${escapeIcsText(event.summary)}`,
    `LOCATION:${escapeIcsText(event.location)}`,
    `DESCRIPTION:${escapeIcsText(event.description)}`,
  ];
  if (event.url !== undefined) lines.push(`URL:${event.url}`);
  const organizer = event.organizer && organizerLine(event.organizer);
  if (organizer) lines.push(organizer);
  lines.push('STATUS:CONFIRMED', 'TRANSP:OPAQUE', 'SEQUENCE:0');
  if (event.alarmMinutesBefore !== undefined) lines.push(...alarmLines(event));
  lines.push('END:VEVENT');
  return lines;
}

function alarmLines(event: IcsEvent): string[] {
  return [
    'BEGIN:VALARM',
    'ACTION:DISPLAY',
    `TRIGGER:-PT${event.alarmMinutesBefore}M`,
    `DESCRIPTION:${escapeIcsText(event.summary)}`,
    'END:VALARM',
  ];
}

// A parameter value cannot be escaped, only quoted, and a quoted value cannot hold `"`; an
// address that could break out of the mailto: URI is dropped rather than repaired.
function organizerLine(organizer: { name: string; email: string }): string | undefined {
  if (!/^[^\s"<>:;,\\()[\]]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$/.test(organizer.email)) return undefined;
  const name = stripControls(organizer.name)
    .replace(/["\n\t]/g, ' ')
    .trim();
  const cn = name ? `;CN="${name}"` : '';
  return `ORGANIZER${cn}:mailto:${organizer.email}`;
}

/** TEXT value escaping (RFC 5545 §3.3.11); line breaks of any kind become `\n`. */
export function escapeIcsText(text: string): string {
  return stripControls(text)
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\n/g, '\\n');
}

// CONTROL characters are not allowed in TEXT (RFC 5545 §3.3.11), except HTAB; CR/LF are
// normalised to one LF first so `\r\n` becomes a single escaped newline.
function stripControls(text: string): string {
  return String(text).replace(/\r\n?/g, '\n').replace(TEXT_CONTROLS, '');
}
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const TEXT_CONTROLS = /[\u0000-\u0008\u000B-\u001F\u007F]/g;

/**
 * Folds one content line into physical lines of at most 75 octets of UTF-8, each continuation
 * starting with a space (RFC 5545 §3.1). Splits only between code points, so a multi-byte
 * character or a surrogate pair is never cut. Returns the lines joined by CRLF (no trailing one).
 */
export function foldIcsLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = utf8ByteLength(char);
    if (octets + size > MAX_LINE_OCTETS) {
      parts.push(current);
      current = ' ';
      octets = 1;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n');
}

/** Length in UTF-8 octets, without TextEncoder (not in the Apps Script-free core's types). */
export function utf8ByteLength(text: string): number {
  let total = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    total += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return total;
}

function formatLocal(t: TokyoDateTime): string {
  const date = `${pad(t.y, 4)}${pad(t.m, 2)}${pad(t.d, 2)}`;
  return `${date}T${pad(Math.floor(t.minutes / 60), 2)}${pad(t.minutes % 60, 2)}00`;
}

function formatUtc(instant: Date): string {
  const date = `${pad(instant.getUTCFullYear(), 4)}${pad(instant.getUTCMonth() + 1, 2)}${pad(instant.getUTCDate(), 2)}`;
  const time = `${pad(instant.getUTCHours(), 2)}${pad(instant.getUTCMinutes(), 2)}${pad(instant.getUTCSeconds(), 2)}`;
  return `${date}T${time}Z`;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}
