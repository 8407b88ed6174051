// When a キャンセル通知 is due (issue 15 §3): one mail confirming a cancellation staff recorded on
// a booking whose invitation went. Never for 無断キャンセル (that goes through staff, 第6条(5)),
// never for a booking never invited, and only once the row has been left alone for 送信待ち時間,
// so a slip of the 状態 dropdown can be undone before the mail. Pure: app/tick/followUps.ts sends.
//
// A cancellation is one the job seeker asked for before the consultation: the row's last edit
// (the キャンセル) must come before 開始時刻 + 無断キャンセル判定（分）, the moment a 確定 booking
// nobody joined becomes a 無断キャンセル. キャンセル recorded later (a 無断キャンセル reclassified,
// a call after the slot) gets no mail: staff speak to the person. And the mail names only what
// the invitation named: a row whose 相談日, 開始時刻, 会議URL or メールアドレス changed since gets none
// (the new address was never invited; the old one is not kept).
import type { NormalizedBooking } from './booking';
import { changedSince, type LedgerEntry, sentDetailsOf } from './invitationLedger';
import { isQuietSince, lastEditOf } from './quiet';
import type { FollowUpRow } from './reminders';
import { STATUS } from './schema';
import type { Settings } from './settings';
import { addMinutes, compareDays, dayOf, instantAt } from './time';

type NoticeSettings = Pick<Settings, 'cancelNotice' | 'quietMinutes' | 'noShowMinutes'>;

/**
 * What the sheet and 設定 say: キャンセル通知 はい, 状態 キャンセル, 相談日 ≥ today, recorded before
 * the booking could have become a 無断キャンセル, left alone.
 */
export function cancelNoticeCandidate(
  row: FollowUpRow,
  settings: NoticeSettings,
  now: Date,
): boolean {
  const { booking } = row;
  if (!settings.cancelNotice || row.id === '' || booking.status !== STATUS.cancelled) return false;
  if (booking.date === null || compareDays(booking.date, dayOf(now)) < 0) return false;
  if (!recordedInTime(booking, settings.noShowMinutes)) return false;
  if (!recordedRecently(booking, now)) return false;
  return isQuietSince(booking, now, settings.quietMinutes);
}

/**
 * A cancellation recorded more than this long ago is not told: キャンセル通知 turned on later must
 * not mail every old cancellation at once, and a notice days after the phone call says nothing new.
 */
export const CANCEL_NOTICE_WINDOW_HOURS = 24;

function recordedRecently(booking: NormalizedBooking, now: Date): boolean {
  const last = lastEditOf(booking);
  if (last === null) return true; // not quiet yet: the next run reads the stamp
  return now.getTime() - last.getTime() <= CANCEL_NOTICE_WINDOW_HOURS * 60 * 60 * 1000;
}

/** The row's last edit came before 開始時刻 + 無断キャンセル判定（分） of its 相談日. */
function recordedInTime(booking: NormalizedBooking, noShowMinutes: number): boolean {
  const last = lastEditOf(booking);
  if (last === null) return true; // not quiet yet: the next run reads the stamp
  if (booking.date === null || booking.start === null) return false;
  const noShowAt = addMinutes(instantAt(booking.date, booking.start), noShowMinutes);
  return last.getTime() < noShowAt.getTime();
}

/** What the ledger adds: the invitation went, and no notice was ever started for this booking. */
export function cancelNoticeAllowedByLedger(entry: LedgerEntry | undefined): boolean {
  return entry !== undefined && entry.state === 'sent' && entry.cancelNotice === undefined;
}

/** The row still says what its invitation said (day, time, URL, address). */
export function namesTheInvitation(
  entry: LedgerEntry | undefined,
  booking: NormalizedBooking,
): boolean {
  const now = sentDetailsOf(booking);
  return entry !== undefined && now !== null && changedSince(entry, now).length === 0;
}
