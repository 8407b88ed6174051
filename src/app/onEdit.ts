// Simple trigger: stamps 最終更新 (and 受付日時 when blank) on the 予約 rows a person edits.
// It runs on every keystroke-commit, so it does one read and at most two writes, and it never
// takes the lock: it only writes timestamps of the rows being edited, and the other writers
// compare before they write (sheet/ownedWrites), so nothing is lost either way.
import { BOOKING, SCRIPT_OWNED_BOOKING_FIELDS, SHEET } from '../core/schema';
import { forSheet } from '../sheet/ownedWrites';
import { type Cell, isBlankRow, readHeaderRow } from '../sheet/table';
import { describeError } from './runAction';

const OWNED_HEADERS: ReadonlySet<string> = new Set(
  SCRIPT_OWNED_BOOKING_FIELDS.map((f) => BOOKING[f]),
);

export function onEdit(e: GoogleAppsScript.Events.SheetsOnEdit): void {
  try {
    stampEditedRows(e.range);
  } catch (error) {
    console.error(`onEdit failed: ${describeError(error)}`);
  }
}

function stampEditedRows(range: GoogleAppsScript.Spreadsheet.Range): void {
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
  const rows = sheet.getSheetValues(firstRow, 1, lastRow - firstRow + 1, width) as Cell[][];
  // An unticked checkbox (FALSE) alone is no staff content: such rows are no bookings.
  const ignored = new Set(headers.flatMap((h, i) => (OWNED_HEADERS.has(h) ? [i] : [])));
  const hasStaffContent = rows.map((values) => !isBlankRow(values, ignored));
  const stamp = (column: number, onlyIfBlank: boolean) => {
    if (column < 0) return;
    const block = rows.map((values, i) => {
      const current = values[column] ?? '';
      const wanted = hasStaffContent[i] && (!onlyIfBlank || current === '');
      return [wanted ? now : current];
    });
    if (block.some((cell, i) => cell[0] !== rows[i]![column])) {
      // Cells kept as read go back through the formula guard: text such as '=…' stays text.
      const guarded = block.map(([cell]) => [forSheet(cell as Cell)]);
      sheet.getRange(firstRow, column + 1, block.length, 1).setValues(guarded);
    }
  };
  stamp(updatedAt, false);
  stamp(takenAt, true);
}
