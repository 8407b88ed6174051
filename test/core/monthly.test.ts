// 月次集計 counting (core/monthly.ts): buckets, rates, offered slots per 窓口 with its own 休業日,
// and the promise to managers: the report's 予約数 equals the rows a filter on 相談月 and 窓口 shows.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ClosedDay } from '../../src/core/calendar';
import {
  BLANK_LABEL,
  buildMonthlyReport,
  DURING_CONSULTATION,
  followUpIdsOf,
  GROUP_RATES_TITLE,
  monthlyReportLayout,
  NO_RATE,
  offeredSlotsOf,
  type ReportBooking,
  TOTAL_LABEL,
  trendMonths,
} from '../../src/core/monthly';
import { STATUS, STATUSES } from '../../src/core/schema';
import { defaultSettings } from '../../src/core/settings';
import { formatMonth, makeDay, type LocalDate } from '../../src/core/time';

const settings = defaultSettings(); // 10:00, 11:00, 14:00, 15:00 · 定員 1 · 倉敷中央, 倉敷わかもの
const CENTRAL = '倉敷中央';
const WAKAMONO = '倉敷わかもの';
const TODAY = '2026-12-01' as LocalDate;

function day(text: string): LocalDate {
  const [y, m, d] = text.split('-').map(Number);
  const result = makeDay(y!, m!, d!);
  if (result === null) throw new Error(`bad day ${text}`);
  return result;
}

function b(overrides: Partial<ReportBooking> = {}): ReportBooking {
  return {
    id: '',
    date: day('2026-11-10'),
    start: 600,
    office: WAKAMONO,
    officer: '担当 甲',
    status: STATUS.held,
    channel: '電話',
    ...overrides,
  };
}

function report(bookings: ReportBooking[], closedDays: ClosedDay[] = []) {
  return buildMonthlyReport({ bookings, settings, closedDays, today: TODAY });
}

describe('buildMonthlyReport: per month and 窓口', () => {
  it('counts every status into one bucket; the buckets add up to 予約数', () => {
    const r = report([
      b({ status: STATUS.held }),
      b({ status: STATUS.held }),
      b({ status: STATUS.cancelled }),
      b({ status: STATUS.noShow }),
      b({ status: STATUS.confirmed }),
      b({ status: STATUS.taken }),
    ]);
    const row = r.byOffice.find((x) => x.month === '2026-11' && x.office === WAKAMONO)!;
    expect(row.counts).toEqual({
      bookings: 6,
      held: 2,
      cancelled: 1,
      noShows: 1,
      pending: 2,
      duringConsultation: 0,
      reminded: 0,
      cancelNoticed: 0,
    });
    expect(row.heldRate).toBeCloseTo(2 / 4);
  });

  it('lists the 設定 offices in every month (zeros included), then others, then 合計', () => {
    const r = report([b({ office: '倉敷駅前' }), b({ office: '' }), b()]);
    const november = r.byOffice.filter((x) => x.month === '2026-11').map((x) => x.office);
    expect(november).toEqual([CENTRAL, WAKAMONO, '倉敷駅前', BLANK_LABEL, TOTAL_LABEL]);
    const total = r.byOffice.find((x) => x.month === '2026-11' && x.office === TOTAL_LABEL)!;
    expect(total.counts.bookings).toBe(3);
    const unknown = r.byOffice.find((x) => x.office === '倉敷駅前')!;
    expect(unknown.offeredSlots).toBeNull();
    expect(unknown.usageRate).toBeNull();
  });

  it('offers business days × slots × capacity, per 窓口 with its own 休業日', () => {
    // December 2026: 20 weekdays before 12/29 (12/29–12/31 are 年末年始), no national holiday.
    expect(offeredSlotsOf('2026-12', WAKAMONO, settings, [])).toBe(20 * 4);
    const closed: ClosedDay[] = [
      { date: day('2026-12-10'), office: CENTRAL, reason: '研修' },
      { date: day('2026-12-11'), office: null, reason: '全館点検' },
    ];
    const r = report([b({ date: day('2026-12-02'), status: STATUS.held })], closed);
    const dec = (office: string) =>
      r.byOffice.find((x) => x.month === '2026-12' && x.office === office)!;
    expect(dec(CENTRAL).offeredSlots).toBe(18 * 4);
    expect(dec(WAKAMONO).offeredSlots).toBe(19 * 4);
    expect(dec(TOTAL_LABEL).offeredSlots).toBe(37 * 4);
    expect(dec(WAKAMONO).usageRate).toBeCloseTo(1 / 76);
    // January 2027: 1/1–1/3 年末年始, 1/11 成人の日 → 19 business days.
    expect(offeredSlotsOf('2027-01', CENTRAL, { ...settings, capacity: 2 }, [])).toBe(19 * 4 * 2);
  });

  it('leaves rates blank rather than dividing by zero', () => {
    const r = report([b({ status: STATUS.taken })]);
    const row = r.byOffice.find((x) => x.month === '2026-11' && x.office === WAKAMONO)!;
    expect(row.heldRate).toBeNull();
    expect(row.usageRate).toBe(0);
    const empty = r.byOffice.find((x) => x.month === '2026-10' && x.office === CENTRAL)!;
    expect(empty.counts.bookings).toBe(0);
    expect(empty.heldRate).toBeNull();
  });

  it('shows the last 12 months even without bookings, and booked months beyond them, newest first', () => {
    const r = report([
      b({ date: day('2025-03-05') }),
      b({ date: day('2027-02-03'), status: STATUS.taken }),
    ]);
    const months = [...new Set(r.byOffice.map((x) => x.month))];
    expect(months[0]).toBe('2027-02');
    expect(months).toContain('2026-01');
    expect(months).not.toContain('2025-12');
    expect(months[months.length - 1]).toBe('2025-03');
    expect(months).toEqual([...months].sort().reverse());
  });

  it('leaves out rows whose 相談日 cannot be read, and says how many', () => {
    const r = report([b(), b({ date: null }), b({ date: null, status: STATUS.noShow })]);
    expect(r.counted).toBe(1);
    expect(r.undated).toBe(2);
    expect(
      r.byOffice.reduce((n, x) => n + (x.office === TOTAL_LABEL ? x.counts.bookings : 0), 0),
    ).toBe(1);
  });
});

