import { describe, expect, it } from 'vitest';
import type { ClosedDay } from '../../src/core/calendar';
import {
  dueTodayFlag,
  overdueFlags,
  overdueMessages,
  type DueTodayContext,
  type OverdueContext,
} from '../../src/core/overdue';
import { STATUS } from '../../src/core/schema';
import { at, booking, day, settings, unsent } from './tickFixtures';

const ctx = (now: string, closedDays: ClosedDay[] = []): DueTodayContext => ({
  now: at(now),
  settings,
  closedDays,
});
const levels = (b: Parameters<typeof overdueFlags>[0], c: OverdueContext) =>
  overdueFlags(b, c).map((f) => f.level);

// Taken on Friday 2026-12-04 at 11:00; the consultation is far away (12/16), so only R6 applies.
const friday = unsent({ takenAt: at('2026-12-04 11:00'), date: day('2026-12-16') });

describe('not sent by 17:15 of the next business day (R6)', () => {
  it('flags a Friday booking on Monday after 17:15, not before, not over the weekend', () => {
    expect(levels(friday, ctx('2026-12-04 17:30'))).toEqual([]);
    expect(levels(friday, ctx('2026-12-05 12:00'))).toEqual([]);
    expect(levels(friday, ctx('2026-12-07 17:14'))).toEqual([]);
    expect(levels(friday, ctx('2026-12-07 17:15'))).toEqual(['nextBusinessDay']);
    expect(levels(friday, ctx('2026-12-08 09:00'))).toEqual(['nextBusinessDay']);
  });

  it('counts from the day taken, whatever the hour (taken Friday evening → still Monday 17:15)', () => {
    const evening = { ...friday, takenAt: at('2026-12-04 19:30') };
    expect(levels(evening, ctx('2026-12-07 17:14'))).toEqual([]);
    expect(levels(evening, ctx('2026-12-07 17:15'))).toEqual(['nextBusinessDay']);
  });

  it('skips a national holiday in between (成人の日 2027-01-11 → Tuesday)', () => {
    const b = unsent({ takenAt: at('2027-01-08 10:00'), date: day('2027-01-20') });
    expect(levels(b, ctx('2027-01-11 17:30'))).toEqual([]);
    expect(levels(b, ctx('2027-01-12 17:14'))).toEqual([]);
    expect(levels(b, ctx('2027-01-12 17:15'))).toEqual(['nextBusinessDay']);
  });

  it('skips a 休業日 added later, for both offices or the booking’s office only', () => {
    const monday: ClosedDay = { date: day('2026-12-07'), office: null, reason: '研修' };
    expect(levels(friday, ctx('2026-12-07 17:30', [monday]))).toEqual([]);
    expect(levels(friday, ctx('2026-12-08 17:15', [monday]))).toEqual(['nextBusinessDay']);
    const otherOffice: ClosedDay = { ...monday, office: '倉敷中央' };
    expect(levels(friday, ctx('2026-12-07 17:30', [otherOffice]))).toEqual(['nextBusinessDay']);
    const ownOffice: ClosedDay = { ...monday, office: '倉敷わかもの' };
    expect(levels(friday, ctx('2026-12-07 17:30', [ownOffice]))).toEqual([]);
  });

  it('uses 受付終了時刻 from 設定', () => {
    const c = { ...ctx('2026-12-07 16:00'), settings: { ...settings, officeClosesAt: 16 * 60 } };
    expect(levels(friday, c)).toEqual(['nextBusinessDay']);
  });

  it('says nothing once sent, while sending (that is its own level), or when the status is not 受付', () => {
    const c = ctx('2026-12-08 09:00');
    expect(levels({ ...friday, invitedAt: at('2026-12-04 12:00') }, c)).toEqual([]);
    expect(
      levels({ ...friday, status: STATUS.confirmed, invitedAt: at('2026-12-04 12:00') }, c),
    ).toEqual([]);
    expect(levels({ ...friday, status: STATUS.cancelled }, c)).toEqual([]);
    expect(levels({ ...friday, sending: true, sendingSince: at('2026-12-08 08:59') }, c)).toEqual(
      [],
    );
  });

  it('needs 受付日時; a row without one is not flagged at this level', () => {
    expect(levels({ ...friday, takenAt: null }, ctx('2026-12-10 09:00'))).toEqual([]);
  });
});

