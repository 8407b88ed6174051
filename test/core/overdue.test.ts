import { describe, expect, it } from 'vitest';
import type { ClosedDay } from '../../src/core/calendar';
import { overdueFlags, overdueMessages, type OverdueContext } from '../../src/core/overdue';
import { STATUS } from '../../src/core/schema';
import { at, booking, day, settings, unsent } from './tickFixtures';

const ctx = (now: string, closedDays: ClosedDay[] = []): OverdueContext => ({
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

describe('相談日 tomorrow and past 15:00 (R5)', () => {
  // Taken today (Tuesday 12/1 09:00) for Wednesday 12/2: R6's deadline (12/2 17:15) comes later.
  const tomorrow = unsent({ takenAt: at('2026-12-01 09:00'), date: day('2026-12-02') });

  it('flags from 15:00 the day before', () => {
    expect(levels(tomorrow, ctx('2026-12-01 14:59'))).toEqual([]);
    expect(levels(tomorrow, ctx('2026-12-01 15:00'))).toEqual(['dayBefore']);
    expect(overdueMessages(tomorrow, ctx('2026-12-01 15:00'))[0]).toMatch(
      /^注意: .*12月2日\(水\).*15:00/,
    );
  });

  it('flags the day itself (day arrived unsent), and stops once it has passed', () => {
    expect(levels(tomorrow, ctx('2026-12-02 08:00'))).toEqual(['dayBefore']);
    expect(overdueMessages(tomorrow, ctx('2026-12-02 08:00'))[0]).toMatch(
      /「相談日」（12月2日\(水\)）になっても/,
    );
    expect(levels(tomorrow, ctx('2026-12-02 17:15'))).toEqual(['nextBusinessDay', 'dayBefore']);
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
    const twoDays = { ...ctx('2026-12-01 15:00'), settings: { ...settings, deadlineDays: 2 } };
    expect(levels({ ...tomorrow, date: day('2026-12-03') }, twoDays)).toEqual(['dayBefore']);
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
    const b = unsent({ takenAt: at('2026-12-01 09:00'), date: day('2026-12-02') });
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
