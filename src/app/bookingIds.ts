// Issues 予約ID numbers. Called under the script lock, so two runs never issue the same number.
// Numbers only go up and are never reused: the counter lives in document properties; the ids on
// 予約 are consulted on every issue, and — when the counter is missing (lost, or a copy of the
// spreadsheet without its properties) — the ids in 予約_保管 as well, so an archived booking's id
// is not issued again.
import { bookingIdNumber, formatBookingId, nextBookingIds } from '../core/bookingId';
import { BOOKING, SHEET } from '../core/schema';
import { readHeaderRow, readSheetValues } from '../sheet/table';
import { documentProperties, PROPERTY } from './properties';

export function issueBookingIds(
  count: number,
  existingIds: Iterable<unknown>,
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
): string[] {
  if (count === 0) return [];
  const properties = documentProperties();
  const stored = properties.getProperty(PROPERTY.lastBookingNumber);
  const lastIssued = stored === null ? highestArchivedNumber(spreadsheet) : Number(stored) || 0;
  const ids = nextBookingIds(lastIssued, count, existingIds);
  properties.setProperty(PROPERTY.lastBookingNumber, ids[ids.length - 1]!.slice(1));
  return ids;
}

/** After 過去の予約を保管: the counter is never below an archived id (belt and braces). */
export function keepCounterAbove(highest: number): void {
  const properties = documentProperties();
  const stored = Number(properties.getProperty(PROPERTY.lastBookingNumber) ?? '0') || 0;
  if (highest > stored) {
    properties.setProperty(PROPERTY.lastBookingNumber, formatBookingId(highest).slice(1));
  }
}

/** The highest id number in 予約_保管's 予約ID column (2 calls), 0 when there is none. */
function highestArchivedNumber(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): number {
  const sheet = spreadsheet.getSheetByName(SHEET.archive);
  if (!sheet) return 0;
  const column = readHeaderRow(sheet).indexOf(BOOKING.id);
  if (column < 0) return 0;
  return highestNumber(readSheetValues(sheet, 1, column + 1, -1, 1).map((r) => r[0]));
}

export function highestNumber(ids: Iterable<unknown>): number {
  let highest = 0;
  for (const id of ids) highest = Math.max(highest, bookingIdNumber(id) ?? 0);
  return highest;
}
