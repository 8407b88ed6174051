// onEdit's flag of a 確定 booking changed after its invitation (issue 15 §2): written into its
// チェック結果 at once, so nobody has to wait for the next check to see that 招待メールを再送 is
// needed. Only an edit of a watched column on a 確定 row reads the ledger; nothing is cleared
// here (the next check keeps or rewrites the line, as it always has).
import { readBooking } from '../../core/booking';
import {
  changedBookingLine,
  checkCellWithChangedLine,
  WATCHED_HEADERS,
} from '../../core/changedBooking';
import { BOOKING, STATUS } from '../../core/schema';
import { dayOf } from '../../core/time';
import { type Cell, fieldReader } from '../../sheet/table';
import { InvitationLedger } from '../invitationLedger';
import type { EditedRows } from './types';

/** Row index → the changed-booking line, for the edited 確定 rows the ledger says differ. */
export function changedBookingFlags(edit: EditedRows): Map<number, string> {
  const flags = new Map<number, string>();
  if (!edit.editedHeaders.some((h) => WATCHED_HEADERS.includes(h))) return flags;
  if (!edit.headers.includes(BOOKING.checkResult)) return flags;
  const read = fieldReader(edit.headers, BOOKING);
  const today = dayOf(new Date());
  const confirmed = edit.rows.flatMap((values, i) => {
    const rowNumber = edit.firstRow + i;
    const { booking } = readBooking({ rowNumber, values: read({ rowNumber, values }) }, today);
    return booking.status === STATUS.confirmed && booking.id !== '' ? [{ i, booking }] : [];
  });
  if (confirmed.length === 0) return flags;
  const ledger = InvitationLedger.load();
  for (const { i, booking } of confirmed) {
    const line = changedBookingLine(booking, ledger.get(booking.id));
    if (line !== null) flags.set(i, line);
  }
  return flags;
}

/** Each flag into its row's チェック結果, where the row still holds the same 予約ID (`same`). */
export function writeChangedBookingFlags(
  edit: EditedRows,
  again: readonly Cell[][],
  flags: ReadonlyMap<number, string>,
  same: (i: number) => boolean,
): void {
  const column = edit.headers.indexOf(BOOKING.checkResult);
  for (const [i, line] of flags) {
    if (!same(i)) continue;
    const text = checkCellWithChangedLine(again[i]?.[column] ?? '', line);
    if (text !== null) edit.sheet.getRange(edit.firstRow + i, column + 1).setValue(text);
  }
}