describe('相談日 near and past 15:00 of the last business day before it (R5)', () => {
  // Taken Monday 11/30 09:00 for Wednesday 12/2: R6's deadline (12/1 17:15) comes after 15:00.
  const tomorrow = unsent({ takenAt: at('2026-11-30 09:00'), date: day('2026-12-02') });

  it('flags from 15:00 the day before', () => {
    expect(levels(tomorrow, ctx('2026-12-01 14:59'))).toEqual([]);
    expect(levels(tomorrow, ctx('2026-12-01 15:00'))).toEqual(['dayBefore']);
    expect(overdueMessages(tomorrow, ctx('2026-12-01 15:00'))[0]).toMatch(
      /^注意: .*12月2日\(水\).*確定期限 12月1日\(火\) 15:00/,
    );
  });

  it('flags the day itself (day arrived unsent), and stops once it has passed', () => {
    expect(levels(tomorrow, ctx('2026-12-02 08:00'))).toEqual(['nextBusinessDay', 'dayBefore']);
    expect(overdueMessages(tomorrow, ctx('2026-12-02 08:00'))[1]).toMatch(
      /「相談日」（12月2日\(水\)）になっても/,
    );
    expect(levels(tomorrow, ctx('2026-12-03 09:00'))).toEqual([]);
  });

  it('does not flag a booking two days ahead', () => {
    expect(levels({ ...tomorrow, date: day('2026-12-03') }, ctx('2026-12-01 16:00'))).toEqual([]);
  });

  it('follows 前日確定期限 and 予約締切 from 設定', () => {
    const noon = {
      ...ctx('2026-12-01 12:00'),
      settings: { ...settings, dayBeforeAlertAt: 12 * 60 },
    };
    expect(levels(tomorrow, noon)).toEqual(['dayBefore']);
    // 2日前 for Thursday 12/3: the second business day before it is Tuesday 12/1.
    const twoDays = { ...ctx('2026-12-01 15:00'), settings: { ...settings, deadlineDays: 2 } };
    const thursday = { ...tomorrow, date: day('2026-12-03') };
    expect(levels(thursday, twoDays)).toEqual(['dayBefore']);
    expect(levels(thursday, { ...twoDays, now: at('2026-12-01 14:59') })).toEqual([]);
  });

  it('counts business days: booked Friday 15:30 for Monday 10:00 is past its deadline at once', () => {
    // The last business day before Monday 12/7 is Friday 12/4: 15:00 has passed when it is typed.
    const monday = unsent({ takenAt: at('2026-12-04 15:30'), date: day('2026-12-07') });
    expect(levels(monday, ctx('2026-12-04 15:30'))).toContain('dayBefore');
    expect(overdueMessages(monday, ctx('2026-12-04 15:30')).join('\n')).toContain(
      '確定期限 12月4日(金) 15:00',
    );
    // Booked Friday morning: not before Friday 15:00 (the old rule said Sunday 15:00).
    const morning = { ...monday, takenAt: at('2026-12-04 09:00') };
    expect(levels(morning, ctx('2026-12-04 14:59'))).not.toContain('dayBefore');
    expect(levels(morning, ctx('2026-12-04 15:00'))).toContain('dayBefore');
  });

  it('skips 年末年始: booked 12/28 for 1/4, the deadline is 12/28 15:00 (not 1/3)', () => {
    const newYear = unsent({ takenAt: at('2026-12-28 10:00'), date: day('2027-01-04') });
    expect(levels(newYear, ctx('2026-12-28 14:59'))).not.toContain('dayBefore');
    expect(levels(newYear, ctx('2026-12-28 15:00'))).toContain('dayBefore');
    expect(overdueMessages(newYear, ctx('2026-12-28 15:00')).join('\n')).toContain(
      '確定期限 12月28日(月) 15:00',
    );
  });

  it('skips a 休業日 of the booking’s 窓口 before the consultation', () => {
    const friday: ClosedDay = { date: day('2026-12-04'), office: '倉敷わかもの', reason: '研修' };
    const monday = unsent({ takenAt: at('2026-12-02 09:00'), date: day('2026-12-07') });
    expect(levels(monday, ctx('2026-12-03 15:00', [friday]))).toEqual(['dayBefore']);
    expect(levels(monday, ctx('2026-12-03 14:59', [friday]))).toEqual([]);
  });
});

