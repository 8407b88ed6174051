import fc from 'fast-check';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import {
  buildIcs,
  escapeIcsText,
  foldIcsLine,
  utf8ByteLength,
  type IcsEvent,
} from '../../src/core/ics';

const sample: IcsEvent = {
  uid: 'R000123@kurashiki-online.example.jp',
  stamp: new Date('2026-11-20T09:15:42+09:00'),
  start: { y: 2026, m: 12, d: 1, minutes: 600 },
  end: { y: 2026, m: 12, d: 1, minutes: 630 },
  summary: 'オンライン職業相談（倉敷わかものハローワーク）',
  location: 'https://teleoffice.example.jp/join/abc123?pw=x1',
  description: '会議URL: https://teleoffice.example.jp/join/abc123?pw=x1\n電話 086-430-0705',
  url: 'https://teleoffice.example.jp/join/abc123?pw=x1',
  organizer: { name: '倉敷わかものハローワーク', email: 'wakamono@example.jp' },
  alarmMinutesBefore: 15,
};

/** Parses with the real parser, the way a calendar client would. */
function parse(content: string) {
  const calendar = new ICAL.Component(ICAL.parse(content));
  const vevent = calendar.getFirstSubcomponent('vevent');
  if (!vevent) throw new Error('no VEVENT');
  return { calendar, vevent, event: new ICAL.Event(vevent) };
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function physicalLines(content: string): string[] {
  expect(content.endsWith('\r\n')).toBe(true);
  return content.slice(0, -2).split('\r\n');
}

describe('buildIcs', () => {
  it('places the consultation at 10:00–10:30 Tokyo time, whatever the host zone', () => {
    expect(process.env.TZ).toBe('America/Los_Angeles');
    const { event } = parse(buildIcs(sample));
    expect(event.startDate.toJSDate().getTime()).toBe(Date.parse('2026-12-01T10:00:00+09:00'));
    expect(event.endDate.toJSDate().getTime()).toBe(Date.parse('2026-12-01T10:30:00+09:00'));
    expect(event.startDate.zone?.tzid).toBe('Asia/Tokyo');
    expect(event.duration.toSeconds()).toBe(30 * 60);
  });

  it('is a PUBLISH calendar with one VEVENT, a Tokyo VTIMEZONE and the booking fields', () => {
    const { calendar, vevent, event } = parse(buildIcs(sample));
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(calendar.getFirstPropertyValue('prodid')).toBeTruthy();
    expect(calendar.getAllSubcomponents('vevent')).toHaveLength(1);
    const standard = calendar.getFirstSubcomponent('vtimezone')?.getFirstSubcomponent('standard');
    expect(standard?.getFirstPropertyValue('tzname')).toBe('JST');
    expect(String(standard?.getFirstPropertyValue('tzoffsetto'))).toBe('+09:00');
    expect(event.uid).toBe('R000123@kurashiki-online.example.jp');
    expect(event.summary).toBe(sample.summary);
    expect(event.location).toBe(sample.location);
    expect(event.description).toBe(sample.description);
    expect(vevent.getFirstPropertyValue('url')).toBe(sample.url);
    expect(vevent.getFirstPropertyValue('organizer')).toBe('mailto:wakamono@example.jp');
    expect(vevent.getFirstProperty('organizer')?.getParameter('cn')).toBe(
      '倉敷わかものハローワーク',
    );
    expect(vevent.getFirstSubcomponent('valarm')?.getFirstPropertyValue('action')).toBe('DISPLAY');
  });

  it('stamps DTSTAMP in UTC from the given instant', () => {
    const content = buildIcs(sample);
    expect(content).toContain('\r\nDTSTAMP:20261120T001542Z\r\n');
    const stamp = parse(content).vevent.getFirstPropertyValue('dtstamp') as ICAL.Time;
    expect(stamp.toJSDate().getTime()).toBe(sample.stamp.getTime());
  });

  it('uses CRLF only and folds every line to at most 75 octets without splitting characters', () => {
    const long = '倉敷わかものハローワーク😀'.repeat(20);
    const content = buildIcs({ ...sample, summary: long, description: long });
    expect(content.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of physicalLines(content)) {
      expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
      expect(line).not.toMatch(LONE_SURROGATE);
    }
    expect(physicalLines(content).some((line) => line.startsWith(' '))).toBe(true);
    expect(parse(content).event.summary).toBe(long);
  });

  it('round-trips hostile text: commas, semicolons, backslashes, newlines, emoji, long Japanese', () => {
    const hostile =
      '山田, 太郎; "様"\\n\\;は\r\nBEGIN:VEVENT\nEND:VCALENDAR\n👨‍👩‍👧 ' + '相談'.repeat(60);
    const content = buildIcs({
      ...sample,
      summary: hostile,
      location: hostile,
      description: hostile,
    });
    const { calendar, event } = parse(content);
    const expected = hostile.replace(/\r\n/g, '\n');
    expect(event.summary).toBe(expected);
    expect(event.location).toBe(expected);
    expect(event.description).toBe(expected);
    expect(calendar.getAllSubcomponents('vevent')).toHaveLength(1);
  });

  it('drops an organizer address that could break out of the mailto: URI', () => {
    const content = buildIcs({
      ...sample,
      organizer: { name: 'x', email: 'a@example.jp\r\nATTENDEE:mailto:evil@example.com' },
    });
    expect(content).not.toContain('ORGANIZER');
    expect(content).not.toContain('ATTENDEE');
  });
});

describe('escapeIcsText', () => {
  it('escapes backslash, semicolon, comma and newline; drops other control characters', () => {
    expect(escapeIcsText('a\\b;c,d\ne\r\nf\rg\u0000h\u001Bi\tj')).toBe(
      'a\\\\b\\;c\\,d\\ne\\nf\\ng' + 'hi\tj',
    );
  });

  it('round-trips any text through ical.js (property)', () => {
    const text = fc
      .string({ unit: 'binary', maxLength: 200 })
      // eslint-disable-next-line no-control-regex -- only text RFC 5545 can carry
      .map((s) => s.replace(/[\u0000-\u0008\u000B-\u001F\u007F\r]/g, ''));
    fc.assert(
      fc.property(text, (s) => {
        const { event } = parse(buildIcs({ ...sample, description: s }));
        expect(event.description).toBe(s);
      }),
      { numRuns: 300 },
    );
  });
});

describe('foldIcsLine', () => {
  it('leaves a line of exactly 75 octets alone and folds the 76th', () => {
    expect(foldIcsLine('a'.repeat(75))).toBe('a'.repeat(75));
    expect(foldIcsLine('a'.repeat(76))).toBe(`${'a'.repeat(75)}\r\n a`);
  });

  it('moves a 3-byte character that would straddle octet 75 to the next line', () => {
    const folded = foldIcsLine('a'.repeat(74) + 'あい');
    expect(folded).toBe(`${'a'.repeat(74)}\r\n あい`);
  });

  it('unfolds back to the original for any text (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (s) => {
        const line = 'DESCRIPTION:' + s.replace(/[\r\n]/g, '');
        const folded = foldIcsLine(line);
        for (const part of folded.split('\r\n')) {
          expect(utf8ByteLength(part)).toBeLessThanOrEqual(75);
          expect(Buffer.byteLength(part, 'utf8')).toBe(utf8ByteLength(part));
        }
        expect(folded.replace(/\r\n /g, '')).toBe(line);
      }),
      { numRuns: 300 },
    );
  });
});

describe('utf8ByteLength', () => {
  it('counts octets as Node does', () => {
    for (const s of ['', 'abc', 'é', 'あ', '😀', '👨‍👩‍👧', 'ｱ']) {
      expect(utf8ByteLength(s)).toBe(Buffer.byteLength(s, 'utf8'));
    }
  });
});
