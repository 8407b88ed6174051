// 過去の予約を保管: step 6 of the run (index.ts): the archived no-show counts and the 予約ID
// counter, from the whole archive as it is after the run.
import type { LiveIds } from '../../core/archiveRun';
import { BOOKING } from '../../core/schema';
import type { LocalDate } from '../../core/time';
import { type Cell, cellText } from '../../sheet/table';
import { highestNumber, keepCounterAbove } from '../bookingIds';
import { archivedNoShows, recordArchivedNoShows } from './noShows';
import { padTo, type Planned } from './read';

/**
 * Recomputes PROPERTY.archivedNoShowCounts from the whole archive (without the copies taken
 * back) and keeps the 予約ID counter above every id the archive holds (the taken-back rows' ids
 * stay counted: they are still in 予約 and keep their 予約ID).
 */
export function recount(
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
