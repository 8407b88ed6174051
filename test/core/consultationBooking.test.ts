import { describe, expect, it } from 'vitest';
import { changedBookingLine, checkCellWithChangedLine } from '../../src/core/changedBooking';
import type { checkBookings } from '../../src/core/check';
import { confirmedDuringConsultation } from '../../src/core/checkMessages';
import {
  awaitsInvitation,
  isConfirmedPendingInvitation,
  withPendingLedgerFinding,
} from '../../src/core/consultationBooking';
import { sentDetailsOf } from '../../src/core/invitationLedger';
import { overdueFlags, overdueMessages } from '../../src/core/overdue';
import { STATUS } from '../../src/core/schema';
import { at, day, settings, unsent } from './tickFixtures';

const ctx = (now: string) => ({ now: at(now), settings, closedDays: [] });
// Taken Monday 11/30 during a consultation, for Wednesday 12/2.
const pending = unsent({
  takenAt: at('2026-11-30 10:00'),
  date: day('2026-12-02'),
  status: STATUS.confirmed,
  channel: 'オンライン相談中',
});

describe('第6条(4): 確定 during a consultation, invitation pending', () => {
  it('is pending only for オンライン相談中 with a blank send time', () => {
    expect(isConfirmedPendingInvitation(pending)).toBe(true);
    expect(awaitsInvitation(pending)).toBe(true);
    expect(isConfirmedPendingInvitation({ ...pending, channel: '電話' })).toBe(false);
    expect(awaitsInvitation({ ...pending, channel: '窓口' })).toBe(false);
    const sent = { ...pending, invitedAt: at('2026-11-30 10:30') };
    expect(isConfirmedPendingInvitation(sent)).toBe(false);
    expect(awaitsInvitation({ ...pending, status: STATUS.taken, channel: '電話' })).toBe(true);
  });

  it('is watched like 受付: past 前日確定期限 flagged, saying the URL has not reached the person', () => {
    expect(overdueFlags(pending, ctx('2026-12-01 14:59'))).toEqual([]);
    const flags = overdueFlags(pending, ctx('2026-12-01 15:00'));
    expect(flags.map((f) => f.level)).toEqual(['dayBefore']);
    expect(flags[0]!.message).toMatch(/^注意: .*相談中に確定していますが、会議URLがまだ/);
    expect(overdueMessages({ ...pending, channel: '電話' }, ctx('2026-12-01 15:00'))).toEqual([]);
    const onTheDay = overdueMessages(pending, ctx('2026-12-02 08:00'));
    expect(onTheDay.join('\n')).toContain('会議URLを伝えてください');
  });
});

describe('the changed-booking line onEdit writes', () => {
  const mailed = sentDetailsOf({ ...pending, email: 'a@example.jp', start: 600 })!;
  const moved = { ...pending, email: 'a@example.jp', start: 660 };

  it('names what changed for a 確定 booking only', () => {
    expect(changedBookingLine(moved, mailed)).toContain('「開始時刻」が変わりました');
    expect(changedBookingLine({ ...moved, start: 600 }, mailed)).toBeNull();
    expect(changedBookingLine({ ...moved, status: STATUS.taken }, mailed)).toBeNull();
    expect(changedBookingLine(moved, undefined)).toBeNull();
  });

  it('replaces an earlier changed line, keeps the others, and says null when already there', () => {
    const line = changedBookingLine(moved, mailed)!;
    const earlier = changedBookingLine({ ...moved, start: 600, date: day('2026-12-03') }, mailed)!;
    const cell = checkCellWithChangedLine(`エラー1件・注意1件\n${earlier}\n注意: x`, line);
    expect(cell).toBe(`エラー1件・注意1件\n${line}\n注意: x`);
    expect(checkCellWithChangedLine(cell, line)).toBeNull();
    expect(checkCellWithChangedLine('OK', line)).toBe(`エラー1件\n${line}`);
  });
});

describe('a pending row the ledger knows', () => {
  const line = confirmedDuringConsultation();
  const result = {
    text: `注意1件\n${line}`,
    errors: [],
    warnings: [line],
    booking: pending,
    finished: false,
  } satisfies ReturnType<typeof checkBookings>[number];

  it('mailed under its own id or another: the 注意 gives way to the ledger エラー', () => {
    const entry = {
      ...sentDetailsOf({ ...pending, email: 'a@example.jp', start: 600 })!,
      state: 'sent' as const,
      at: 0,
    };
    const own = withPendingLedgerFinding(result, entry, line);
    expect(own.warnings).toEqual([]);
    expect(own.text).toMatch(/^エラー1件\nエラー: 招待メールは送信済みです/);
    const other = withPendingLedgerFinding(result, undefined, line, 'Y000007');
    expect(other.text).toContain('予約ID Y000007 として送信済みです');
    expect(withPendingLedgerFinding(result, undefined, line)).toBe(result);
    const phoned = { ...result, booking: { ...pending, channel: '電話' } };
    expect(withPendingLedgerFinding(phoned, entry, line)).toBe(phoned);
  });
});
