// Business days (R2) against the Cabinet Office's published holiday list, written out here so a
// library update that changes a day is caught.
// @ts-expect-error -- japanese-holidays ships no type declarations (see src/core/calendar.ts).
import JapaneseHolidays from 'japanese-holidays';
import { describe, expect, it } from 'vitest';
import {
  businessDaysInMonth,
  closedReason,
  holidayName,
  isBusinessDay,
  isYearEnd,
  nextBusinessDay,
  type ClosedDay,
} from '../../src/core/calendar';
import { addDays, weekday, type LocalDate } from '../../src/core/time';

const d = (text: string) => text as LocalDate;
const holidayLibrary = JapaneseHolidays as { getHolidaysOf(year: number): unknown[] };

/** 内閣府「国民の祝日について」: 2025–2027, including 振替休日 and 国民の休日. */
const HOLIDAYS: Record<string, string> = {
  '2025-01-01': '元日',
  '2025-01-13': '成人の日',
  '2025-02-11': '建国記念の日',
  '2025-02-23': '天皇誕生日',
  '2025-02-24': '振替休日',
  '2025-03-20': '春分の日',
  '2025-04-29': '昭和の日',
  '2025-05-03': '憲法記念日',
  '2025-05-04': 'みどりの日',
  '2025-05-05': 'こどもの日',
  '2025-05-06': '振替休日',
  '2025-07-21': '海の日',
  '2025-08-11': '山の日',
  '2025-09-15': '敬老の日',
  '2025-09-23': '秋分の日',
  '2025-10-13': 'スポーツの日',
  '2025-11-03': '文化の日',
  '2025-11-23': '勤労感謝の日',
  '2025-11-24': '振替休日',
  '2026-01-01': '元日',
  '2026-01-12': '成人の日',
  '2026-02-11': '建国記念の日',
  '2026-02-23': '天皇誕生日',
  '2026-03-20': '春分の日',
  '2026-04-29': '昭和の日',
  '2026-05-03': '憲法記念日',
  '2026-05-04': 'みどりの日',
  '2026-05-05': 'こどもの日',
  '2026-05-06': '振替休日',
  '2026-07-20': '海の日',
  '2026-08-11': '山の日',
  '2026-09-21': '敬老の日',
  '2026-09-22': '国民の休日',
  '2026-09-23': '秋分の日',
  '2026-10-12': 'スポーツの日',
  '2026-11-03': '文化の日',
  '2026-11-23': '勤労感謝の日',
  '2027-01-01': '元日',
  '2027-01-11': '成人の日',
  '2027-02-11': '建国記念の日',
  '2027-02-23': '天皇誕生日',
  '2027-03-21': '春分の日',
  '2027-03-22': '振替休日',
  '2027-04-29': '昭和の日',
  '2027-05-03': '憲法記念日',
  '2027-05-04': 'みどりの日',
  '2027-05-05': 'こどもの日',
  '2027-07-19': '海の日',
  '2027-08-11': '山の日',
  '2027-09-20': '敬老の日',
  '2027-09-23': '秋分の日',
  '2027-10-11': 'スポーツの日',
  '2027-11-03': '文化の日',
  '2027-11-23': '勤労感謝の日',
};

function everyDay(from: string, to: string): LocalDate[] {
  const days: LocalDate[] = [];
  for (let day = d(from); day <= to; day = addDays(day, 1)) days.push(day);
  return days;
}

describe('national holidays 2025–2027', () => {
  const days = everyDay('2025-01-01', '2027-12-31');

  it('holidayName gives exactly the official list, by name', () => {
    const found = Object.fromEntries(
      days.flatMap((day) => {
        const name = holidayName(day);
        return name === null ? [] : [[day, name]];
      }),
    );
    expect(found).toEqual(HOLIDAYS);
  });

  it('a holiday on a weekday is closed as 祝日 with its name', () => {
    for (const [day, name] of Object.entries(HOLIDAYS)) {
      const dow = weekday(d(day));
      if (dow === 0 || dow === 6) continue;
      expect(closedReason(d(day), '倉敷中央', []), day).toEqual({ kind: '祝日', name });
    }
  });

  it('the tricky days', () => {
    expect(closedReason(d('2026-09-22'), null, [])).toEqual({ kind: '祝日', name: '国民の休日' });
    expect(closedReason(d('2027-03-22'), null, [])).toEqual({ kind: '祝日', name: '振替休日' });
    expect(closedReason(d('2032-09-21'), null, [])).toEqual({ kind: '祝日', name: '国民の休日' });
    expect(weekday(d('2032-09-21'))).toBe(2); // a Tuesday between 敬老の日 and 秋分の日
    expect(holidayName(d('2032-09-20'))).toBe('敬老の日');
    expect(holidayName(d('2032-09-22'))).toBe('秋分の日');
    // 2025-11-24 (Mon) is 振替休日 for 勤労感謝の日 on Sunday
    expect(closedReason(d('2025-11-24'), null, [])).toEqual({ kind: '祝日', name: '振替休日' });
  });

  it('every other weekday outside 年末年始 is a business day', () => {
    for (const day of days) {
      const dow = weekday(day);
      const expected = dow !== 0 && dow !== 6 && !(day in HOLIDAYS) && !isYearEnd(day);
      expect(isBusinessDay(day, '倉敷中央', []), day).toBe(expected);
    }
  });
});

