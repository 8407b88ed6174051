// "Left alone for 送信待ち時間": no edit in the last `quietMinutes` minutes, so a slip of a
// dropdown can be undone before any mail goes. The one reading of it, for the automatic
// invitations (core/readiness.ts) and the キャンセル通知 alike: the last edit is 最終更新, or
// 受付日時 when that is blank; a row with neither has just been seen for the first time, so it
// waits one more run.
import type { NormalizedBooking } from './booking';
import { minutesBetween } from './time';

type Stamps = Pick<NormalizedBooking, 'updatedAt' | 'takenAt'>;

/** The row's last edit: the later of 最終更新 and 受付日時; null when both are blank. */
export function lastEditOf(booking: Stamps): Date | null {
  const stamps = [booking.updatedAt, booking.takenAt].filter((d): d is Date => d !== null);
  if (stamps.length === 0) return null;
  return new Date(Math.max(...stamps.map((d) => d.getTime())));
}

export function isQuietSince(booking: Stamps, now: Date, quietMinutes: number): boolean {
  if (quietMinutes <= 0) return true;
  const last = lastEditOf(booking);
  if (last === null) return false;
  return minutesBetween(last, now) >= quietMinutes;
}
