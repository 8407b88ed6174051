// What a check writes into a row, and what it tells the person about copied 予約ID.
import type { NormalizedBooking } from '../../core/check';
import { groupBy } from '../../core/groupBy';
import { BOOKING } from '../../core/schema';
import { formatMonth } from '../../core/time';
import { BOOKING_WRITE_PLAN } from '../../sheet/bookings';
import { keyOfRowOrCopy, type OwnedChange } from '../../sheet/ownedWrites';
import type { Cell, Table } from '../../sheet/table';
import type { CheckedRow } from './types';

/** Edited (最終更新) after the mail service refused its invitation. */
export function fixedSinceFailure(booking: NormalizedBooking): boolean {
  const failure = booking.sendFailure;
  if (failure === null || booking.updatedAt === null) return false;
  return failure.at === null || booking.updatedAt > failure.at;
}

/**
 * The script-owned cells a check writes: 予約ID (new), 受付日時 (if blank), 相談月, チェック結果,
 * and 招待メール送信日時 back to blank when a refused send's row has been fixed.
 */
export function recordChanges(
  table: Table,
  checked: CheckedRow,
  newId: string | undefined,
  now: Date,
  clearFailure: boolean,
): OwnedChange[] {
  const { row, result } = checked;
  // A copied row's エラー (same 予約ID) must reach both copies: key them as copies of the id.
  const key = keyOfRowOrCopy(BOOKING_WRITE_PLAN, table, row);
  const current = (header: string): Cell => row.values[table.headers.indexOf(header)] ?? '';
  const change = (header: string, value: Cell): OwnedChange => ({
    key,
    header,
    expected: current(header),
    value,
  });
  const changes = [
    change(BOOKING.checkResult, result.text),
    change(BOOKING.month, result.booking.date ? formatMonth(result.booking.date) : ''),
  ];
  if (newId !== undefined) changes.push(change(BOOKING.id, newId));
  if (clearFailure) changes.push(change(BOOKING.invitedAt, ''));
  if (current(BOOKING.takenAt) === '') changes.push(change(BOOKING.takenAt, now));
  return changes;
}

/** A copied row carries its 予約ID along; the script cannot tell the two apart, so it says so. */
export function duplicatedIdProblems(checked: readonly CheckedRow[]): string[] {
  const rowsById = groupBy(
    checked.filter((c) => c.id !== ''),
    (c) => c.id,
  );
  return [...rowsById]
    .filter(([, rows]) => rows.length > 1)
    .map(
      ([id, rows]) =>
        `予約ID ${id} が ${rows.map((c) => `${c.row.rowNumber}行目`).join('・')} にあります。` +
        '行をコピーして作った予約なら、その行の「予約ID」を空にしてから、もう一度チェックしてください。',
    );
}
