// 過去の予約を保管: the archived no-show counts per 求職番号, recomputed from the whole archive.
import type { ArchiveValue } from '../../core/archive';
import { normalizeBooking } from '../../core/booking';
import { countNoShows } from '../../core/noShows';
import { BOOKING } from '../../core/schema';
import type { LocalDate } from '../../core/time';
import { fieldReader } from '../../sheet/table';
import { writeChunked } from '../chunkedProperty';
import { documentProperties, PROPERTY } from '../properties';
import { describeError } from '../runAction';

/**
 * Writes PROPERTY.archivedNoShowCounts (split over several properties when long). The rows are
 * already safe in 予約_保管 by now, so a failure here is reported to the person instead of ending
 * the run with a generic error.
 */
export function recordArchivedNoShows(noShows: ReadonlyMap<string, number>): boolean {
  const sorted = [...noShows].sort(([a], [b]) => (a < b ? -1 : 1));
  try {
    writeChunked(
      documentProperties(),
      PROPERTY.archivedNoShowCounts,
      JSON.stringify(Object.fromEntries(sorted)),
    );
    return true;
  } catch (error) {
    console.error(`archive: ${PROPERTY.archivedNoShowCounts} not written: ${describeError(error)}`);
    return false;
  }
}

/** No-shows per 求職番号 in 予約_保管, leaving out rows whose 予約ID is still in 予約 (counted there). */
export function archivedNoShows(
  headers: readonly string[],
  rows: readonly ArchiveValue[][],
  liveIds: ReadonlySet<string>,
  today: LocalDate,
): Map<string, number> {
  const read = fieldReader(headers, BOOKING);
  const bookings = rows
    .map((values, i) =>
      normalizeBooking({ rowNumber: i + 2, values: read({ rowNumber: i + 2, values }) }, today),
    )
    .filter((b) => !liveIds.has(b.id));
  return countNoShows(bookings);
}
