// Sent rows whose send time was not written: re-read them (a rare path, 4 calls) and flag the
// ones whose address, day, time or URL changed during the send (core/changedWhileSending).
import { normalizeBooking } from '../../core/check';
import { planChangedWhileSending, type ReadAgain } from '../../core/changedWhileSending';
import { sentDetailsOf } from '../../core/invitationLedger';
import { describeFailure } from '../../core/mailPolicy';
import { BOOKING } from '../../core/schema';
import { dayOf, type LocalDate } from '../../core/time';
import { bookingReader } from '../../sheet/bookings';
import { type FreshRead, readRowsById, sameCell } from '../../sheet/ownedWrites';
import { cellOf, cellText } from '../../sheet/table';
import { writePlannedCells } from './plannedWrites';
import type { BatchRun, Rendered } from './types';

export interface SentItem {
  item: Rendered;
  sentAt: Date;
}

export function flagChangedWhileSending(
  run: BatchRun,
  items: readonly SentItem[],
  mark: string,
): void {
  try {
    const ids = new Set(items.map((i) => i.item.ref.id));
    const fresh = readRowsById(run.table.sheet, BOOKING.id, ids);
    const rows = readAgain(fresh, items, mark, dayOf(run.options.now));
    const plan = planChangedWhileSending(rows, mark);
    run.summary.changedWhileSending.push(...plan.flagged);
    for (const line of plan.log) run.options.log.add(line);
    writePlannedCells(run.table.sheet, plan.changes);
  } catch (error) {
    console.error(
      `sendReadyInvitations: could not flag rows changed while sending: ${describeFailure(error)}`,
    );
  }
}

/** The sent rows found once, by 予約ID, in the fresh read (a copied id is left for a person). */
function readAgain(
  { table, allIds }: FreshRead,
  items: readonly SentItem[],
  mark: string,
  today: LocalDate,
): ReadAgain[] {
  const idIndex = table.headers.indexOf(BOOKING.id);
  const read = bookingReader(table);
  const rows: ReadAgain[] = [];
  for (const { item, sentAt } of items) {
    const id = item.ref.id;
    if (allIds.filter((x) => x === id).length !== 1) continue;
    const row = table.rows.find((r) => cellText(r.values[idIndex]) === id);
    if (!row) continue;
    const booking = normalizeBooking({ rowNumber: row.rowNumber, values: read(row) }, today);
    rows.push({
      ref: { id, rowNumber: row.rowNumber },
      sentAt,
      mailed: item.details!,
      now: sentDetailsOf(booking),
      stillMarked: sameCell(cellOf(table, row, BOOKING.invitedAt), mark),
      checkResult: cellOf(table, row, BOOKING.checkResult),
    });
  }
  return rows;
}
