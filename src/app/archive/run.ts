// 過去の予約を保管, the service (the caller holds the script lock): read → plan → copy and read
// back → delete → settle (restore, take back, mark) → recount. See index.ts for the steps and
// what each guarantees.
import { archiveRow, holdsRow, type LiveRow } from '../../core/archive';
import {
  type ArchiveRun,
  type LiveIds,
  type Settled,
  settleDeletion,
  summarise,
} from '../../core/archiveRun';
import { BOOKING } from '../../core/schema';
import { dayOf, type LocalDate } from '../../core/time';
import {
  appendAndReadBack,
  appendHeaders,
  countRowsById,
  deleteRowsById,
} from '../../sheet/archive';
import { type Cell, cellText } from '../../sheet/table';
import { highestNumber, keepCounterAbove } from '../bookingIds';
import { captionOf } from '../command';
import { flagCopiesEditedMeanwhile } from './editedMeanwhile';
import { archivedNoShows, recordArchivedNoShows } from './noShows';
import { padTo, type Planned, planRun, readSheets, type Sheets } from './read';
import { restoreDeletedInPlace } from './restore';
import { copiesToTakeBack, takeBack } from './takeBack';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The rows appended to 予約_保管 and read back, and which of them hold what was planned. */
interface Copied {
  addedHeaders: string[];
  readBack: Cell[][];
  verified: Set<LiveRow>;
  notVerified: string[];
}

export function archiveOldBookings(spreadsheet: Spreadsheet, now: Date): ArchiveRun {
  const today = dayOf(now);
  const sheets = readSheets(spreadsheet);
  const planned = planRun(sheets, today);
  const { plan } = planned;
  const copied = copy(sheets, planned);
  const { deletion, deletionStart, liveNow, settled, restored } = deleteMoved(
    sheets,
    planned,
    copied,
  );
  const back = takeBackCopies(sheets, planned, copied, settled);
  const editedMeanwhile = flagCopiesEditedMeanwhile(
    sheets.archive.sheet,
    deletion,
    deletionStart,
    back.removed,
  );
  const noShows = recount(planned, copied.readBack, back.removed, liveNow, today);
  return summarise(plan, {
    months: sheets.months,
    appended: plan.toAppend.length,
    deleted: settled.moved.length,
    notVerified: copied.notVerified.filter((id) => back.removed.has(id)),
    left: [...settled.left, ...settled.displacedOnce]
      .map((r) => r.id)
      .filter((id) => back.removed.has(id) && !copied.notVerified.includes(id)),
    inBoth: back.inBoth,
    displaced: settled.displaced.map((r) => r.id),
    restored,
    editedMeanwhile,
    addedHeaders: copied.addedHeaders,
    archivedNoShowSeekers: noShows.seekers,
    noShowsRecorded: noShows.recorded,
    settingProblems: sheets.settingProblems,
  });
}

/**
 * Deletes from 予約 the verified rows (and those an earlier run copied), re-reads its ids when
 * something was deleted, settles which rows moved, and rebuilds rows deleted in their place.
 */
function deleteMoved(sheets: Sheets, { plan }: Planned, copied: Copied) {
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

/** Adds the missing headers, appends the planned rows, reads them back and compares. */
function copy(sheets: Sheets, { mapping, plan }: Planned): Copied {
  const addedHeaders = plan.toAppend.length > 0 ? mapping.added : [];
  appendHeaders(sheets.archive.sheet, sheets.archiveWidth, addedHeaders);
  const intended = plan.toAppend.map((row) => archiveRow(mapping, row.values));
  const readBack = appendAndReadBack(
    sheets.archive.sheet,
    sheets.archive.rows.length + 2,
    mapping.archiveHeaders.length,
    intended,
  );
  const verified = new Set(
    plan.toAppend.filter((row, i) => holdsRow(mapping, row.values, readBack[i] ?? [])),
  );
  const notVerified = plan.toAppend.filter((row) => !verified.has(row)).map((r) => r.id);
  return { addedHeaders, readBack, verified, notVerified };
}

/**
 * The copies of rows still in 予約 come back out of 予約_保管 (rows left, and displaced rows in
 * 予約 exactly once); the copies of rows displaced onto several rows stay, marked.
 */
function takeBackCopies(sheets: Sheets, planned: Planned, copied: Copied, settled: Settled) {
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

/**
 * Recomputes PROPERTY.archivedNoShowCounts from the whole archive (without the copies taken
 * back) and keeps the 予約ID counter above every id the archive holds (the taken-back rows' ids
 * stay counted: they are still in 予約 and keep their 予約ID).
 */
function recount(
  { mapping, archivedRows }: Planned,
  readBack: readonly Cell[][],
  removed: ReadonlySet<string>,
  liveNow: LiveIds,
  today: LocalDate,
): { seekers: number; recorded: boolean } {
  const idColumn = mapping.archiveHeaders.indexOf(BOOKING.id);
  const wholeArchive = [
    ...archivedRows,
    ...readBack.map((r) => padTo(r, mapping.archiveHeaders.length)),
  ].filter((row) => !removed.has(cellText(row[idColumn])));
  const noShows = archivedNoShows(
    mapping.archiveHeaders,
    wholeArchive,
    new Set(liveNow.keys()),
    today,
  );
  const recorded = recordArchivedNoShows(noShows);
  keepCounterAbove(highestNumber([...archivedRows, ...readBack].map((row) => row[idColumn] ?? '')));
  return { seekers: noShows.size, recorded };
}
