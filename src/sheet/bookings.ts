// The 予約 sheet as the script sees it: how its rows are found again and which cells it writes.
import {
  BOOKING,
  type BookingField,
  SCRIPT_OWNED_BOOKING_FIELDS,
  SHARED_BOOKING_FIELDS,
  SHEET,
} from '../core/schema';
import { isDateCell } from '../core/time';
import type { WritePlan } from './ownedWrites';
import { type Cell, fieldReader, isBlankRow, readTable, type Table, type TableRow } from './table';

/** Staff-typed cells that, together, tell one id-less booking from another. */
const FINGERPRINT_HEADERS = [
  BOOKING.name,
  BOOKING.seekerNo,
  BOOKING.email,
  BOOKING.date,
  BOOKING.start,
  BOOKING.office,
  BOOKING.channel,
];

function fingerprint(headers: readonly string[], values: readonly Cell[]): string {
  return FINGERPRINT_HEADERS.map((header) => {
    const value = values[headers.indexOf(header)];
    if (isDateCell(value)) return String(value.getTime());
    return String(value ?? '');
  }).join('\u001f');
}

export const BOOKING_WRITE_PLAN: WritePlan = {
  idHeader: BOOKING.id,
  ownedHeaders: [...SCRIPT_OWNED_BOOKING_FIELDS.map((f) => BOOKING[f]), BOOKING.status],
  sharedHeaders: [BOOKING.status],
  flagHeader: BOOKING.checkResult,
  editStampHeader: BOOKING.updatedAt,
  fingerprint,
  // 相談月 is yyyy-MM text; in a cell without the plain-text format Sheets may make it a date.
  textHeaders: [BOOKING.month],
};

/** Columns the script writes; every other column of 予約 belongs to staff. */
export const SCRIPT_OWNED_HEADERS: ReadonlySet<string> = new Set(
  SCRIPT_OWNED_BOOKING_FIELDS.map((f) => BOOKING[f]),
);

/** Reads 予約 rows as { field: value } for the core's RawBooking. */
export function bookingReader(
  table: Table,
): (row: TableRow) => Partial<Record<BookingField, Cell>> {
  return fieldReader(table.headers, BOOKING);
}

/** Rows someone typed a booking into (a row holding only script-owned cells is not one). */
export function bookingRows(table: Table): TableRow[] {
  const ignored = new Set(
    table.headers.flatMap((h, i) => (SCRIPT_OWNED_HEADERS.has(h) ? [i] : [])),
  );
  return table.rows.filter((row) => !isBlankRow(row.values, ignored));
}

/** The 予約 sheet, read in one batch; null when 初期設定 has not made it yet. */
export function readBookingSheet(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
): Table | null {
  const sheet = spreadsheet.getSheetByName(SHEET.bookings);
  return sheet ? readTable(sheet) : null;
}

/**
 * Required headers that 予約 lacks: the script cannot work on it until 初期設定 adds them. 状態 is
 * among them: without it a sent invitation could not be recorded as 確定, nor a no-show marked.
 */
export function missingBookingHeaders(table: Table): string[] {
  return [...SCRIPT_OWNED_BOOKING_FIELDS, ...SHARED_BOOKING_FIELDS]
    .map((f) => BOOKING[f])
    .filter((h) => !table.headers.includes(h));
}
