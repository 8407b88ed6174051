// Where the sidebar's booking goes: the row it becomes, and the write into the first free row
// (a row of only unticked checkboxes) when the sheet has one below the bookings.
import { BOOKING, type BookingField } from '../../core/schema';
import { forSheet } from '../../sheet/ownedWrites';
import { type Cell, isBlankRow, readSheetValues } from '../../sheet/table';

/** The booking written into a free row: where, and every row below the header as read just before. */
export interface Placed {
  rowNumber: number;
  before: Cell[][];
}

export const hasContent = (row: readonly Cell[]) => !isBlankRow(row, new Set());

/**
 * Rows of only unticked checkboxes (FALSE) below the bookings are no bookings, but appendRow
 * would add below them (row 1001 of a FALSE-filled 参加 column, out of staff's sight). Then the
 * booking goes into the first such row: every row is re-read just before the write (the free row
 * is found in that read, not in the older one) and the write goes right after it, through a
 * range taken before the read, so the window is the one call between that read and the write.
 * What happened in it is found afterwards (findWritten) and never left silent. Without such
 * rows — the usual case — appendRow adds the row atomically. `expected` is where the free row
 * was in the run's first read (null: not known). Null when there is no free row now.
 */
export function writeIntoFreeRow(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  expected: number | null,
  row: Cell[],
): Placed | null {
  let range = expected === null ? null : sheet.getRange(expected, 1, 1, row.length);
  const before = readSheetValues(sheet, 2, 1, -1, row.length);
  let last = before.length - 1;
  while (last >= 0 && !hasContent(before[last]!)) last--;
  const free = last + 1;
  if (free >= before.length) return null;
  const rowNumber = free + 2;
  if (!range || rowNumber !== expected) range = sheet.getRange(rowNumber, 1, 1, row.length);
  range.setValues([row]);
  return { rowNumber, before };
}

/**
 * The booking as one row under 予約's headers, for Sheet.appendRow: one call that adds the row
 * after the last row with content, so it never overwrites a row a person is typing (a row of
 * only unticked checkboxes — FALSE — counts as content there: the booking goes below it; such
 * rows are not bookings). Text Sheets would read as a formula goes in behind an apostrophe;
 * 求職番号 stays text through the column's plain-text format that 初期設定 sets.
 */
export function rowOf(
  headers: readonly string[],
  values: Partial<Record<BookingField, Cell>>,
): Cell[] {
  const byHeader = new Map<string, Cell>();
  for (const [field, value] of Object.entries(values) as [BookingField, Cell][]) {
    byHeader.set(BOOKING[field], value);
  }
  byHeader.set(BOOKING.joined, false);
  return headers.map((header, i) =>
    headers.indexOf(header) === i ? forSheet(byHeader.get(header) ?? '') : '',
  );
}
