// When a キャンセル通知 is due (issue 15 §3): one mail confirming a cancellation staff recorded on
// a booking whose invitation went. Never for 無断キャンセル (that goes through staff, 第6条(5)),
// never for a booking never invited, and only once the row has been left alone for 送信待ち時間,
// so a slip of the 状態 dropdown can be undone before the mail. Pure: app/tick/followUps.ts sends.
import type { LedgerEntry } from './invitationLedger';
import { isQuietSince } from './quiet';
import type { FollowUpRow } from './reminders';
import { STATUS } from './schema';
import type { Settings } from './settings';
import { compareDays, dayOf } from './time';

/** What the sheet and 設定 say: キャンセル通知 はい, 状態 キャンセル, 相談日 ≥ today, left alone. */
export function cancelNoticeCandidate(
  row: FollowUpRow,
  settings: Pick<Settings, 'cancelNotice' | 'quietMinutes'>,
  now: Date,
): boolean {
  const { booking } = row;
  if (!settings.cancelNotice || row.id === '' || booking.status !== STATUS.cancelled) return false;
  if (booking.date === null || compareDays(booking.date, dayOf(now)) < 0) return false;
  return isQuietSince(booking, now, settings.quietMinutes);
}

/** What the ledger adds: the invitation went, and no notice was ever started for this booking. */
export function cancelNoticeAllowedByLedger(entry: LedgerEntry | undefined): boolean {
  return entry !== undefined && entry.state === 'sent' && entry.cancelNotice === undefined;
}
