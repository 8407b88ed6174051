import { describe, expect, it } from 'vitest';
import type { ClosedDay } from '../../src/core/calendar';
import {
  closedText,
  freeSlots,
  MAX_BUSINESS_DAYS,
  readBackLines,
  readBackText,
  type FreeSlotsInput,
  type SlotBooking,
} from '../../src/core/freeSlots';
import { OFFICE, STATUS, type Status } from '../../src/core/schema';
import { defaultSettings } from '../../src/core/settings';
import { parseIsoDay, type LocalDate } from '../../src/core/time';

const settings = defaultSettings();
const day = (text: string): LocalDate => {
  const d = parseIsoDay(text);
  if (d === null) throw new Error(`bad day ${text}`);
  return d;
};
const h = (hour: number) => hour * 60;

function booked(
  date: string,
  start: number,
  office: string,
  status: Status = STATUS.taken,
): SlotBooking {
  return { date: day(date), start, office, status };
}

function view(overrides: Partial<FreeSlotsInput> = {}) {
  return freeSlots({
    today: day('2026-12-01'), // Tuesday
    settings,
    closedDays: [],
    bookings: [],
    businessDays: 5,
    ...overrides,
  });
}

const dayOf = (v: ReturnType<typeof view>, date: string) => {
  const found = v.days.find((d) => d.date === date);
  if (!found) throw new Error(`${date} is not listed: ${v.days.map((d) => d.date).join(', ')}`);
  return found;
};
const slotOf = (v: ReturnType<typeof view>, date: string, office: string, start: string) => {
  const found = dayOf(v, date)
    .offices.find((o) => o.office === office)
    ?.slots.find((s) => s.start === start);
  if (!found) throw new Error(`no slot ${date} ${start} ${office}`);
  return found;
};

