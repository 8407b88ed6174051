// Simple trigger: stamps 最終更新 (and 受付日時 when blank) on the 予約 rows a person edits, and
// flags at once a 確定 booking whose 相談日, 開始時刻, 会議URL or メールアドレス now differ from
// its invitation (changedFlag.ts). It runs on every keystroke-commit, so it does two reads and at
// most two writes (the flag: the ledger read and one write a flagged row, only after such an edit
// of a 確定 row), and it never takes the lock: it only writes cells of the rows being edited, and
// the other writers compare before they write (sheet/ownedWrites), so nothing is lost either way.
import { BOOKING, SCRIPT_OWNED_BOOKING_FIELDS, SHEET } from '../../core/schema';
import { isDateCell } from '../../core/time';
import { sameCell } from '../../sheet/ownedWrites';
import { type Cell, cellText, columnLetter, isBlankRow, readHeaderRow } from '../../sheet/table';
import { describeError } from '../runAction';
import { noteEditedIds } from '../staffEdits';
import { changedBookingFlags, writeChangedBookingFlags } from './changedFlag';
import type { EditedRows } from './types';

export { parseLastStaffEdit } from '../staffEdits';

const OWNED_HEADERS: ReadonlySet<string> = new Set(
  SCRIPT_OWNED_BOOKING_FIELDS.map((f) => BOOKING[f]),
);

export function onEdit(e: GoogleAppsScript.Events.SheetsOnEdit): void {
  try {
    handleEdit(e.range, e.value as unknown);
  } catch (error) {
    console.error(`onEdit failed: ${describeError(error)}`);
  }
}

/**
 * The trigger learns only the edited range's position. A sort between the edit and this run
 * would put other bookings there, so: a one-cell edit is acted on only if the cell still holds
 * the value typed (e.value); just before writing, the rows are read again and a row is written
 * only if it still holds the 予約ID it had (a row without one yet: the same staff cells); the
 * cells go into exactly those rows (one call per column), never as a span over other rows.
 */
function handleEdit(range: GoogleAppsScript.Spreadsheet.Range, typed: unknown): void {
  const edit = readEditedRows(range, typed);
  if (edit === null) return;
  const { sheet, headers, firstRow, rows } = edit;
  noteEditedIds(rows.map((values) => cellText(values[headers.indexOf(BOOKING.id)])));
  const stampUpdated = wantedStamps(edit, headers.indexOf(BOOKING.updatedAt), false);
  const stampTaken = wantedStamps(edit, headers.indexOf(BOOKING.takenAt), true);
  const flags = changedBookingFlags(edit);
  if (stampUpdated.length === 0 && stampTaken.length === 0 && flags.size === 0) return;
  // Just before writing: the same booking still in each row (by 予約ID, else its staff cells).
  const again = sheet.getSheetValues(firstRow, 1, rows.length, headers.length) as Cell[][];
  const idIndex = headers.indexOf(BOOKING.id);
  const same = (i: number) => sameBooking(headers, idIndex, rows[i]!, again[i] ?? []);
  const now = new Date();
  const write = (column: number, indexes: number[], onlyIfBlank: boolean) => {
    const cells = indexes
      .filter((i) => same(i) && (!onlyIfBlank || (again[i]?.[column] ?? '') === ''))
      .map((i) => `${columnLetter(column + 1)}${firstRow + i}`);
    if (cells.length > 0) sheet.getRangeList(cells).setValue(now);
  };
  write(headers.indexOf(BOOKING.updatedAt), stampUpdated, false);
  write(headers.indexOf(BOOKING.takenAt), stampTaken, true);
  writeChangedBookingFlags(edit, again, flags, same);
}

/** The edited 予約 rows as read once, or null when there is nothing a person edited to act on. */
function readEditedRows(
  range: GoogleAppsScript.Spreadsheet.Range,
  typed: unknown,
): EditedRows | null {
  const sheet = range.getSheet();
  if (sheet.getName() !== SHEET.bookings) return null;
  const firstRow = Math.max(range.getRow(), 2);
  const lastRow = range.getLastRow();
  if (lastRow < firstRow) return null; // only the header was edited
  const headers = readHeaderRow(sheet);
  if (headers.length === 0) return null;
  const editedHeaders = headers.slice(range.getColumn() - 1, range.getLastColumn());
  if (editedHeaders.every((h) => OWNED_HEADERS.has(h))) return null; // not a staff edit
  const count = lastRow - firstRow + 1;
  const rows = sheet.getSheetValues(firstRow, 1, count, headers.length) as Cell[][];
  const oneCell = range.getNumRows() === 1 && range.getNumColumns() === 1;
  if (oneCell && !stillTyped(rows[0]?.[range.getColumn() - 1], typed)) return null; // a sort
  return { sheet, headers, editedHeaders, firstRow, rows };
}

/** Rows (indexes) whose `column` gets the stamp: rows with staff content (and a blank cell). */
function wantedStamps(edit: EditedRows, column: number, onlyIfBlank: boolean): number[] {
  if (column < 0) return [];
  // An unticked checkbox (FALSE) alone is no staff content: such rows are no bookings.
  const ignored = new Set(edit.headers.flatMap((h, i) => (OWNED_HEADERS.has(h) ? [i] : [])));
  return edit.rows.flatMap((values, i) =>
    !isBlankRow(values, ignored) && (!onlyIfBlank || (values[column] ?? '') === '') ? [i] : [],
  );
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
