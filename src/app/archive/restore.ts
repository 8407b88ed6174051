// 過去の予約を保管: rows of 予約 that deleteRows took in place of a block a person moved.
import { restoredRowText } from '../../core/archiveWords';
import { BOOKING } from '../../core/schema';
import type { LiveIds } from '../../core/archiveRun';
import { writeCheckLine } from '../../core/writeChecks';
import type { DeletionOutcome } from '../../sheet/archive';
import { BOOKING_WRITE_PLAN } from '../../sheet/bookings';
import { forSheet } from '../../sheet/ownedWrites';
import { readTable } from '../../sheet/table';

/**
 * Rows the re-read before the deletions saw, not meant to go, and gone now: deleteRows took them
 * in place of a block a person moved in the one call before it (or the person deleted them in
 * that call: the script cannot tell which). Never lose a booking: each is appended again
 * (appendRow, atomic) as it was read, its チェック結果 a write-check エラー saying what to check;
 * a person deletes it again if they meant to. Calls: one appendRow per row, only when it happens.
 */
export function restoreDeletedInPlace(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  headers: readonly string[],
  deletion: DeletionOutcome,
  liveNow: LiveIds,
  caption: string,
): string[] {
  const candidates = [...deletion.readBefore.keys()].filter(
    (id) => !deletion.deleted.has(id) && !liveNow.has(id),
  );
  if (candidates.length === 0) return [];
  const gone = stillGone(sheet, headers, deletion, candidates);
  const checkIndex = headers.indexOf(BOOKING.checkResult);
  const line = writeCheckLine(new Date(), restoredRowText(caption));
  for (const id of gone) {
    const row = deletion.readBefore.get(id)!;
    sheet.appendRow(row.map((cell, i) => (i === checkIndex ? line : forSheet(cell))));
  }
  if (gone.length > 0) {
    console.warn(`archive: ${gone.length} row(s) deleted in place of a moved block, rebuilt`);
  }
  return gone;
}

/** A row whose 予約ID a person cleared is still there: known by its staff cells (one read). */
function stillGone(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  headers: readonly string[],
  deletion: DeletionOutcome,
  candidates: readonly string[],
): string[] {
  const present = new Map<string, number>();
  for (const row of readTable(sheet).rows) {
    const key = BOOKING_WRITE_PLAN.fingerprint(headers, row.values);
    present.set(key, (present.get(key) ?? 0) + 1);
  }
  return candidates.filter((id) => {
    const key = BOOKING_WRITE_PLAN.fingerprint(headers, deletion.readBefore.get(id)!);
    const n = present.get(key) ?? 0;
    if (n > 0) present.set(key, n - 1);
    return n === 0;
  });
}
