// 過去の予約を保管: steps 4–5 of the run (index.ts): delete the verified rows from 予約, settle
// which rows moved, rebuild rows deleted in their place, and take the copies of rows that stayed
// back out of 予約_保管.
import { type LiveIds, type Settled, settleDeletion } from '../../core/archiveRun';
import { BOOKING } from '../../core/schema';
import { countRowsById, deleteRowsById, type DeletionOutcome } from '../../sheet/archive';
import { captionOf } from '../command';
import type { Copied } from './copy';
import type { Planned, Sheets } from './read';
import { restoreDeletedInPlace } from './restore';
import { copiesToTakeBack, takeBack } from './takeBack';

export interface Deleted {
  deletion: DeletionOutcome;
  /** Date.now() right before the first deleteRows (onEdit's note is compared with it). */
  deletionStart: number;
  liveNow: LiveIds;
  settled: Settled;
  restored: string[];
}

/**
 * Deletes from 予約 the verified rows (and those an earlier run copied), re-reads its ids when
 * something was deleted, settles which rows moved, and rebuilds rows deleted in their place.
 */
export function deleteMoved(sheets: Sheets, { plan }: Planned, copied: Copied): Deleted {
  const toDelete = new Map(
    [...copied.verified, ...plan.alreadyArchived].map((row) => [row.id, row.values]),
  );
  const deletionStart = Date.now();
  const deletion = deleteRowsById(sheets.bookings.sheet, BOOKING.id, toDelete);
  const meant = [...plan.toAppend, ...plan.alreadyArchived];
  const liveNow: LiveIds =
    deletion.deleted.size > 0
      ? countRowsById(sheets.bookings.sheet, BOOKING.id)
      : deletion.remainingIds;
  const settled = settleDeletion(meant, deletion.deleted, liveNow);
  const restored =
    settled.displaced.length > 0 || deletion.deleted.size > 0
      ? restoreDeletedInPlace(
          sheets.bookings.sheet,
          sheets.bookings.headers,
          deletion,
          liveNow,
          captionOf('menuArchiveOldBookings'),
        )
      : [];
  return { deletion, deletionStart, liveNow, settled, restored };
}

/**
 * The copies of rows still in 予約 come back out of 予約_保管 (rows left, and displaced rows in
 * 予約 exactly once); the copies of rows displaced onto several rows stay, marked.
 */
export function takeBackCopies(
  sheets: Sheets,
  planned: Planned,
  copied: Copied,
  settled: Settled,
): ReturnType<typeof takeBack> {
  const { plan, archivedRows, mapping } = planned;
  const copies = copiesToTakeBack(plan, copied.readBack, archivedRows, mapping, [
    ...settled.left,
    ...settled.displacedOnce,
  ]);
  const displacedMany = settled.displaced.filter((row) => !settled.displacedOnce.includes(row));
  return takeBack(
    sheets.archive.sheet,
    copies,
    displacedMany.map((r) => r.id),
  );
}