describe('the report equals what a manager filtering 相談月 and 窓口 sees', () => {
  const offices = [CENTRAL, WAKAMONO, '', '倉敷駅前'];
  const bookingArb = fc.record({
    id: fc.constant(''),
    date: fc.option(
      fc.integer({ min: 0, max: 500 }).map((n) => day(addDaysIso('2025-09-01', n))),
      {
        nil: null,
      },
    ),
    start: fc.option(fc.constantFrom(600, 660, 840, 900, 780), { nil: null }),
    office: fc.constantFrom(...offices),
    officer: fc.constantFrom('担当 甲', '担当 乙', ''),
    status: fc.constantFrom(...STATUSES),
    channel: fc.constantFrom('電話', '窓口', DURING_CONSULTATION, ''),
  });

  it('for every month and 窓口 row, 予約数 = rows with that 相談月 and 窓口; 合計 = rows of the month', () => {
    fc.assert(
      fc.property(fc.array(bookingArb, { maxLength: 80 }), (bookings) => {
        const r = report(bookings);
        // 相談月 as the check writes it: 'yyyy-MM' of 相談日, blank when 相談日 is unreadable.
        const monthCell = (x: ReportBooking) => (x.date ? formatMonth(x.date) : '');
        for (const row of r.byOffice) {
          const inMonth = bookings.filter((x) => monthCell(x) === row.month);
          const expected =
            row.office === TOTAL_LABEL
              ? inMonth
              : inMonth.filter((x) => (x.office === '' ? BLANK_LABEL : x.office) === row.office);
          expect(row.counts.bookings).toBe(expected.length);
          expect(row.counts.held).toBe(expected.filter((x) => x.status === STATUS.held).length);
          const noShows = expected.filter((x) => x.status === STATUS.noShow).length;
          const held = expected.filter((x) => x.status === STATUS.held).length;
          const during = expected.filter((x) => x.channel === DURING_CONSULTATION).length;
          expect(row.counts.noShows).toBe(noShows);
          expect(row.noShowBase).toBe(held + noShows);
          expect(row.noShowRate).toBe(held + noShows === 0 ? null : noShows / (held + noShows));
          expect(row.counts.duringConsultation).toBe(during);
          expect(row.consultationShare).toBe(
            expected.length === 0 ? null : during / expected.length,
          );
        }
        const slotTotal = r.bySlot.reduce((n, x) => n + x.counts.bookings, 0);
        const officerTotal = r.byOfficer.reduce((n, x) => n + x.counts.bookings, 0);
        expect(slotTotal).toBe(r.counted);
        expect(officerTotal).toBe(r.counted);
        expect(r.counted).toBe(bookings.filter((x) => x.date !== null).length);
      }),
      { numRuns: 200 },
    );
  });
});

