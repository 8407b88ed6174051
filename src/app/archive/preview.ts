// 過去の予約を保管: how many rows a run would move now, for the menu's confirmation dialog.
import { mapColumns, planArchive } from '../../core/archive';
import { dayOf, type LocalDate } from '../../core/time';
import { loadSettings } from '../context';
import { bookingTable, liveRows, trimHeaders } from './read';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** How many rows a run would move now (reads 予約 only), for the confirmation dialog. */
export function previewArchive(
  spreadsheet: Spreadsheet,
  now: Date,
): { count: number; cutoff: LocalDate; months: number } {
  const { settings } = loadSettings(spreadsheet);
  const bookings = bookingTable(spreadsheet);
  const mapping = mapColumns(bookings.headers, trimHeaders(bookings.headers));
  const plan = planArchive({
    rows: liveRows(bookings, dayOf(now)),
    archived: new Map(),
    mapping,
    today: dayOf(now),
    months: settings.archiveAfterMonths,
    maxRuns: Number.POSITIVE_INFINITY,
  });
  return { count: plan.toAppend.length, cutoff: plan.cutoff, months: settings.archiveAfterMonths };
}
