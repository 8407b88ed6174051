// No-shows (R9): when a 確定 booking becomes 無断キャンセル or 実施 (the only status changes the
// 10-minute tick makes), how no-shows are counted per job seeker, and when their number calls
// for a warning (利用停止の目安). A status a person set (キャンセル, 実施, 無断キャンセル, or 受付 on
// a booking not yet invited) is never touched; only 確定 moves, and only once its time has come.

import { isConfirmedPendingInvitation } from './consultationBooking';
import type { NormalizedBooking } from './booking';
import { STATUS, type Status } from './schema';
import type { Settings } from './settings';
import { dayOf, instantAt, type LocalDate, type TimeOfDay } from './time';

export type NoShowSettings = Pick<Settings, 'noShowMinutes' | 'durationMinutes'>;

/** 無断キャンセル per normalised 求職番号 (the caller passes live and archived bookings). */
export function countNoShows(
  bookings: readonly Pick<NormalizedBooking, 'status' | 'seekerNo'>[],
): Map<string, number> {
  const counts = new Map<string, number>();
  for (const b of bookings) {
    if (b.status === STATUS.noShow && b.seekerNo !== null) {
      counts.set(b.seekerNo, (counts.get(b.seekerNo) ?? 0) + 1);
    }
  }
  return counts;
}

/** 利用停止の目安: this many no-shows or more, and a new booking of the person gets a warning. */
export function reachesNoShowThreshold(
  noShows: number,
  settings: Pick<Settings, 'suspendThreshold'>,
): boolean {
  return noShows >= settings.suspendThreshold;
}

export interface StatusTransition {
  from: Status;
  to: typeof STATUS.noShow | typeof STATUS.held;
}

/**
 * What the tick should set 状態 to for this booking at `now`, or null to leave it alone:
 * - 確定, today, `noShowMinutes` past the start and 参加 not ticked → 無断キャンセル;
 * - 確定, 参加 ticked and the consultation over (start + duration) → 実施;
 * - but never 無断キャンセル for a 第6条(4) 確定 whose invitation was never sent.
 * A no-show is decided on its own day only: a 確定 left over from an earlier day is for staff
 * to settle (the tick may have been off, or the row typed in after the event).
 */
export function statusTransition(
  booking: Pick<NormalizedBooking, 'status' | 'date' | 'start' | 'joined'> &
    Partial<Pick<NormalizedBooking, 'channel' | 'invitedAt'>>,
  now: Date,
  settings: NoShowSettings,
): StatusTransition | null {
  const { status, date, start } = booking;
  if (status !== STATUS.confirmed || date === null || start === null) return null;
  if (booking.joined) {
    return now >= minutesAfter(date, start, settings.durationMinutes)
      ? { from: status, to: STATUS.held }
      : null;
  }
  if (date !== dayOf(now)) return null;
  // 第6条(4) 確定 whose invitation (the meeting URL) never went: the person could not join, so
  // no automatic 無断キャンセル — the watchdog has flagged it, staff settle it.
  const pending = { status, channel: booking.channel ?? '', invitedAt: booking.invitedAt ?? null };
  if (isConfirmedPendingInvitation(pending)) return null;
  return now >= minutesAfter(date, start, settings.noShowMinutes)
    ? { from: status, to: STATUS.noShow }
    : null;
}

function minutesAfter(date: LocalDate, start: TimeOfDay, minutes: number): Date {
  return instantAt(date, start + minutes);
}

/** '10分': how the mail, the .ics and the column note say 無断キャンセル判定（分）. */
export function noShowWords(noShowMinutes: number): string {
  return `${noShowMinutes}分`;
}