describe('by 開始時刻 and by 担当者', () => {
  it('has every 設定 office × slot in a booked month, plus a row for other times', () => {
    const r = report([
      b({ start: 600 }),
      b({ start: 780, status: STATUS.cancelled }),
      b({ start: null }),
    ]);
    const rows = r.bySlot.filter((x) => x.month === '2026-11');
    expect(rows.filter((x) => x.office === CENTRAL).map((x) => x.start)).toEqual([
      '10:00',
      '11:00',
      '14:00',
      '15:00',
    ]);
    expect(rows.filter((x) => x.office === WAKAMONO).map((x) => x.start)).toEqual([
      '10:00',
      '11:00',
      '14:00',
      '15:00',
      '13:00',
      BLANK_LABEL,
    ]);
    const ten = rows.find((x) => x.office === WAKAMONO && x.start === '10:00')!;
    // November 2026: 19 business days (11/3 文化の日, 11/23 勤労感謝の日) × capacity 1 per slot.
    expect(ten.offeredSlots).toBe(19);
    expect(ten.usageRate).toBeCloseTo(1 / 19);
    expect(rows.find((x) => x.start === '13:00')!.offeredSlots).toBeNull();
    expect(r.bySlot.some((x) => x.month === '2026-10')).toBe(false);
  });

  it('counts per 担当者 with a label for a blank one, which comes last', () => {
    const r = report([
      b({ officer: '担当 乙' }),
      b({ officer: '担当 甲', status: STATUS.noShow }),
      b({ officer: '' }),
      b({ officer: '担当 甲' }),
    ]);
    expect(r.byOfficer.map((x) => [x.officer, x.counts.bookings])).toEqual([
      ['担当 乙', 1],
      ['担当 甲', 2],
      [BLANK_LABEL, 1],
    ]);
    expect(r.byOfficer[1]!.heldRate).toBeCloseTo(0.5);
  });
});

