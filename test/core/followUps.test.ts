// The rules of the 前日リマインダー and the キャンセル通知 (issue 15 §1, §3): when each is due, at
// most once per booking, and the quota left to them after the invitations.
import { describe, expect, it } from 'vitest';
import type { ClosedDay } from '../../src/core/calendar';
import {
  cancelNoticeAllowedByLedger,
  CANCEL_NOTICE_WINDOW_HOURS,
  cancelNoticeCandidate,
  namesTheInvitation,
} from '../../src/core/cancelNotices';
import { dueFollowUps, followUpAllowance, followUpCandidates } from '../../src/core/followUpPlan';
import { type LedgerEntry, sentDetailsOf } from '../../src/core/invitationLedger';
import {
  reminderAllowedByLedger,
  reminderCandidate,
  reminderDay,
  type FollowUpRow,
} from '../../src/core/reminders';
import { STATUS } from '../../src/core/schema';
import { at, booking, day, settings as defaults } from './tickFixtures';

const on = { ...defaults, reminder: true, cancelNotice: true, reminderAt: 12 * 60 };
const monday = day('2026-12-07');

const row = (
  overrides: Parameters<typeof booking>[0] = {},
  errors: string[] = [],
): FollowUpRow => ({
  id: 'Y000001',
  booking: booking({ date: monday, ...overrides }),
  errors,
});

const entry = (overrides: Partial<LedgerEntry> = {}): LedgerEntry => ({
  state: 'sent',
  day: monday,
  start: 600,
  urlHash: 'u',
  addressHash: 'a',
  domain: 'example.jp',
  at: at('2026-12-01 09:30').getTime(),
  ...overrides,
});

describe('the reminder day', () => {
  it('is the Friday before a Monday, and before a Tuesday after a Monday holiday', () => {
    expect(reminderDay(monday, '倉敷わかもの', [])).toBe('2026-12-04');
    // 2027-01-11 is 成人の日.
    expect(reminderDay(day('2027-01-12'), '倉敷わかもの', [])).toBe('2027-01-08');
  });

  it("skips a 休業日 of the row's 窓口 only", () => {
    const closed: ClosedDay[] = [
      { date: day('2026-12-04'), office: '倉敷わかもの', reason: '研修' },
    ];
    expect(reminderDay(monday, '倉敷わかもの', closed)).toBe('2026-12-03');
    expect(reminderDay(monday, '倉敷中央', closed)).toBe('2026-12-04');
  });
});

describe('reminderCandidate', () => {
  it('from リマインダー送信時刻 on the reminder day, not before, not the day before', () => {
    expect(reminderCandidate(row(), on, [], at('2026-12-04 12:00'))).toBe(true);
    expect(reminderCandidate(row(), on, [], at('2026-12-04 23:50'))).toBe(true);
    expect(reminderCandidate(row(), on, [], at('2026-12-04 11:59'))).toBe(false);
    expect(reminderCandidate(row(), on, [], at('2026-12-03 12:00'))).toBe(false);
    // A missed Friday is not caught up at the weekend, nor on the day itself.
    expect(reminderCandidate(row(), on, [], at('2026-12-05 12:00'))).toBe(false);
    expect(reminderCandidate(row(), on, [], at('2026-12-07 08:00'))).toBe(false);
  });

  it('never when いいえ, not 確定, with an エラー or without an id', () => {
    const friday = at('2026-12-04 12:10');
    expect(reminderCandidate(row(), { ...on, reminder: false }, [], friday)).toBe(false);
    expect(reminderCandidate(row({ status: STATUS.cancelled }), on, [], friday)).toBe(false);
    expect(reminderCandidate(row({ status: STATUS.taken }), on, [], friday)).toBe(false);
    expect(reminderCandidate(row({}, ['【エラー】 x']), on, [], friday)).toBe(false);
    expect(reminderCandidate({ ...row(), id: '' }, on, [], friday)).toBe(false);
  });
});

describe('reminderAllowedByLedger', () => {
  const friday = at('2026-12-04 12:00');
  it('after an invitation sent on an earlier day, once', () => {
    expect(reminderAllowedByLedger(entry(), friday)).toBe(true);
    expect(reminderAllowedByLedger(entry({ reminder: 'sent' }), friday)).toBe(false);
    expect(reminderAllowedByLedger(entry({ reminder: 'sending' }), friday)).toBe(false);
    expect(reminderAllowedByLedger(entry({ reminder: 'failed' }), friday)).toBe(false);
  });

  it('not when the invitation is not known to have gone, nor when it went today', () => {
    expect(reminderAllowedByLedger(undefined, friday)).toBe(false);
    expect(reminderAllowedByLedger(entry({ state: 'sending' }), friday)).toBe(false);
    const today = at('2026-12-04 09:30').getTime();
    expect(reminderAllowedByLedger(entry({ at: today }), friday)).toBe(false);
  });
});

