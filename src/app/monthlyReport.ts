// 月次集計を更新 (menu) and the monthly trigger's work: rebuild the 月次集計 sheet from 予約 and
// 予約_保管. The sheet is the script's own, so it is cleared and rewritten; the work is a fixed
// number of calls whatever the row count: read both sheets, settings and 休業日 in batches, bring
// 相談月 up to date where it is stale (the same cell the check writes), write the report in one
// block, format it with one call per kind of format, and replace the chart.
//
// Counting rules: see core/monthly.ts. 相談月 is refreshed first so that, at the moment the report
// is written, filtering 予約 and 予約_保管 on 相談月 and 窓口 gives the report's 予約数.
import { readBooking, type NormalizedBooking } from '../core/booking';
import {
  buildMonthlyReport,
  monthlyReportLayout,
  type MonthlyReport,
  type ReportLayout,
} from '../core/monthly';
import { BOOKING, MENU_ITEMS, SHEET } from '../core/schema';
import { dayOf, formatInstant, formatMonth, isValidInstant, type LocalDate } from '../core/time';
import { BOOKING_WRITE_PLAN, bookingReader, bookingRows } from '../sheet/bookings';
import { keyOfRow, type OwnedChange, type WriteOutcome } from '../sheet/ownedWrites';
import { ensureGrid } from '../sheet/grid';
import { type Cell, columnLetter, readTable, type Table } from '../sheet/table';
import { actorName, AuditLog } from './auditLog';
import { writeBookingCells } from './bookingWrites';
import { NeedsPerson, needsPersonOr, requireBookingSheet } from './checkService';
import { loadSettings, readClosedDays } from './context';
import { withScriptLock } from './lock';
import { describeError, runMenuAction } from './runAction';
import { alert, BUSY_MESSAGE, toast } from './ui';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const CAPTION = MENU_ITEMS[5].caption;
const CHART_TITLE = '直近12か月の予約（状態別）';
const COUNT_FORMAT = '#,##0';
const RATE_FORMAT = '0.0%';
const HEADER_BACKGROUND = '#e8eaed';
const COLUMN_WIDTH = 110;

export interface MonthlyReportRun {
  /** Bookings counted (予約 + 予約_保管, with a readable 相談日). */
  counted: number;
  /** Rows left out: 相談日 unreadable. */
  undated: number;
  /** Months in the 月別・窓口別 table. */
  months: number;
  /** 相談月 cells brought up to date in 予約. */
  monthsFixed: number;
  /** 相談月 cells not fixed because the row moved or was edited meanwhile. */
  monthsSkipped: number;
  /** false when the tables were written but the chart could not be made. */
  chart: boolean;
  /** 設定 / 休業日 problems, for the person. */
  problems: string[];
}

export function menuUpdateMonthlyReport(): void {
  runMenuAction(CAPTION, () => {
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    const locked = withScriptLock(() =>
      needsPersonOr(() => {
        const run = rebuildMonthlyReport(spreadsheet, new Date());
        const log = new AuditLog(actorName('menu'));
        log.add({ action: CAPTION, detail: monthlyReportLogLine(run) });
        log.flush(spreadsheet);
        return run;
      }),
    );
    if (!locked.ok) return alert(BUSY_MESSAGE, CAPTION);
    if (locked.value instanceof NeedsPerson) return alert(locked.value.message, CAPTION);
    spreadsheet.getSheetByName(SHEET.monthly)?.activate();
    reportToPerson(locked.value);
  });
}

/**
 * Rebuilds 月次集計. The caller holds the script lock (the menu above; onMonthlyTick through
 * runTick). Throws NeedsPerson when 予約 or its 相談月 / 予約ID columns are missing.
 */
export function rebuildMonthlyReport(spreadsheet: Spreadsheet, now: Date): MonthlyReportRun {
  const today = dayOf(now);
  const live = readLive(spreadsheet);
  const { settings, problems } = loadSettings(spreadsheet);
  const closed = readClosedDays(spreadsheet, today);
  const liveBookings = normalizedRows(live, today);
  const outcome = refreshMonths(live, liveBookings);
  const archiveSheet = spreadsheet.getSheetByName(SHEET.archive);
  const archived = archiveSheet ? normalizedRows(readTable(archiveSheet), today) : [];
  const report = buildMonthlyReport({
    bookings: [...liveBookings, ...archived].flatMap((r) => (r.booking ? [r.booking] : [])),
    settings,
    closedDays: closed.closedDays,
    today,
  });
  const charted = writeReport(spreadsheet, monthlyReportLayout(report, formatInstant(now)));
  return {
    counted: report.counted,
    undated: report.undated,
    months: new Set(report.byOffice.map((r) => r.month)).size,
    monthsFixed: outcome.written,
    monthsSkipped: outcome.rowsNotFound + outcome.editedMeanwhile,
    chart: charted,
    problems: [...settingsProblemsForReport(problems), ...closed.problems],
  };
}

export function monthlyReportLogLine(run: MonthlyReportRun): string {
  const undated = run.undated > 0 ? `、相談日が読めず除外${run.undated}件` : '';
  return `${run.counted}件を集計（${run.months}か月分${undated}）、相談月を${run.monthsFixed}件更新`;
}

// ---------------------------------------------------------------------------------------------
// Reading

function readLive(spreadsheet: Spreadsheet): Table {
  return requireBookingSheet(spreadsheet, [BOOKING.date, BOOKING.office]);
}

interface ReadRow {
  /** null for a row that is not a booking (nothing typed in it). */
  booking: NormalizedBooking | null;
  key: ReturnType<typeof keyOfRow>;
  month: Cell | undefined;
}

