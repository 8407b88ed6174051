// 予約ID for the rows the check records that have none: an id back when the row shows an
// invitation the ledger holds under an id no row has, else a new one.
import { normalizeBooking, type RawBooking } from '../../core/check';
import { sentDetailsOf } from '../../core/invitationLedger';
import { BOOKING } from '../../core/schema';
import type { LocalDate } from '../../core/time';
import { cellText, type Table, type TableRow } from '../../sheet/table';
import { issueBookingIds } from '../bookingIds';
import type { InvitationLedger } from '../invitationLedger';

/** Index in `rows` → the 予約ID this run gives it. */
export function idsForTargets(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  table: Table,
  rows: readonly TableRow[],
  targets: readonly number[],
  read: (row: TableRow) => RawBooking['values'],
  today: LocalDate,
  sameInvitationAs: ReturnType<InvitationLedger['sameInvitationIndex']>,
): Map<number, string> {
  const idIndex = table.headers.indexOf(BOOKING.id);
  const needIds = targets.filter((i) => cellText(rows[i]!.values[idIndex]) === '');
  // A row whose 予約ID was cleared gets it back when it shows an invitation the ledger holds
  // under an id no row has: the booking stays one booking (and is never mailed again).
  const idsOnSheet = new Set(table.rows.map((row) => cellText(row.values[idIndex])));
  const restoredIds = new Map<number, string>();
  for (const i of needIds) {
    const booking = normalizeBooking(
      { rowNumber: rows[i]!.rowNumber, values: read(rows[i]!) },
      today,
    );
    const id = sameInvitationAs('', sentDetailsOf(booking));
    if (id === undefined || idsOnSheet.has(id)) continue;
    idsOnSheet.add(id);
    restoredIds.set(i, id);
  }
  const fresh = needIds.filter((i) => !restoredIds.has(i));
  const newIds = issueBookingIds(
    fresh.length,
    table.rows.map((row) => row.values[idIndex]),
    spreadsheet,
  );
  return new Map([...restoredIds, ...fresh.map((i, n): [number, string] => [i, newIds[n]!])]);
}