describe('翌稼働日 after the consultation (R6)', () => {
  it('is raised by the 確定期限 alarm, never after the consultation', () => {
    // Taken Tuesday 09:00 for Wednesday 10:00: 翌稼働日 is Wednesday 17:15, after it starts.
    const b = unsent({ takenAt: at('2026-12-01 09:00'), date: day('2026-12-02'), start: 600 });
    expect(levels(b, ctx('2026-12-01 09:00'))).toEqual([]);
    expect(levels(b, ctx('2026-12-01 15:00'))).toEqual(['dayBefore']);
    expect(levels(b, ctx('2026-12-02 09:59'))).toEqual(['dayBefore']);
    // Taken Saturday for Monday: the 確定期限 (Friday 15:00) has passed, so at once.
    const weekend = unsent({ takenAt: at('2026-12-05 11:00'), date: day('2026-12-07') });
    expect(levels(weekend, ctx('2026-12-05 11:00'))).toEqual(['dayBefore']);
  });

  it('waits for 17:15 when the consultation comes later', () => {
    const b = unsent({ takenAt: at('2026-12-01 09:00'), date: day('2026-12-03'), start: 600 });
    expect(levels(b, ctx('2026-12-01 09:00'))).toEqual([]);
    expect(levels(b, ctx('2026-12-02 14:59'))).toEqual([]);
    expect(levels(b, ctx('2026-12-02 17:15'))).toEqual(['nextBusinessDay', 'dayBefore']);
  });
});

describe('送信中 left behind (a send that did not finish)', () => {
  const sending = booking({
    status: STATUS.taken,
    invitedAt: null,
    sending: true,
    sendingSince: at('2026-12-01 10:00'),
    date: day('2026-12-03'),
  });

  it('is stale after 10 minutes', () => {
    expect(levels(sending, ctx('2026-12-01 10:09'))).toEqual([]);
    expect(levels(sending, ctx('2026-12-01 10:10'))).toEqual(['stuckSending']);
    const [message] = overdueMessages(sending, ctx('2026-12-01 10:10'));
    expect(message).toMatch(/^エラー: /);
    expect(message).toContain('2026/12/01 10:00');
    expect(message).toContain('自動では再送しません');
  });

  it('is stale at once when its time cannot be read', () => {
    expect(levels({ ...sending, sendingSince: null }, ctx('2026-12-01 10:00'))).toEqual([
      'stuckSending',
    ]);
  });

  it('is left alone once a person has cancelled the booking', () => {
    expect(levels({ ...sending, status: STATUS.cancelled }, ctx('2026-12-01 11:00'))).toEqual([]);
  });
});

describe('overdueMessages', () => {
  it('gives one 注意:/エラー: line per level, naming no personal data', () => {
    const b = unsent({ takenAt: at('2026-11-30 09:00'), date: day('2026-12-02') });
    const lines = overdueMessages(b, ctx('2026-12-02 17:30'));
    expect(lines).toHaveLength(2);
    for (const line of lines) {
      expect(line).toMatch(/^(注意|エラー): /);
      expect(line).not.toContain(b.name);
      expect(line).not.toContain(b.seekerNo!);
      expect(line).not.toContain(b.email!);
    }
  });

  it('is the same text on every run within a level (so rewriting チェック結果 changes nothing)', () => {
    expect(overdueMessages(friday, ctx('2026-12-07 17:20'))).toEqual(
      overdueMessages(friday, ctx('2026-12-08 11:00')),
    );
  });
});

