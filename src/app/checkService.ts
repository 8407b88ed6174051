// Checking the 予約 rows and recording the outcome: the one place that turns the pure check into
// sheet writes. Used by the check menus now, and by sending and the triggers (which check again
// before they act). The caller holds the script lock. The steps are in app/check/.
import { BOOKING } from '../core/schema';
import { dayOf } from '../core/time';
import { bookingReader, bookingRows } from '../sheet/bookings';
import { cellText } from '../sheet/table';
import { writeBookingCells } from './bookingWrites';
import { requireBookingSheet } from './check/bookingSheet';
import { idsForTargets } from './check/ids';
import { duplicatedIdProblems, recordChanges } from './check/record';
import { checkedResults } from './check/results';
import type { CheckRun } from './check/types';
import { loadCheckContext } from './context';
import { InvitationLedger } from './invitationLedger';

export { NeedsPerson, requireBookingSheet } from './check/bookingSheet';
export type { CheckedRow, CheckRun } from './check/types';

export function checkAndRecord(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  options: { now: Date; onlyRows?: ReadonlySet<number> },
): CheckRun {
  const table = requireBookingSheet(spreadsheet, []);
  const { base, problems, rosterTable } = loadCheckContext(spreadsheet, options.now);
  const rows = bookingRows(table);
  const targets = rows.flatMap((row, i) =>
    !options.onlyRows || options.onlyRows.has(row.rowNumber) ? [i] : [],
  );
  const idIndex = table.headers.indexOf(BOOKING.id);
  const read = bookingReader(table);
  const today = dayOf(options.now);
  const ledger = InvitationLedger.load();
  const sameInvitationAs = ledger.sameInvitationIndex();
  // New ids first, so that messages about a clash can name the other booking by its id.
  const idOf = idsForTargets(spreadsheet, table, rows, targets, read, today, sameInvitationAs);
  const raw = rows.map((row, i) => {
    const values = read(row);
    const newId = idOf.get(i);
    return {
      rowNumber: row.rowNumber,
      values: newId === undefined ? values : { ...values, id: newId },
    };
  });
  const { results, failureFixed } = checkedResults(
    { table, rows, raw, targets, idOf, today },
    base,
    ledger,
    sameInvitationAs,
  );
  const checked = rows.map((row, i) => ({
    row,
    result: results[i]!,
    id: idOf.get(i) ?? cellText(row.values[idIndex]),
  }));
  const changes = targets.flatMap((i) =>
    recordChanges(table, checked[i]!, idOf.get(i), options.now, failureFixed.has(i)),
  );
  return {
    table,
    checked,
    recorded: targets.map((i) => checked[i]!),
    outcome: writeBookingCells(table.sheet, changes),
    settings: base.settings,
    context: base,
    rosterTable,
    problems: [...problems, ...duplicatedIdProblems(checked)],
  };
}