describe('the cancellation notice', () => {
  const cancelled = (overrides = {}) =>
    row({ status: STATUS.cancelled, updatedAt: at('2026-12-02 10:00'), ...overrides });

  it('for キャンセル left alone for 送信待ち時間, up to the consultation day', () => {
    const quiet = on.quietMinutes;
    expect(quiet).toBeGreaterThan(0);
    const edited = at('2026-12-02 10:00').getTime();
    const after = new Date(edited + quiet * 60_000);
    const before = new Date(edited + (quiet - 1) * 60_000);
    expect(cancelNoticeCandidate(cancelled(), on, after)).toBe(true);
    expect(cancelNoticeCandidate(cancelled(), on, before)).toBe(false);
    // Up to the consultation day, for a キャンセル recorded within the last 24 hours.
    const thatMorning = cancelled({ updatedAt: at('2026-12-07 08:00') });
    expect(cancelNoticeCandidate(thatMorning, on, at('2026-12-07 09:00'))).toBe(true);
    expect(cancelNoticeCandidate(thatMorning, on, at('2026-12-08 09:00'))).toBe(false);
  });

  it('not for a キャンセル recorded more than 24 hours ago (キャンセル通知 turned on later)', () => {
    expect(CANCEL_NOTICE_WINDOW_HOURS).toBe(24);
    expect(cancelNoticeCandidate(cancelled(), on, at('2026-12-03 10:00'))).toBe(true);
    expect(cancelNoticeCandidate(cancelled(), on, at('2026-12-03 10:01'))).toBe(false);
    expect(cancelNoticeCandidate(cancelled(), on, at('2026-12-04 12:00'))).toBe(false);
  });

  it('never for 無断キャンセル, 確定, or when いいえ', () => {
    const later = at('2026-12-03 10:00');
    expect(cancelNoticeCandidate(cancelled({ status: STATUS.noShow }), on, later)).toBe(false);
    expect(cancelNoticeCandidate(cancelled({ status: STATUS.confirmed }), on, later)).toBe(false);
    expect(cancelNoticeCandidate(cancelled(), { ...on, cancelNotice: false }, later)).toBe(false);
  });

  it('only for a キャンセル recorded before 開始時刻 + 無断キャンセル判定（分）', () => {
    const late = on.noShowMinutes;
    const onTheDay = (time: string) =>
      cancelled({ date: monday, updatedAt: at(`2026-12-07 ${time}`) });
    const noon = at('2026-12-07 12:00');
    expect(cancelNoticeCandidate(onTheDay('09:55'), on, noon)).toBe(true);
    expect(
      cancelNoticeCandidate(onTheDay(`10:${String(late - 1).padStart(2, '0')}`), on, noon),
    ).toBe(true);
    expect(cancelNoticeCandidate(onTheDay(`10:${String(late).padStart(2, '0')}`), on, noon)).toBe(
      false,
    );
    expect(cancelNoticeCandidate(onTheDay('11:00'), on, noon)).toBe(false);
  });

  it('only for a row that still says what the invitation said', () => {
    const b = cancelled().booking;
    const sent = entry(sentDetailsOf(b)!);
    expect(namesTheInvitation(sent, b)).toBe(true);
    expect(namesTheInvitation(sent, { ...b, email: 'other@example.jp' })).toBe(false);
    expect(namesTheInvitation(sent, { ...b, start: 660 })).toBe(false);
    expect(namesTheInvitation(undefined, b)).toBe(false);
  });

  it('only after a sent invitation, once', () => {
    expect(cancelNoticeAllowedByLedger(entry())).toBe(true);
    expect(cancelNoticeAllowedByLedger(undefined)).toBe(false);
    expect(cancelNoticeAllowedByLedger(entry({ state: 'sending' }))).toBe(false);
    expect(cancelNoticeAllowedByLedger(entry({ cancelNotice: 'sent' }))).toBe(false);
  });
});

describe('the plan', () => {
  it('lists nothing when both settings are いいえ', () => {
    const off = { ...on, reminder: false, cancelNotice: false };
    expect(followUpCandidates([row()], off, [], at('2026-12-04 12:00'))).toEqual([]);
  });

  it('reminders first, then notices, filtered by the ledger', () => {
    const rows = [
      { ...row({ status: STATUS.cancelled, updatedAt: at('2026-12-04 09:00') }), id: 'Y000002' },
      row(),
      { ...row(), id: 'Y000003' },
    ];
    const now = at('2026-12-04 12:00');
    const candidates = followUpCandidates(rows, on, [], now);
    expect(candidates.map((c) => [c.kind, c.row.id])).toEqual([
      ['reminder', 'Y000001'],
      ['reminder', 'Y000003'],
      ['cancellation', 'Y000002'],
    ]);
    const ledger = new Map([
      ['Y000001', entry()],
      // A notice needs the row to say what the invitation said.
      ['Y000002', entry(sentDetailsOf(rows[0]!.booking)!)],
      ['Y000003', entry({ reminder: 'sent' })],
    ]);
    const due = dueFollowUps(candidates, (id) => ledger.get(id), now);
    expect(due.map((c) => c.row.id)).toEqual(['Y000001', 'Y000002']);
    ledger.set('Y000002', entry());
    const changed = dueFollowUps(candidates, (id) => ledger.get(id), now);
    expect(changed.map((c) => c.row.id)).toEqual(['Y000001']);
  });

  it('leaves the ready invitations their quota', () => {
    expect(followUpAllowance(1, 1)).toBe(0);
    expect(followUpAllowance(5, 2)).toBe(3);
    expect(followUpAllowance(1, 3)).toBe(0);
    expect(followUpAllowance(2, 0)).toBe(2);
  });
});
