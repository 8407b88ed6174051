// 月次集計を更新 (menu) and the monthly trigger's work: rebuild the 月次集計 sheet from 予約 and
// 予約_保管, in a fixed number of calls whatever the row count: read both sheets, settings and
// 休業日 in batches, bring 相談月 up to date where it is stale (the same cell the check writes),
// then write the report (sheet/monthlySheet). 操作ログ's 操作 and 予約ID columns give the
// リマインダー送信数 and キャンセル通知数 (two more calls, sheet/logColumns). Counting rules:
// core/monthly; words and the 相談月 decision: core/monthlyWords. 相談月 is refreshed first so that, when the report is
// written, filtering 予約 and 予約_保管 on 相談月 and 窓口 gives the report's 予約数.
import { readBooking } from '../core/booking';
import { buildMonthlyReport, followUpIdsOf, monthlyReportLayout } from '../core/monthly';
import {
  type MonthlyReportRun,
  type MonthRow,
  monthlyReportLogLine,
  monthlyReportWords,
  settingsProblemsForReport,
  staleMonths,
} from '../core/monthlyWords';
import { BOOKING, LOG, SHEET } from '../core/schema';
import { dayOf, formatInstant, type LocalDate } from '../core/time';
import { BOOKING_WRITE_PLAN, bookingReader, bookingRows } from '../sheet/bookings';
import { writeMonthlySheet } from '../sheet/monthlySheet';
import { readLogColumns } from '../sheet/logColumns';
import { keyOfRow } from '../sheet/ownedWrites';
import { readTable, type Table } from '../sheet/table';
import { writeBookingCells } from './bookingWrites';
import { requireBookingSheet } from './checkService';
import { runCommand } from './command';
import { loadSettings, readClosedDays } from './context';
import { describeError } from './runAction';
import { alert, toast } from './ui';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type RowKey = ReturnType<typeof keyOfRow>;

export { monthlyReportLogLine, type MonthlyReportRun };

export function menuUpdateMonthlyReport(): void {
  runCommand('menuUpdateMonthlyReport', (command) => {
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    const run = command.locked(() => {
      const run = rebuildMonthlyReport(spreadsheet, new Date());
      command.log(spreadsheet, { detail: monthlyReportLogLine(run) });
      return run;
    });
    spreadsheet.getSheetByName(SHEET.monthly)?.activate();
    const { kind, text } = monthlyReportWords(run, command.caption);
    if (kind === 'toast') return toast(text, command.caption);
    alert(text, command.caption);
  });
}

/**
 * Rebuilds 月次集計. The caller holds the script lock (the menu above; onMonthlyTick through
 * runTick). Throws NeedsPerson when 予約 or its 相談月 / 予約ID columns are missing.
 */
export function rebuildMonthlyReport(spreadsheet: Spreadsheet, now: Date): MonthlyReportRun {
  const today = dayOf(now);
  const live = requireBookingSheet(spreadsheet, [BOOKING.date, BOOKING.office]);
  const { settings, problems } = loadSettings(spreadsheet);
  const closed = readClosedDays(spreadsheet, today);
  const liveBookings = normalizedRows(live, today);
  const outcome = writeBookingCells(
    live.sheet,
    staleMonths(liveBookings).map((c) => ({ ...c, header: BOOKING.month })),
  );
  const archiveSheet = spreadsheet.getSheetByName(SHEET.archive);
  const archived = archiveSheet ? normalizedRows(readTable(archiveSheet), today) : [];
  // A 過去の予約を保管 stopped between its copy and its deletion leaves a booking in both
  // sheets until the next run settles it: counted once, as its 予約 row.
  const liveIds = new Set(liveBookings.flatMap(({ key }) => ('id' in key ? [key.id] : [])));
  const archivedOnly = archived.filter(({ key }) => !('id' in key && liveIds.has(key.id)));
  const logLines = readLogColumns(spreadsheet, [LOG.action, LOG.bookingId]);
  const report = buildMonthlyReport({
    bookings: [...liveBookings, ...archivedOnly].flatMap((r) => (r.booking ? [r.booking] : [])),
    settings,
    closedDays: closed.closedDays,
    today,
    followUps: followUpIdsOf(
      logLines.map((l) => ({ action: l[LOG.action], bookingId: l[LOG.bookingId] })),
    ),
  });
  const written = writeMonthlySheet(spreadsheet, monthlyReportLayout(report, formatInstant(now)));
  if (!written.chart) {
    console.error(`monthly report chart failed: ${describeError(written.chartError)}`);
  }
  return {
    counted: report.counted,
    undated: report.undated,
    months: new Set(report.byOffice.map((r) => r.month)).size,
    monthsFixed: outcome.written,
    monthsSkipped: outcome.rowsNotFound + outcome.editedMeanwhile,
    chart: written.chart,
    problems: [...settingsProblemsForReport(problems), ...closed.problems],
  };
}

/** The booking rows of 予約 or 予約_保管 (same headers), normalised as the check reads them. */
function normalizedRows(table: Table, today: LocalDate): MonthRow<RowKey>[] {
  const read = bookingReader(table);
  const monthIndex = table.headers.indexOf(BOOKING.month);
  const booked = new Set(bookingRows(table));
  return table.rows.flatMap((row): MonthRow<RowKey>[] => {
    const key = keyOfRow(BOOKING_WRITE_PLAN, table, row);
    const month = monthIndex < 0 ? '' : row.values[monthIndex];
    const readRow = readBooking({ rowNumber: row.rowNumber, values: read(row) }, today);
    if (booked.has(row) && !readRow.empty) return [{ booking: readRow.booking, key, month }];
    // A row emptied by hand but still holding its 予約ID: its stale 相談月 would be counted by a
    // filter, so it is cleared (as a row it is not a booking).
    if ('id' in key && month !== '' && month !== undefined) return [{ booking: null, key, month }];
    return [];
  });
}