describe('dueTodayFlag: warned while the office can still act', () => {
  const due = (b: Parameters<typeof dueTodayFlag>[0], c: DueTodayContext) => {
    const flag = dueTodayFlag(b, c);
    return flag === null ? null : `${flag.level} ${flag.kind} ${flag.at.toISOString()}`;
  };
  const monday1715 = at('2026-12-07 17:15').toISOString();

  it('warns on the morning of the 翌稼働日, again before closing, never on the weekend', () => {
    expect(due(friday, ctx('2026-12-04 17:30'))).toBeNull();
    expect(due(friday, ctx('2026-12-05 09:00'))).toBeNull(); // Saturday
    expect(due(friday, ctx('2026-12-06 16:30'))).toBeNull(); // Sunday
    expect(due(friday, ctx('2026-12-07 08:59'))).toBeNull();
    expect(due(friday, ctx('2026-12-07 09:00'))).toBe(`dueMorning nextBusinessDay ${monday1715}`);
    expect(due(friday, ctx('2026-12-07 16:14'))).toBe(`dueMorning nextBusinessDay ${monday1715}`);
    expect(due(friday, ctx('2026-12-07 16:15'))).toBe(
      `dueBeforeClose nextBusinessDay ${monday1715}`,
    );
    expect(due(friday, ctx('2026-12-07 17:14'))).toBe(
      `dueBeforeClose nextBusinessDay ${monday1715}`,
    );
    // From 17:15 the overdue alarm stands instead.
    expect(due(friday, ctx('2026-12-07 17:15'))).toBeNull();
    expect(levels(friday, ctx('2026-12-07 17:15'))).toEqual(['nextBusinessDay']);
  });

  it('takes its times from 設定 (朝の通知時刻, 受付終了時刻, 受付終了前の通知（分）)', () => {
    const other = (now: string, change: Partial<DueTodayContext['settings']>) => ({
      ...ctx(now),
      settings: { ...settings, dueDayMorningAt: 8 * 60 + 30, officeClosesAt: 17 * 60, ...change },
    });
    expect(due(friday, other('2026-12-07 08:29', {}))).toBeNull();
    expect(due(friday, other('2026-12-07 08:30', {}))).toMatch(/^dueMorning /);
    expect(due(friday, other('2026-12-07 15:59', {}))).toMatch(/^dueMorning /);
    expect(due(friday, other('2026-12-07 16:00', {}))).toMatch(/^dueBeforeClose /);
    expect(due(friday, other('2026-12-07 16:29', { beforeCloseMinutes: 30 }))).toMatch(
      /^dueMorning /,
    );
    expect(due(friday, other('2026-12-07 16:30', { beforeCloseMinutes: 30 }))).toMatch(
      /^dueBeforeClose /,
    );
    // 0: no warning before closing; the morning one stands until the deadline.
    expect(due(friday, other('2026-12-07 16:55', { beforeCloseMinutes: 0 }))).toMatch(
      /^dueMorning /,
    );
  });

  it('warns of the 確定期限 (15:00) in the morning; 15:00 is before closing, so no second warning', () => {
    // Taken Monday 11/30 for Wednesday 12/2: 確定期限 Tuesday 12/1 15:00 comes before 17:15.
    const tomorrow = unsent({ takenAt: at('2026-11-30 09:00'), date: day('2026-12-02') });
    const tuesday15 = at('2026-12-01 15:00').toISOString();
    expect(due(tomorrow, ctx('2026-12-01 08:50'))).toBeNull();
    expect(due(tomorrow, ctx('2026-12-01 09:00'))).toBe(`dueMorning dayBefore ${tuesday15}`);
    expect(due(tomorrow, ctx('2026-12-01 14:59'))).toBe(`dueMorning dayBefore ${tuesday15}`);
    expect(due(tomorrow, ctx('2026-12-01 15:00'))).toBeNull();
    expect(due(tomorrow, ctx('2026-12-01 16:20'))).toBeNull();
    // A 前日確定期限 set late in the day gets the before-closing warning too.
    const late = {
      ...ctx('2026-12-01 16:15'),
      settings: { ...settings, dayBeforeAlertAt: 17 * 60 },
    };
    expect(due(tomorrow, late)).toBe(
      `dueBeforeClose dayBefore ${at('2026-12-01 17:00').toISOString()}`,
    );
  });

  it('leaves a booking typed after the warning time to its automatic send', () => {
    const typedToday = unsent({ takenAt: at('2026-12-01 10:00'), date: day('2026-12-02') });
    expect(due(typedToday, ctx('2026-12-01 10:10'))).toBeNull();
    const late = (now: string) => ({
      ...ctx(now),
      settings: { ...settings, dayBeforeAlertAt: 17 * 60 },
    });
    expect(due(typedToday, late('2026-12-01 16:20'))).toBe(
      `dueBeforeClose dayBefore ${at('2026-12-01 17:00').toISOString()}`,
    );
    const typedLate = { ...typedToday, takenAt: at('2026-12-01 16:20') };
    expect(due(typedLate, late('2026-12-01 16:30'))).toBeNull();
  });

  it('says nothing once sent, cancelled, while sending, or without 受付日時', () => {
    const c = ctx('2026-12-07 09:30');
    expect(due({ ...friday, invitedAt: at('2026-12-07 09:10') }, c)).toBeNull();
    expect(due({ ...friday, status: STATUS.cancelled }, c)).toBeNull();
    expect(due({ ...friday, sending: true, sendingSince: at('2026-12-07 09:25') }, c)).toBeNull();
    expect(due({ ...friday, takenAt: null }, c)).toBeNull();
  });

  it('moves with a 休業日: the warning comes on the next business day', () => {
    const monday: ClosedDay = { date: day('2026-12-07'), office: null, reason: '研修' };
    expect(due(friday, ctx('2026-12-07 09:00', [monday]))).toBeNull();
    expect(due(friday, ctx('2026-12-08 09:00', [monday]))).toMatch(/^dueMorning nextBusinessDay /);
  });
});
