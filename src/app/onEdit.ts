// Simple trigger: stamps 最終更新 (and 受付日時 when blank) on the 予約 rows a person edits.
// It runs on every keystroke-commit, so it does two reads and at most two writes, and it never
// takes the lock: it only writes timestamps of the rows being edited, and the other writers
// compare before they write (sheet/ownedWrites), so nothing is lost either way.
import { BOOKING, SCRIPT_OWNED_BOOKING_FIELDS, SHEET } from '../core/schema';
import { isDateCell } from '../core/time';
import { sameCell } from '../sheet/ownedWrites';
import { type Cell, cellText, columnLetter, isBlankRow, readHeaderRow } from '../sheet/table';
import { describeError } from './runAction';
import { noteEditedIds } from './staffEdits';

export { parseLastStaffEdit } from './staffEdits';

const OWNED_HEADERS: ReadonlySet<string> = new Set(
  SCRIPT_OWNED_BOOKING_FIELDS.map((f) => BOOKING[f]),
);

export function onEdit(e: GoogleAppsScript.Events.SheetsOnEdit): void {
  try {
    stampEditedRows(e.range, e.value as unknown);
  } catch (error) {
    console.error(`onEdit failed: ${describeError(error)}`);
  }
}

/**
 * The trigger learns only the edited range's position. A sort between the edit and this run
 * would put other bookings there, so: a one-cell edit is stamped only if the cell still holds the
 * value typed (e.value); just before writing, the rows are read again and a row is stamped only
 * if it still holds the 予約ID it had (a row without one yet: the same staff cells); the stamps
 * go into exactly those cells (one call per column), never as a span over other rows.
 */
function stampEditedRows(range: GoogleAppsScript.Spreadsheet.Range, typed: unknown): void {
  const sheet = range.getSheet();
  if (sheet.getName() !== SHEET.bookings) return;
  const firstRow = Math.max(range.getRow(), 2);
  const lastRow = range.getLastRow();
  if (lastRow < firstRow) return; // only the header was edited
  const headers = readHeaderRow(sheet);
  const width = headers.length;
  if (width === 0) return;
  const editedHeaders = headers.slice(range.getColumn() - 1, range.getLastColumn());
  if (editedHeaders.every((h) => OWNED_HEADERS.has(h))) return; // not a staff edit
  const updatedAt = headers.indexOf(BOOKING.updatedAt);
  const takenAt = headers.indexOf(BOOKING.takenAt);
  const now = new Date();
  const count = lastRow - firstRow + 1;
  const rows = sheet.getSheetValues(firstRow, 1, count, width) as Cell[][];
  const oneCell = range.getNumRows() === 1 && range.getNumColumns() === 1;
  if (oneCell && !stillTyped(rows[0]?.[range.getColumn() - 1], typed)) return; // moved: a sort
  noteEditedIds(rows.map((values) => cellText(values[headers.indexOf(BOOKING.id)])));
  // An unticked checkbox (FALSE) alone is no staff content: such rows are no bookings.
  const ignored = new Set(headers.flatMap((h, i) => (OWNED_HEADERS.has(h) ? [i] : [])));
  const hasStaffContent = rows.map((values) => !isBlankRow(values, ignored));
  const wanted = (column: number, onlyIfBlank: boolean) =>
    column < 0
      ? []
      : rows.flatMap((values, i) =>
          hasStaffContent[i] && (!onlyIfBlank || (values[column] ?? '') === '') ? [i] : [],
        );
  const stampUpdated = wanted(updatedAt, false);
  const stampTaken = wanted(takenAt, true);
  if (stampUpdated.length === 0 && stampTaken.length === 0) return;
  // Just before writing: the same booking still in each row (by 予約ID, else its staff cells).
  const again = sheet.getSheetValues(firstRow, 1, count, width) as Cell[][];
  const idIndex = headers.indexOf(BOOKING.id);
  const same = (i: number) => sameBooking(headers, idIndex, rows[i]!, again[i] ?? []);
  const write = (column: number, indexes: number[], onlyIfBlank: boolean) => {
    const cells = indexes
      .filter((i) => same(i) && (!onlyIfBlank || (again[i]?.[column] ?? '') === ''))
      .map((i) => `${columnLetter(column + 1)}${firstRow + i}`);
    if (cells.length > 0) sheet.getRangeList(cells).setValue(now);
  };
  write(updatedAt, stampUpdated, false);
  write(takenAt, stampTaken, true);
}

/** The cell still shows what the event says was typed (Dates are not compared: locale text). */
function stillTyped(cell: Cell | undefined, typed: unknown): boolean {
  if (typed === undefined || typed === null || isDateCell(cell)) return true;
  return String(cell ?? '').toUpperCase() === String(typed).toUpperCase();
}

function sameBooking(
  headers: readonly string[],
  idIndex: number,
  before: readonly Cell[],
  now: readonly Cell[],
): boolean {
  const id = idIndex < 0 ? '' : cellText(before[idIndex]);
  if (id !== '') return cellText(now[idIndex]) === id;
  return headers.every(
    (header, i) => OWNED_HEADERS.has(header) || sameCell(before[i] ?? '', now[i] ?? ''),
  );
}
