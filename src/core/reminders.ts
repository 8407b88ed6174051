// When a 前日リマインダー is due (issue 15 §1): one mail per 確定 booking, on the last business day
// of its 窓口 before the consultation, from 設定「リマインダー送信時刻」. Only on that day: a tick
// missed that day is not caught up later (a weekend reminder would arrive after the office's
// last chance to take a cancellation call). An invitation sent the same day is its own reminder.
// Pure: app/tick/followUps.ts sends.
import type { NormalizedBooking } from './booking';
import { businessDayBefore, type ClosedDay } from './calendar';
import type { LedgerEntry } from './invitationLedger';
import { STATUS } from './schema';
import type { Settings } from './settings';
import { compareDays, dayOf, instantAt, type LocalDate } from './time';

export interface FollowUpRow {
  /** The 予約ID after the check. */
  id: string;
  booking: NormalizedBooking;
  /** The check's エラー lines for the row. */
  errors: readonly string[];
}

/** The day a booking's reminder goes: its 窓口's last business day before 相談日. */
export function reminderDay(
  day: LocalDate,
  office: string,
  closedDays: readonly ClosedDay[],
): LocalDate {
  return businessDayBefore(day, 1, office, closedDays);
}

/**
 * What the sheet and 設定 say (no ledger needed): 前日リマインダー はい, 確定, no エラー (a changed
 * booking awaiting 再送 gets none), today the reminder day, now ≥ リマインダー送信時刻, today < 相談日.
 */
export function reminderCandidate(
  row: FollowUpRow,
  settings: Pick<Settings, 'reminder' | 'reminderAt'>,
  closedDays: readonly ClosedDay[],
  now: Date,
): boolean {
  const { booking } = row;
  if (!settings.reminder || row.id === '' || booking.status !== STATUS.confirmed) return false;
  if (row.errors.length > 0 || booking.date === null) return false;
  const today = dayOf(now);
  if (compareDays(today, booking.date) >= 0) return false;
  if (reminderDay(booking.date, booking.office, closedDays) !== today) return false;
  return now.getTime() >= instantAt(today, settings.reminderAt).getTime();
}

/**
 * What the ledger adds: the invitation went (state sent) on an earlier day than today, and no
 * reminder was ever started for this booking (sending, sent or failed: never a second).
 */
export function reminderAllowedByLedger(entry: LedgerEntry | undefined, now: Date): boolean {
  if (entry === undefined || entry.state !== 'sent' || entry.reminder !== undefined) return false;
  return compareDays(dayOf(new Date(entry.at)), dayOf(now)) < 0;
}
