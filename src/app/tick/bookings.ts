// The 予約 rows the time-driven work decides on: as the check read them, or read again.
import { normalizeBooking, type NormalizedBooking } from '../../core/booking';
import { BOOKING } from '../../core/schema';
import { dayOf } from '../../core/time';
import { bookingReader, bookingRows, readBookingSheet } from '../../sheet/bookings';
import type { Table, TableRow } from '../../sheet/table';
import type { CheckRun } from '../checkService';
import { describeError } from '../runAction';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface BookingsRead {
  table: Table;
  items: { row: TableRow; booking: NormalizedBooking }[];
}

export type BookingItem = BookingsRead['items'][number];

/**
 * The rows as the check read and normalised them (same rows, same reading as readBookings; ids
 * the check gave are in the bookings). Copies: the tick updates statuses it wrote.
 */
export function bookingsOfCheck(run: CheckRun): BookingsRead {
  return {
    table: run.table,
    items: run.checked.map(({ row, result }) => ({ row, booking: { ...result.booking } })),
  };
}

export function readBookings(spreadsheet: Spreadsheet, now: Date): BookingsRead | null {
  const table = readBookingSheet(spreadsheet);
  if (!table || !table.headers.includes(BOOKING.id) || !table.headers.includes(BOOKING.status))
    return null;
  const read = bookingReader(table);
  const today = dayOf(now);
  const items = bookingRows(table).flatMap((row) => {
    try {
      return [
        { row, booking: normalizeBooking({ rowNumber: row.rowNumber, values: read(row) }, today) },
      ];
    } catch (error) {
      console.error(`tick: row ${row.rowNumber} unreadable: ${describeError(error)}`);
      return [];
    }
  });
  return { table, items };
}

/** Per-row isolation for decisions: one odd row is logged and skipped, never stops the run. */
export function forEachRow<T>(
  bookings: BookingsRead,
  decide: (item: BookingItem) => T | null,
): T[] {
  return bookings.items.flatMap((item) => {
    try {
      const decided = decide(item);
      return decided === null ? [] : [decided];
    } catch (error) {
      console.error(
        `tick: row ${item.row.rowNumber} (${item.booking.id || 'no id'}): ${describeError(error)}`,
      );
      return [];
    }
  });
}
