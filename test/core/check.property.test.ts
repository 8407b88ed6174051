// Random rows: checkBookings never throws, its text keeps the one-message-a-line shape, and it
// never passes (no エラー) a row that breaks R1–R5.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { closedReason } from '../../src/core/calendar';
import { checkBookings, type RawBooking } from '../../src/core/check';
import { checkSummaryLine } from '../../src/core/checkCell';
import {
  BOOKING,
  CHECK_OK,
  ERROR_PREFIX,
  FINISHED_STATUSES,
  WARNING_PREFIX,
  type BookingField,
} from '../../src/core/schema';
import { addDays, dayParts, instantAt, type LocalDate } from '../../src/core/time';
import { context, OTHER_SEEKER, SEEKER, TODAY } from './checkFixtures';

const FIELDS = Object.keys(BOOKING) as BookingField[];

const controlChars = fc.string({
  unit: fc.constantFrom(
    '\r',
    '\n',
    '\u0000',
    '\u0007',
    '\u2028',
    '\u202e',
    '\ufeff',
    'あ',
    'a',
    ',',
    '@',
  ),
});
const garbage: fc.Arbitrary<unknown> = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  controlChars,
  fc.string({ minLength: 2000, maxLength: 5000 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.date(),
  fc.constantFrom(null, undefined, '', '   ', NaN, Infinity, -0),
  fc.constantFrom(
    '受付',
    '確定',
    'キャンセル',
    '10:00',
    '2026/12/1',
    '33010-12345678',
    'taro@example.com',
    '倉敷中央',
  ),
  fc.constant(new Date(Number.NaN)),
  fc.constant({ toString: () => 'object' }),
  fc.constant([1, 2]),
);

const garbageRow: fc.Arbitrary<RawBooking> = fc.record({
  rowNumber: fc.integer({ min: 2, max: 60_000 }),
  values: fc.dictionary(fc.constantFrom(...FIELDS), garbage) as fc.Arbitrary<
    Partial<Record<BookingField, unknown>>
  >,
});

function expectWellFormed(text: string, errors: string[], warnings: string[]): void {
  if (text === '' || text === CHECK_OK) {
    expect(errors).toEqual([]);
    expect(warnings).toEqual([]);
    return;
  }
  const [summary, ...lines] = text.split('\n');
  expect(summary).toBe(checkSummaryLine(errors.length, warnings.length));
  expect(summary).not.toMatch(/^(エラー|注意):/);
  expect(lines).toEqual([...errors, ...warnings]);
  for (const line of errors) expect(line.startsWith(ERROR_PREFIX)).toBe(true);
  for (const line of warnings) expect(line.startsWith(WARNING_PREFIX)).toBe(true);
  for (const line of lines) {
    expect(line).toMatch(/「[^」]+」/);
    // eslint-disable-next-line no-control-regex -- a control character would break the cell
    expect(line).not.toMatch(/[\u0000-\u001f\u2028\u2029\u202a-\u202e]/);
    expect(line.length).toBeLessThan(400);
  }
}

describe('checkBookings on garbage', () => {
  it('never throws and always answers in the チェック結果 shape', () => {
    fc.assert(
      fc.property(fc.array(garbageRow, { maxLength: 8 }), (rows) => {
        const results = checkBookings(rows, context());
        expect(results).toHaveLength(rows.length);
        results.forEach((r) => expectWellFormed(r.text, r.errors, r.warnings));
      }),
      { numRuns: 300 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Structured rows, each field either right or wrong in a known way.

const today = TODAY as LocalDate;
const SLOTS = ['10:00', '11:00', '14:00', '15:00'];
const NOT_SLOTS = ['9:00', '10:30', '12:00', '13:00', '16:00', '17:15'];
const IN_ROSTER = [SEEKER, OTHER_SEEKER];
const NOT_IN_ROSTER = ['33010-11111111', '33011-12345678'];

interface Plan {
  name: string;
  seekerNo: string;
  email: string;
  day: LocalDate | null;
  dayStyle: number;
  start: string;
  startStyle: number;
  office: string;
  meetingUrl: string;
  status: string;
}

const plan: fc.Arbitrary<Plan> = fc.record({
  name: fc.constantFrom('倉敷 太郎', '水島 花子', ''),
  seekerNo: fc.constantFrom(...IN_ROSTER, ...NOT_IN_ROSTER, ''),
  email: fc.constantFrom('taro@example.com', 'hanako@example.co.jp', ''),
  day: fc.option(
    fc.integer({ min: -15, max: 120 }).map((n) => addDays(today, n)),
    { freq: 8 },
  ),
  dayStyle: fc.integer({ min: 0, max: 3 }),
  start: fc.constantFrom(...SLOTS, ...NOT_SLOTS, ''),
  startStyle: fc.integer({ min: 0, max: 2 }),
  office: fc.constantFrom('倉敷中央', '倉敷わかもの', ''),
  meetingUrl: fc.constantFrom('https://teleoffice.example.jp/join/x', ''),
  status: fc.constantFrom('', '受付', '確定', '実施', 'キャンセル', '無断キャンセル'),
});

function writtenDay(day: LocalDate, style: number): unknown {
  const { y, m, d } = dayParts(day);
  switch (style) {
    case 0:
      return `${y}/${m}/${d}`;
    case 1:
      return `令和${y - 2018}年${m}月${d}日`;
    case 2:
      return instantAt(day); // a Date cell at Tokyo midnight
    default:
      return `R${y - 2018}.${m}.${d}`.replace(/\d/g, (c) =>
        String.fromCharCode(c.charCodeAt(0) + 0xfee0),
      );
  }
}

function writtenStart(start: string, style: number): unknown {
  if (start === '' || style === 0) return start;
  const [h, min] = start.split(':').map(Number);
  if (style === 1) return new Date(`1899-12-30T${start.padStart(5, '0')}:00+09:00`);
  return min === 0
    ? `${String(h).replace(/\d/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))}時`
    : start;
}

function toRow(p: Plan, i: number): RawBooking {
  return {
    rowNumber: i + 2,
    values: {
      id: `Y${String(i + 1).padStart(6, '0')}`,
      name: p.name,
      seekerNo: p.seekerNo,
      email: p.email,
      date: p.day === null ? '' : writtenDay(p.day, p.dayStyle),
      start: writtenStart(p.start, p.startStyle),
      office: p.office,
      officer: '',
      meetingUrl: p.meetingUrl,
      status: p.status,
    },
  };
}

/** Why this row must not pass, by R1–R5, or [] when it may. */
function violations(p: Plan): string[] {
  const found: string[] = [];
  // A row with nothing typed is no booking (checked as empty, result ''): nothing to break.
  const typed = [p.name, p.seekerNo, p.email, p.start, p.office, p.meetingUrl, p.status];
  if (p.day === null && typed.every((v) => v === '')) return found;
  // A finished booking (実施・キャンセル・無断キャンセル) is history: its rules no longer apply.
  if ((FINISHED_STATUSES as readonly string[]).includes(p.status)) return found;
  if (p.start !== '' && !SLOTS.includes(p.start)) found.push('R1 slot');
  if (p.day !== null && closedReason(p.day, p.office || null, []) !== null) found.push('R2 closed');
  if (p.seekerNo !== '' && !IN_ROSTER.includes(p.seekerNo)) found.push('R3 roster');
  const required = [p.name, p.seekerNo, p.email, p.start, p.office, p.meetingUrl];
  if (required.includes('') || p.day === null) found.push('R4 missing');
  if ((p.status === '' || p.status === '受付') && p.day !== null && p.day <= today) {
    found.push('R5 not after today');
  }
  return found;
}

describe('checkBookings never accepts a row that breaks R1–R5', () => {
  it('holds for sets of random rows checked together', () => {
    const roster = [
      { rowNumber: 2, values: { seekerNo: SEEKER, name: '倉敷 太郎', supportStart: '2026/1/1' } },
      {
        rowNumber: 3,
        values: { seekerNo: OTHER_SEEKER, name: '水島 花子', supportStart: '2026/1/1' },
      },
    ];
    const ctx = context({ roster });
    fc.assert(
      fc.property(fc.array(plan, { minLength: 1, maxLength: 6 }), (plans) => {
        const results = checkBookings(plans.map(toRow), ctx);
        plans.forEach((p, i) => {
          const result = results[i];
          expect(result).toBeDefined();
          if (!result) return;
          expectWellFormed(result.text, result.errors, result.warnings);
          const broken = violations(p);
          if (broken.length > 0) {
            expect(result.errors.length, `${broken.join(', ')}: ${result.text}`).toBeGreaterThan(0);
          }
        });
      }),
      { numRuns: 500 },
    );
  });

  it('and passes a row that keeps them all when it is alone', () => {
    const ctx = context();
    fc.assert(
      fc.property(plan, (p) => {
        const clean: Plan = {
          ...p,
          name: '倉敷 太郎',
          seekerNo: SEEKER,
          email: 'taro@example.com',
          office: '倉敷中央',
          meetingUrl: 'https://teleoffice.example.jp/join/x',
          start: SLOTS.includes(p.start) ? p.start : '10:00',
          status: '',
        };
        fc.pre(clean.day !== null && violations(clean).length === 0);
        fc.pre(clean.day !== null && clean.day >= '2026-04-01'); // the roster's support start
        const [result] = checkBookings([toRow(clean, 0)], ctx);
        expect(result?.errors).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
