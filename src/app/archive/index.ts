// 過去の予約を保管 (menu, and the monthly trigger when 設定 自動保管 is はい: monthly.ts): moves finished bookings older than 保管までの月数 from 予約 to 予約_保管.
// Nothing is deleted before it is copied and read back, and no booking ends in both sheets:
// under the script lock, in a fixed number of calls, the run (run.ts)
//   1. reads 予約 and the whole 予約_保管 (its ids tell which rows an earlier run already copied)
//      and plans (read.ts, core/archive.ts);
//   2. adds to 予約_保管's header row any 予約 column it lacks, then appends the rows not there yet;
//   3. flushes, reads the appended block back and compares it, id and every value, with the plan;
//   4. re-reads 予約 and deletes the rows still carrying a verified id and still holding every
//      value copied, bottom block first, each block re-read (every column) right before its
//      deleteRows (a person may have sorted or edited meanwhile; sheet/archive.ts);
//   5. re-reads 予約's ids and settles (core/archiveRun.ts): a row meant to go that is still
//      there (refused in 4, or moved in the one call before deleteRows) stays in 予約 with the
//      person's edit, and its copy is taken back out of 予約_保管 (takeBack.ts); a copy that
//      cannot be taken back is marked エラー: in 予約_保管 and logged; rows deleteRows took in
//      place of a moved block are rebuilt (restore.ts); copies of rows edited in the call before
//      their deletion are marked (editedMeanwhile.ts);
//   6. recomputes PROPERTY.archivedNoShowCounts from the whole archive (noShows.ts).
// Stopped at any point, a re-run finds the copied rows by 予約ID, appends nothing twice and
// finishes the deletion. What the person is told: core/archiveWords.ts.
export { menuArchiveOldBookings } from './command';
export { archiveOldBookings } from './run';
export { previewArchive } from './preview';
