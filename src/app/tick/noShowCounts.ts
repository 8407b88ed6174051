// 対象者.無断キャンセル回数: derived from 予約 and the archive, so a correction by staff counts.
import { countNoShows } from '../../core/noShows';
import { normalizeSeekerNo } from '../../core/normalize';
import { ROSTER } from '../../core/schema';
import { type OwnedChange, writeOwnedCells } from '../../sheet/ownedWrites';
import { readRosterSheet, ROSTER_WRITE_PLAN } from '../../sheet/roster';
import { cellText, type Table } from '../../sheet/table';
import { addCounts, archivedNoShowCounts } from '../context';
import type { BookingsRead } from './bookings';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export function recountNoShows(
  spreadsheet: Spreadsheet,
  bookings: BookingsRead,
  rosterAsRead: Table | null,
): void {
  // As the check read it: writeOwnedCells re-reads it before writing, and only if a count moved.
  const roster = rosterAsRead ?? readRosterSheet(spreadsheet);
  if (!roster) return;
  const keyIndex = roster.headers.indexOf(ROSTER.seekerNo);
  const countIndex = roster.headers.indexOf(ROSTER.noShowCount);
  if (keyIndex < 0 || countIndex < 0) return; // 初期設定 adds the column
  const counts = addCounts(
    countNoShows(bookings.items.map((i) => i.booking)),
    archivedNoShowCounts(),
  );
  const changes: OwnedChange[] = roster.rows.flatMap((row) => {
    const key = cellText(row.values[keyIndex]);
    const seekerNo = normalizeSeekerNo(key);
    if (key === '' || !seekerNo.ok) return [];
    const count = counts.get(seekerNo.value) ?? 0;
    const current = row.values[countIndex] ?? '';
    if (current === count) return [];
    return [{ key: { id: key }, header: ROSTER.noShowCount, expected: current, value: count }];
  });
  writeOwnedCells(roster.sheet, ROSTER_WRITE_PLAN, changes);
}