describe('freeSlots: which days', () => {
  it('starts tomorrow (予約締切 前日) and lists N business days, weekends in between shown closed', () => {
    const v = view();
    expect(v.firstBookableDay).toBe('2026-12-02');
    expect(v.days.map((d) => d.date)).toEqual([
      '2026-12-02',
      '2026-12-03',
      '2026-12-04',
      '2026-12-05',
      '2026-12-06',
      '2026-12-07',
      '2026-12-08',
    ]);
    expect(dayOf(v, '2026-12-05').closed).toBe('休み（土曜日）');
    expect(dayOf(v, '2026-12-06').closed).toBe('休み（日曜日）');
    expect(dayOf(v, '2026-12-05').offices.every((o) => o.slots.length === 0)).toBe(true);
    expect(v.days.filter((d) => d.closed === null)).toHaveLength(5);
    expect(dayOf(v, '2026-12-02').label).toBe('12月2日(水)');
  });

  it('never offers today or a day too close for 予約締切 (2日前)', () => {
    const v = view({ settings: { ...settings, deadlineDays: 2 }, businessDays: 1 });
    expect(v.firstBookableDay).toBe('2026-12-03');
    expect(v.days.map((d) => d.date)).toEqual(['2026-12-03']);
  });

  it('names the holiday, and shows 年末年始 closed', () => {
    const holiday = view({ today: day('2026-11-20'), businessDays: 1 }); // Friday
    expect(holiday.days.map((d) => [d.date, d.closed])).toEqual([
      ['2026-11-21', '休み（土曜日）'],
      ['2026-11-22', '休み（日曜日）'],
      ['2026-11-23', '祝日（勤労感謝の日）'],
      ['2026-11-24', null],
    ]);
    const yearEnd = view({ today: day('2026-12-28'), businessDays: 1 });
    expect(dayOf(yearEnd, '2026-12-29').closed).toBe('年末年始の休み');
    expect(dayOf(yearEnd, '2027-01-01').closed).toBe('祝日（元日）');
    expect(dayOf(yearEnd, '2027-01-04').closed).toBeNull();
  });

  it('shows a 休業日 of one 窓口 on that 窓口 only, and of both on the whole day', () => {
    const closedDays: ClosedDay[] = [
      { date: day('2026-12-02'), office: OFFICE.wakamono, reason: '館内点検' },
      { date: day('2026-12-03'), office: null, reason: '' },
    ];
    const v = view({ closedDays });
    const wed = dayOf(v, '2026-12-02');
    expect(wed.closed).toBeNull();
    expect(wed.offices.find((o) => o.office === OFFICE.wakamono)).toMatchObject({
      closed: '休業日（館内点検）',
      slots: [],
      free: 0,
    });
    expect(wed.offices.find((o) => o.office === OFFICE.central)?.closed).toBeNull();
    expect(dayOf(v, '2026-12-03').closed).toBe('休業日');
    // Wednesday still counts (one 窓口 is open); Thursday does not.
    expect(v.days.filter((d) => d.closed === null)).toHaveLength(5);
    expect(v.days[v.days.length - 1]?.date).toBe('2026-12-09');
  });

  it('with the filter on one 窓口, a day closed there only is a closed day', () => {
    const closedDays: ClosedDay[] = [
      { date: day('2026-12-02'), office: OFFICE.wakamono, reason: '研修' },
    ];
    const v = view({ closedDays, offices: [OFFICE.wakamono], businessDays: 1 });
    expect(v.offices).toEqual([OFFICE.wakamono]);
    expect(v.days.map((d) => [d.date, d.closed])).toEqual([
      ['2026-12-02', '休業日（研修）'],
      ['2026-12-03', null],
    ]);
    expect(v.days[1]?.offices.map((o) => o.office)).toEqual([OFFICE.wakamono]);
  });

  it('ignores unknown 窓口 in the filter, and an empty filter means every 窓口', () => {
    expect(view({ offices: ['どこか'] }).offices).toEqual([]);
    expect(view({ offices: ['どこか'] }).days).toEqual([]);
    expect(view({ offices: [] }).offices).toEqual([OFFICE.central, OFFICE.wakamono]);
  });

  it('bounds the number of days, even when asked for many or when every day is closed', () => {
    expect(view({ businessDays: 1000 }).days.filter((d) => d.closed === null)).toHaveLength(
      MAX_BUSINESS_DAYS,
    );
    expect(view({ businessDays: 0 }).days).toEqual([]);
    const everyDay: ClosedDay[] = Array.from({ length: 500 }, (_, i) => ({
      date: day(new Date(Date.UTC(2026, 11, 2 + i)).toISOString().slice(0, 10)),
      office: null,
      reason: '改装',
    }));
    const closed = view({ closedDays: everyDay, businessDays: 1 });
    expect(closed.days.length).toBeGreaterThan(0);
    expect(closed.days.every((d) => d.closed !== null)).toBe(true);
  });
});

