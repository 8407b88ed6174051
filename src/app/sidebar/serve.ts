// What every server function of the sidebar shares: the error boundary and the reading of what
// the page sent (google.script.run passes whatever the page or a tampered page sends).
import { SIDEBAR_UNEXPECTED } from '../../core/sidebarWords';
import { normalizeBooking, type RawBooking } from '../../core/check';
import type { LocalDate } from '../../core/time';
import { bookingReader, bookingRows } from '../../sheet/bookings';
import type { Table } from '../../sheet/table';
import { describeError } from '../runAction';

/** Longer form values are refused: nobody types 200 characters into a name or an address. */
export const MAX_FIELD_LENGTH = 200;

/** Server functions never show a stack to the page; the log keeps it without personal data. */
export function serve<T>(name: string, work: () => T): T {
  try {
    return work();
  } catch (error) {
    console.error(`${name} failed: ${describeError(error)}`);
    throw new Error(SIDEBAR_UNEXPECTED);
  }
}

export function text(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

export function rawBookings(table: Table): RawBooking[] {
  const read = bookingReader(table);
  return bookingRows(table).map((row) => ({ rowNumber: row.rowNumber, values: read(row) }));
}

export function readBookings(table: Table, today: LocalDate) {
  return rawBookings(table).map((raw) => normalizeBooking(raw, today));
}