describe('無断キャンセル率 and オンライン相談中の割合 (known data)', () => {
  // November 2026 at 倉敷わかもの: 3 実施, 1 無断キャンセル, 2 キャンセル, 1 確定;
  // 2 of the 7 taken during a consultation (one of them later cancelled).
  const november = [
    b({ officer: '担当 甲' }),
    b({ officer: '担当 甲', channel: DURING_CONSULTATION }),
    b({ officer: '担当 乙' }),
    b({ officer: '担当 甲', status: STATUS.noShow }),
    b({ officer: '担当 乙', status: STATUS.cancelled, channel: DURING_CONSULTATION }),
    b({ officer: '担当 乙', status: STATUS.cancelled }),
    b({ officer: '担当 乙', status: STATUS.confirmed, channel: '' }),
  ];
  // 倉敷中央 in November: only キャンセル and 受付, so no denominator for the no-show rate.
  const central = [
    b({ office: CENTRAL, officer: '担当 丙', status: STATUS.cancelled }),
    b({ office: CENTRAL, officer: '担当 丙', status: STATUS.taken }),
  ];
  const r = report([...november, ...central]);
  const office = (name: string) =>
    r.byOffice.find((x) => x.month === '2026-11' && x.office === name)!;
  const officer = (name: string) =>
    r.byOfficer.find((x) => x.month === '2026-11' && x.officer === name)!;

  it('無断キャンセル ÷ (実施 + 無断キャンセル) per 窓口, leaving キャンセル and 確定 out', () => {
    expect(office(WAKAMONO)).toMatchObject({ noShowBase: 4, noShowRate: 1 / 4 });
    expect(office(TOTAL_LABEL)).toMatchObject({ noShowBase: 4, noShowRate: 1 / 4 });
    expect(office(CENTRAL)).toMatchObject({ noShowBase: 0, noShowRate: null });
  });

  it('オンライン相談中 ÷ 予約数 per 窓口, whatever the 状態', () => {
    expect(office(WAKAMONO).counts.duringConsultation).toBe(2);
    expect(office(WAKAMONO).consultationShare).toBeCloseTo(2 / 7);
    expect(office(CENTRAL).consultationShare).toBe(0);
    expect(office(TOTAL_LABEL).consultationShare).toBeCloseTo(2 / 9);
    const october = r.byOffice.find((x) => x.month === '2026-10' && x.office === CENTRAL)!;
    expect(october).toMatchObject({ noShowRate: null, consultationShare: null });
  });

  it('per 担当者', () => {
    expect(officer('担当 甲')).toMatchObject({ noShowBase: 3, noShowRate: 1 / 3 });
    expect(officer('担当 甲').consultationShare).toBeCloseTo(1 / 3);
    expect(officer('担当 乙')).toMatchObject({ noShowBase: 1, noShowRate: 0 });
    expect(officer('担当 乙').consultationShare).toBeCloseTo(1 / 4);
    expect(officer('担当 丙')).toMatchObject({ noShowBase: 0, noShowRate: null });
  });

  it('prints the denominator, and — for a rate with none, on the sheet', () => {
    const layout = monthlyReportLayout(r, '2026/12/01 09:00');
    const title = layout.rows.findIndex((row) => row[0] === GROUP_RATES_TITLE);
    expect(title).toBeGreaterThan(0);
    const headers = layout.rows[title + 1]!;
    expect(headers.slice(0, 11)).toEqual([
      '相談月',
      '窓口',
      '予約数',
      '実施',
      '無断キャンセル',
      '実施＋無断キャンセル',
      '無断キャンセル率',
      'リマインダー送信数',
      'キャンセル通知数',
      'オンライン相談中',
      'オンライン相談中の割合',
    ]);
    const rowOf = (office: string) =>
      layout.rows.slice(title + 2).find((row) => row[0] === '2026-11' && row[1] === office)!;
    expect(rowOf(WAKAMONO).slice(0, 11)).toEqual([
      '2026-11',
      WAKAMONO,
      7,
      3,
      1,
      4,
      0.25,
      0,
      0,
      2,
      2 / 7,
    ]);
    expect(rowOf(CENTRAL).slice(2, 11)).toEqual([2, 0, 0, 0, NO_RATE, 0, 0, 0, 0]);
    const officerTitle = layout.rows.findIndex(
      (row) => row[0] === '月別・担当者別（予約のある月）',
    );
    const officerHeaders = layout.rows[officerTitle + 1]!;
    const hei = layout.rows
      .slice(officerTitle + 2)
      .find((row) => row[0] === '2026-11' && row[1] === '担当 丙')!;
    const cell = (h: string) => hei[officerHeaders.indexOf(h)];
    expect(cell('実施＋無断キャンセル')).toBe(0);
    expect(cell('無断キャンセル率')).toBe(NO_RATE);
    expect(cell('実施率')).toBe(0);
    expect(cell('オンライン相談中の割合')).toBe(0);
    const notes = layout.rows.slice(2, 10).map((row) => String(row[0]));
    expect(
      notes.some((n) =>
        n.startsWith('無断キャンセル率 = 無断キャンセル ÷（実施 + 無断キャンセル）'),
      ),
    ).toBe(true);
    expect(notes.some((n) => n.includes('オンライン相談中の割合 = '))).toBe(true);
  });
});