describe('freeSlots: which slots are free', () => {
  it('lists every slot of 設定 per 窓口 with its label and free count', () => {
    const wed = dayOf(view(), '2026-12-02');
    expect(wed.offices.map((o) => o.office)).toEqual([OFFICE.central, OFFICE.wakamono]);
    expect(wed.offices[0]?.slots).toEqual([
      { start: '10:00', label: '10:00～10:30', capacity: 1, taken: 0, free: 1, full: false },
      { start: '11:00', label: '11:00～11:30', capacity: 1, taken: 0, free: 1, full: false },
      { start: '14:00', label: '14:00～14:30', capacity: 1, taken: 0, free: 1, full: false },
      { start: '15:00', label: '15:00～15:30', capacity: 1, taken: 0, free: 1, full: false },
    ]);
    expect(wed.offices[0]?.free).toBe(4);
  });

  it('a live booking (受付, 確定, 実施) fills its slot at its 窓口 only', () => {
    const v = view({
      bookings: [
        booked('2026-12-02', h(10), OFFICE.wakamono, STATUS.taken),
        booked('2026-12-02', h(11), OFFICE.wakamono, STATUS.confirmed),
        booked('2026-12-02', h(14), OFFICE.wakamono, STATUS.held),
      ],
    });
    for (const start of ['10:00', '11:00', '14:00']) {
      expect(slotOf(v, '2026-12-02', OFFICE.wakamono, start)).toMatchObject({
        taken: 1,
        free: 0,
        full: true,
      });
      expect(slotOf(v, '2026-12-02', OFFICE.central, start).full).toBe(false);
    }
    expect(slotOf(v, '2026-12-02', OFFICE.wakamono, '15:00').full).toBe(false);
    expect(dayOf(v, '2026-12-02').offices[1]?.free).toBe(1);
  });

  it('cancelled bookings (キャンセル, 無断キャンセル) free their slot', () => {
    const v = view({
      bookings: [
        booked('2026-12-02', h(10), OFFICE.wakamono, STATUS.cancelled),
        booked('2026-12-02', h(10), OFFICE.wakamono, STATUS.noShow),
      ],
    });
    expect(slotOf(v, '2026-12-02', OFFICE.wakamono, '10:00')).toMatchObject({
      taken: 0,
      free: 1,
      full: false,
    });
  });

  it('counts against 各枠の定員, and an over-full slot shows 0 free, never negative', () => {
    const two = view({
      settings: { ...settings, capacity: 2 },
      bookings: [booked('2026-12-02', h(10), OFFICE.central)],
    });
    expect(slotOf(two, '2026-12-02', OFFICE.central, '10:00')).toMatchObject({
      capacity: 2,
      taken: 1,
      free: 1,
      full: false,
    });
    const over = view({
      bookings: [
        booked('2026-12-02', h(10), OFFICE.central),
        booked('2026-12-02', h(10), OFFICE.central),
      ],
    });
    expect(slotOf(over, '2026-12-02', OFFICE.central, '10:00')).toMatchObject({
      taken: 2,
      free: 0,
      full: true,
    });
  });

  it('ignores bookings it cannot place: no date, no time, a time that is not a slot, no 窓口', () => {
    const v = view({
      bookings: [
        { date: null, start: h(10), office: OFFICE.central, status: STATUS.taken },
        { date: day('2026-12-02'), start: null, office: OFFICE.central, status: STATUS.taken },
        booked('2026-12-02', h(13), OFFICE.central),
        booked('2026-12-02', h(10), ''),
      ],
    });
    expect(dayOf(v, '2026-12-02').offices[0]?.free).toBe(4);
  });

  it('follows the slots and length set in 設定', () => {
    const v = view({ settings: { ...settings, slots: [h(9) + 30, h(13)], durationMinutes: 45 } });
    expect(dayOf(v, '2026-12-02').offices[0]?.slots.map((s) => s.label)).toEqual([
      '09:30～10:15',
      '13:00～13:45',
    ]);
  });
});

describe('closedText', () => {
  it('says why in a few words', () => {
    expect(closedText({ kind: '土日', weekday: '土' })).toBe('休み（土曜日）');
    expect(closedText({ kind: '祝日', name: '振替休日' })).toBe('祝日（振替休日）');
    expect(closedText({ kind: '年末年始' })).toBe('年末年始の休み');
    expect(closedText({ kind: '休業日', reason: '', office: null })).toBe('休業日');
  });
});

describe('read-back text', () => {
  const booking = {
    date: day('2026-12-02'),
    start: h(10),
    durationMinutes: 30,
    office: OFFICE.wakamono,
    name: '見本 一郎',
    seekerNo: '33010-00000001',
    email: 'ichiro@example.jp',
    deadlineDays: 1,
    officePhone: '086-430-0705',
  };

  it('reads day, weekday, time span and 窓口 first, then who, where the mail goes and whom to call', () => {
    expect(readBackText(booking)).toBe(
      [
        '12月2日(水) 10:00～10:30 倉敷わかもの',
        '見本 一郎 様（求職番号 33010-00000001）',
        '招待メールの送り先: ichiro@example.jp',
        '相談日の前日までに、会議URLを書いた招待メールをお送りします。',
        'キャンセルや、メールが届かないときは 086-430-0705 へお電話ください。',
      ].join('\n'),
    );
  });

  it('follows 予約締切 and leaves out the phone line when 設定 has no number', () => {
    const lines = readBackLines({ ...booking, deadlineDays: 2, officePhone: '' });
    expect(lines).toHaveLength(4);
    expect(lines[3]).toBe('相談日の2日前までに、会議URLを書いた招待メールをお送りします。');
    expect(lines.join('\n')).not.toContain('お電話');
  });

  it('ends a slot across the hour correctly', () => {
    expect(readBackLines({ ...booking, start: h(14) + 45 })[0]).toBe(
      '12月2日(水) 14:45～15:15 倉敷わかもの',
    );
  });
});