/** The booking rows of 予約 or 予約_保管 (same headers), normalised as the check reads them. */
function normalizedRows(table: Table, today: LocalDate): ReadRow[] {
  const read = bookingReader(table);
  const monthIndex = table.headers.indexOf(BOOKING.month);
  const booked = new Set(bookingRows(table));
  return table.rows.flatMap((row): ReadRow[] => {
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

/** Only the problems that change the report: slots, capacity and offices. */
function settingsProblemsForReport(problems: readonly string[]): string[] {
  return problems.filter((p) => /「(開始時刻|各枠の定員|窓口)」/.test(p));
}

/** 相談月 = 'yyyy-MM' of 相談日 on every booking row of 予約, as the check writes it. */
function refreshMonths(table: Table, rows: readonly ReadRow[]): WriteOutcome {
  const changes: OwnedChange[] = [];
  for (const { booking, key, month } of rows) {
    const wanted = booking?.date ? formatMonth(booking.date) : '';
    const current = isValidInstant(month) ? month : String(month ?? '');
    if (current === wanted) continue;
    changes.push({ key, header: BOOKING.month, expected: current, value: wanted });
  }
  return writeBookingCells(table.sheet, changes);
}

// ---------------------------------------------------------------------------------------------
// Writing the sheet

/** Writes the tables and the chart; false when the chart could not be made. */
function writeReport(spreadsheet: Spreadsheet, layout: ReportLayout): boolean {
  const sheet = spreadsheet.getSheetByName(SHEET.monthly) ?? spreadsheet.insertSheet(SHEET.monthly);
  sheet.clear();
  for (const chart of sheet.getCharts()) sheet.removeChart(chart);
  const height = layout.rows.length;
  const chartColumn = layout.width + 2;
  ensureGrid(sheet, height, chartColumn);
  // Text goes in behind an apostrophe so '2026-12' and '10:00' stay text, and names stay names.
  const values = layout.rows.map((row) =>
    row.map((cell) => (typeof cell === 'string' && cell !== '' ? `'${cell}` : cell)),
  );
  sheet.getRange(1, 1, height, layout.width).setValues(values);
  applyFormats(sheet, layout);
  sheet.setColumnWidths(1, layout.width, COLUMN_WIDTH);
  try {
    insertChart(sheet, layout, chartColumn);
    return true;
  } catch (error) {
    // The tables are written; a chart that cannot be drawn must not hide them behind an error.
    console.error(`monthly report chart failed: ${describeError(error)}`);
    return false;
  }
}

/** One call per kind of format, over every section (A1 lists of column stretches). */
function applyFormats(sheet: Sheet, layout: ReportLayout): void {
  const counts: string[] = [];
  const rates: string[] = [];
  const headers: string[] = [];
  const titles = ['A1'];
  for (const section of layout.sections) {
    const first = section.headerRow + 2; // 1-based row of the first data row
    const last = first + section.dataRows - 1;
    titles.push(`A${section.titleRow + 1}`);
    headers.push(
      `A${section.headerRow + 1}:${columnLetter(section.width)}${section.headerRow + 1}`,
    );
    if (section.dataRows === 0) continue;
    for (const c of section.countColumns) counts.push(stretch(c, first, last));
    for (const c of section.rateColumns) rates.push(stretch(c, first, last));
  }
  const bold = [
    ...titles,
    ...headers,
    ...layout.totalRows.map((r) => `A${r + 1}:${columnLetter(layout.width)}${r + 1}`),
  ];
  if (counts.length > 0) sheet.getRangeList(counts).setNumberFormat(COUNT_FORMAT);
  if (rates.length > 0) sheet.getRangeList(rates).setNumberFormat(RATE_FORMAT);
  sheet.getRangeList(bold).setFontWeight('bold');
  if (headers.length > 0) sheet.getRangeList(headers).setBackground(HEADER_BACKGROUND);
}

function stretch(column: number, first: number, last: number): string {
  const letter = columnLetter(column + 1);
  return `${letter}${first}:${letter}${last}`;
}

/** The last 12 months, stacked by 状態 (the stack is 予約数), beside the tables. */
function insertChart(sheet: Sheet, layout: ReportLayout, column: number): void {
  const { row, numRows, numColumns } = layout.chart;
  const source = sheet.getRange(row + 1, layout.chart.column + 1, numRows, numColumns);
  const chart = sheet
    .newChart()
    .setChartType(Charts.ChartType.COLUMN)
    .addRange(source)
    .setPosition(row, column, 0, 0)
    .setOption('title', CHART_TITLE)
    .setOption('isStacked', true)
    .setOption('legend', { position: 'bottom' })
    .build();
  sheet.insertChart(chart);
}

// ---------------------------------------------------------------------------------------------
// What the person is told

function reportToPerson(run: MonthlyReportRun): void {
  const done = `月次集計を更新しました（予約${run.counted}件、${run.months}か月分）。`;
  const needs: string[] = [];
  if (run.undated > 0) {
    needs.push(
      `・相談日が読めない予約${run.undated}件は数えていません。「すべての予約をチェック」を実行し、「チェック結果」に「相談日」のエラーが出た行を直してください。`,
    );
  }
  if (run.monthsSkipped > 0) {
    needs.push(
      `・${run.monthsSkipped}行は更新中に編集・移動されたため「相談月」を書き直していません。絞り込みの件数と集計が合わないときは、もう一度「${CAPTION}」を実行してください。`,
    );
  }
  if (!run.chart) {
    needs.push(
      '・表は更新しましたが、グラフを作れませんでした。もう一度実行しても直らない場合は管理者に連絡してください。',
    );
  }
  needs.push(...run.problems.map((p) => `・${p}`));
  if (needs.length === 0) return toast(done, CAPTION);
  alert([done, '', '確認してください:', ...needs].join('\n'), CAPTION);
}

export type { MonthlyReport };
