// Writing back what a person's sort or insert carried under the erasure's blanks (issue 17 §1).
import { BOOKING } from '../../core/schema';
import { writeExactCells } from '../../sheet/ownedWrites';
import { type Cell, cellText, type Table } from '../../sheet/table';

/**
 * The window between the re-read and the write is one call wide, but a person's sort or insert
 * can land in it: the blanks then fall on a row that was not to be erased. The re-read before
 * the write still holds that row's cells (found by its 予約ID), so they are written back; a row
 * the re-read does not know (typed in that call) cannot be restored and is counted, so the
 * report and 操作ログ say so.
 */
export function restoreDisplaced(
  before: Table,
  after: Table,
  writes: readonly { rowNumber: number; column: number }[],
  erased: ReadonlySet<string>,
): { restored: number; notRestored: number } {
  const beforeId = before.headers.indexOf(BOOKING.id);
  const afterId = after.headers.indexOf(BOOKING.id);
  const expected = new Map(before.rows.map((r) => [r.rowNumber, cellText(r.values[beforeId])]));
  const beforeById = new Map(before.rows.map((r) => [cellText(r.values[beforeId]), r]));
  const afterByRow = new Map(after.rows.map((r) => [r.rowNumber, r]));
  const restore: { rowNumber: number; column: number; value: Cell }[] = [];
  const restoredIds = new Set<string>();
  const lost = new Set<number>();
  for (const write of writes) {
    const now = afterByRow.get(write.rowNumber);
    const id = now === undefined ? '' : cellText(now.values[afterId]);
    if (now === undefined || id === expected.get(write.rowNumber) || erased.has(id)) continue;
    const old = id === '' ? undefined : beforeById.get(id);
    if (old === undefined) {
      lost.add(write.rowNumber);
      continue;
    }
    // The blank went to this sheet position: give back what the row held under that header.
    const value = old.values[before.headers.indexOf(after.headers[write.column] ?? '')];
    if (cellText(value) !== '' && cellText(now.values[write.column]) === '') {
      restore.push({ rowNumber: write.rowNumber, column: write.column, value: value! });
      restoredIds.add(id);
    }
  }
  writeExactCells(after.sheet, restore);
  return { restored: restoredIds.size, notRestored: lost.size };
}