describe('リマインダー送信数 and キャンセル通知数 from 操作ログ', () => {
  const lines = [
    { action: 'リマインダー送信', bookingId: 'Y000001' },
    { action: 'リマインダー送信', bookingId: ' Y000001 ' }, // the same booking twice: one booking
    { action: 'リマインダー送信', bookingId: 'Y000002' },
    { action: 'リマインダー送信失敗', bookingId: 'Y000003' },
    { action: 'キャンセル通知送信', bookingId: 'Y000004' },
    { action: 'キャンセル通知送信失敗', bookingId: 'Y000002' },
    { action: 'リマインダー送信', bookingId: 'Y999999' }, // no such booking
    { action: 'リマインダー送信', bookingId: '' },
    { action: '招待メール送信', bookingId: 'Y000005' },
  ];
  const followUps = followUpIdsOf(lines);
  const bookings = [
    b({ id: 'Y000001', status: STATUS.held }),
    b({ id: 'Y000002', status: STATUS.noShow, office: CENTRAL }),
    b({ id: 'Y000003', status: STATUS.noShow }),
    b({ id: 'Y000004', status: STATUS.cancelled, date: day('2026-10-20') }),
    b({ id: 'Y000005', status: STATUS.held }),
    b({ id: '', status: STATUS.held }),
  ];
  const r = buildMonthlyReport({ bookings, settings, closedDays: [], today: TODAY, followUps });
  const at = (month: string, office: string) =>
    r.byOffice.find((x) => x.month === month && x.office === office)!.counts;

  it('reads the sent lines only, by 予約ID, once per booking', () => {
    expect([...followUps.reminded].sort()).toEqual(['Y000001', 'Y000002', 'Y999999']);
    expect([...followUps.cancelNoticed]).toEqual(['Y000004']);
  });

  it('counts each booking in its own 相談月 and 窓口; an unknown 予約ID nowhere', () => {
    expect(at('2026-11', WAKAMONO)).toMatchObject({ reminded: 1, cancelNoticed: 0, bookings: 4 });
    expect(at('2026-11', CENTRAL)).toMatchObject({ reminded: 1, noShows: 1 });
    expect(at('2026-11', TOTAL_LABEL).reminded).toBe(2);
    expect(at('2026-10', WAKAMONO)).toMatchObject({ reminded: 0, cancelNoticed: 1 });
    const allReminded = r.byOffice
      .filter((x) => x.office === TOTAL_LABEL)
      .reduce((n, x) => n + x.counts.reminded, 0);
    expect(allReminded).toBe(2); // Y999999 is no booking
    const officer = r.byOfficer.find((x) => x.month === '2026-11' && x.officer === '担当 甲')!;
    expect(officer.counts.reminded).toBe(2);
  });

  it('prints them beside 無断キャンセル率, with their definition', () => {
    const layout = monthlyReportLayout(r, '2026/12/01 09:00');
    const title = layout.rows.findIndex((row) => row[0] === GROUP_RATES_TITLE);
    const headers = layout.rows[title + 1]!;
    const rate = headers.indexOf('無断キャンセル率');
    expect(headers.slice(rate + 1, rate + 3)).toEqual(['リマインダー送信数', 'キャンセル通知数']);
    const row = layout.rows.slice(title + 2).find((x) => x[0] === '2026-11' && x[1] === CENTRAL)!;
    expect(row.slice(rate, rate + 3)).toEqual([1, 1, 0]);
    const section = layout.sections.find((s) => s.titleRow === title)!;
    expect(section.countColumns).toEqual(expect.arrayContaining([rate + 1, rate + 2]));
    const notes = layout.rows.slice(2, 12).map((x) => String(x[0]));
    expect(
      notes.some(
        (n) => n.startsWith('リマインダー送信数・キャンセル通知数 = ') && n.includes('予約ID'),
      ),
    ).toBe(true);
  });

  it('counts nothing without 操作ログ lines', () => {
    const none = report(bookings);
    expect(
      none.byOffice.every((x) => x.counts.reminded === 0 && x.counts.cancelNoticed === 0),
    ).toBe(true);
  });
});

describe('trendMonths and the layout', () => {
  it('gives the 12 months ending with the current one, across a year end', () => {
    expect(trendMonths(day('2026-03-31'))).toEqual([
      '2025-04',
      '2025-05',
      '2025-06',
      '2025-07',
      '2025-08',
      '2025-09',
      '2025-10',
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
      '2026-03',
    ]);
  });

  it('lays out rectangular rows; the chart reads the trend table; formats point at numbers', () => {
    const r = report([b(), b({ date: day('2026-12-02'), status: STATUS.taken, office: CENTRAL })]);
    const layout = monthlyReportLayout(r, '2026/12/01 09:00');
    expect(layout.rows.every((row) => row.length === layout.width)).toBe(true);
    const { row, column, numRows, numColumns } = layout.chart;
    expect(layout.rows[row]!.slice(column, column + numColumns)).toEqual([
      '相談月',
      '実施',
      '無断キャンセル',
      'キャンセル',
      '受付・確定',
    ]);
    expect(numRows).toBe(13);
    expect(layout.rows[row + numRows - 1]![0]).toBe('2026-12');
    expect(layout.rows[row + numRows - 2]!.slice(0, 2)).toEqual(['2026-11', 1]);
    for (const section of layout.sections) {
      for (let i = 0; i < section.dataRows; i++) {
        const cells = layout.rows[section.headerRow + 1 + i]!;
        for (const c of section.countColumns)
          expect(['number', 'string']).toContain(typeof cells[c]);
        for (const c of section.countColumns.slice(0, 1)) expect(typeof cells[c]).toBe('number');
        for (const c of section.rateColumns) {
          const v = cells[c];
          expect(v === NO_RATE || (typeof v === 'number' && v >= 0 && v <= 1)).toBe(true);
        }
      }
    }
    for (const totalRow of layout.totalRows) expect(layout.rows[totalRow]![1]).toBe(TOTAL_LABEL);
    expect(layout.rows[0]![0]).toBe('月次集計');
    expect(String(layout.rows[1]![0])).toContain('2026/12/01 09:00');
  });
});

function addDaysIso(start: string, n: number): string {
  const date = new Date(`${start}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + n);
  return date.toISOString().slice(0, 10);
}
