// 過去の予約を保管: copies of rows that stayed in 予約 come back out of 予約_保管, so no booking is
// in both sheets.
import {
  type ArchivePlan,
  type ArchiveValue,
  type ColumnMapping,
  holdsRow,
  type LiveRow,
} from '../../core/archive';
import { IN_BOTH_MARK } from '../../core/archiveWords';
import { BOOKING, SHEET } from '../../core/schema';
import { deleteRowsById, markRowsById } from '../../sheet/archive';
import { type Cell, cellText } from '../../sheet/table';

/** What the run appended (or found already copied) for the rows still in 予約, by 予約ID. */
export function copiesToTakeBack(
  plan: ArchivePlan,
  readBack: readonly Cell[][],
  archivedRows: readonly ArchiveValue[][],
  mapping: ColumnMapping,
  left: readonly LiveRow[],
): Map<string, Cell[]> {
  const idColumn = mapping.archiveHeaders.indexOf(BOOKING.id);
  const copies = new Map<string, Cell[]>();
  for (const row of left) {
    const appended = plan.toAppend.indexOf(row);
    const copy =
      appended >= 0
        ? readBack[appended]
        : archivedRows.find(
            (r) => cellText(r[idColumn]) === row.id && holdsRow(mapping, row.values, r),
          );
    if (copy) copies.set(row.id, [...copy]);
  }
  return copies;
}

/**
 * Takes the copies of rows that stayed in 予約 back out of 予約_保管 (a sheet only the script
 * writes), so no booking is in both sheets: they are found again by 予約ID (exactly once), and
 * each block is re-read, every column, right before its deleteRows and deleted only if it still
 * holds exactly the copy (deleteRowsById). Nothing is lost: the live row in 予約 holds the
 * booking, with whatever the person changed meanwhile (or the person deleted it, and then it is
 * not moved either). The alternatives lose something: deleting the live row anyway loses the
 * person's edit, and leaving both keeps the booking twice for good (a re-run no longer sees a
 * row whose 状態 the person changed). A copy that cannot be taken back, and the copy of a
 * `displaced` row, get an エラー: in their チェック結果 and a log line (counts only). Calls: none
 * when nothing stayed; otherwise one read, two per block taken back, one read and one write for
 * the marks.
 */
export function takeBack(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  copies: ReadonlyMap<string, readonly Cell[]>,
  displaced: readonly string[],
): { removed: Set<string>; inBoth: string[] } {
  const outcome =
    copies.size > 0 ? deleteRowsById(sheet, BOOKING.id, copies) : { deleted: new Set<string>() };
  const kept = [...copies.keys()].filter((id) => !outcome.deleted.has(id));
  const toMark = new Set([...kept, ...displaced]);
  if (toMark.size > 0) {
    const marked = markRowsById(sheet, BOOKING.id, BOOKING.checkResult, toMark, IN_BOTH_MARK);
    console.warn(
      `archive: ${toMark.size} booking(s) left in both ${SHEET.bookings} and ${SHEET.archive} (${displaced.length} after a move in the call before deleteRows); ${marked} row(s) marked in ${SHEET.archive}`,
    );
  }
  if (outcome.deleted.size > 0) {
    console.log(`archive: ${outcome.deleted.size} copy(ies) taken back out of ${SHEET.archive}`);
  }
  return { removed: outcome.deleted, inBoth: [...toMark] };
}