describe('weekends and 年末年始', () => {
  it('Saturday and Sunday say which', () => {
    expect(closedReason(d('2026-12-05'), null, [])).toEqual({ kind: '土日', weekday: '土' });
    expect(closedReason(d('2026-12-06'), null, [])).toEqual({ kind: '土日', weekday: '日' });
  });

  it('12/29–1/3 is closed; 12/28 and 1/4 are not (when weekdays)', () => {
    for (const day of ['2026-12-29', '2026-12-30', '2026-12-31', '2025-01-02', '2025-01-03']) {
      expect(closedReason(d(day), null, []), day).toEqual({ kind: '年末年始' });
    }
    expect(isBusinessDay(d('2026-12-28'), null, [])).toBe(true);
    expect(isBusinessDay(d('2027-01-04'), null, [])).toBe(true);
    expect(isYearEnd(d('2027-01-01'))).toBe(true);
    // 元日 is reported as the holiday, the plainest reason
    expect(closedReason(d('2027-01-01'), null, [])).toEqual({ kind: '祝日', name: '元日' });
  });
});

describe('休業日 per 窓口', () => {
  const closed: ClosedDay[] = [
    { date: d('2026-12-01'), office: '倉敷中央', reason: '所内研修' },
    { date: d('2026-12-02'), office: null, reason: '停電' },
  ];

  it('a day closed for one 窓口 is open at the other', () => {
    expect(closedReason(d('2026-12-01'), '倉敷中央', closed)).toEqual({
      kind: '休業日',
      reason: '所内研修',
      office: '倉敷中央',
    });
    expect(closedReason(d('2026-12-01'), '倉敷わかもの', closed)).toBeNull();
    expect(closedReason(d('2026-12-01'), null, closed)).toBeNull();
  });

  it('a day closed for both is closed everywhere', () => {
    for (const office of ['倉敷中央', '倉敷わかもの', null]) {
      expect(closedReason(d('2026-12-02'), office, closed)).toEqual({
        kind: '休業日',
        reason: '停電',
        office: null,
      });
    }
  });

  it('next business day skips weekends, holidays, 年末年始 and 休業日', () => {
    expect(nextBusinessDay(d('2026-11-27'), '倉敷中央', closed)).toBe('2026-11-30');
    expect(nextBusinessDay(d('2026-11-30'), '倉敷中央', closed)).toBe('2026-12-03');
    expect(nextBusinessDay(d('2026-11-30'), '倉敷わかもの', closed)).toBe('2026-12-01');
    expect(nextBusinessDay(d('2026-12-25'), null, [])).toBe('2026-12-28');
    expect(nextBusinessDay(d('2026-12-28'), null, [])).toBe('2027-01-04');
    expect(nextBusinessDay(d('2026-09-18'), null, [])).toBe('2026-09-24');
  });

  it('business days of a month', () => {
    const days = businessDaysInMonth(2026, 12, '倉敷中央', closed);
    expect(days).toHaveLength(18); // 23 weekdays − 12/29–31 − 12/1 − 12/2
    expect(days).not.toContain('2026-12-01');
    expect(businessDaysInMonth(2026, 9, null, [])).toHaveLength(19); // 22 weekdays − 9/21–23
  });
});

describe('host time zone', () => {
  it('the holiday library gives the same days whatever zone the machine is in', () => {
    const saved = process.env.TZ;
    const offsets = new Set<number>();
    const byZone = ['Asia/Tokyo', 'America/Los_Angeles', 'Pacific/Kiritimati', 'UTC'].map((tz) => {
      process.env.TZ = tz; // Node applies a changed TZ at once
      try {
        offsets.add(new Date(Date.UTC(2026, 8, 22)).getTimezoneOffset());
        return JSON.stringify([2026, 2027].map((y) => holidayLibrary.getHolidaysOf(y)));
      } finally {
        process.env.TZ = saved;
      }
    });
    expect(offsets.size).toBe(4); // the zone really changed
    expect(new Set(byZone).size).toBe(1);
    expect(byZone[0]).toContain('国民の休日');
  });
});
