// The 月次集計 sheet, written: the script's own sheet, so it is cleared and rewritten in one
// block, formatted with one call per kind of format, and its chart replaced. The layout (every
// cell and section) is decided in core/monthly.
import type { ReportLayout } from '../core/monthly';
import { SHEET } from '../core/schema';
import { ensureGrid } from './grid';
import { columnLetter } from './table';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const CHART_TITLE = '直近12か月の予約（状態別）';
const COUNT_FORMAT = '#,##0';
const RATE_FORMAT = '0.0%';
const HEADER_BACKGROUND = '#e8eaed';
const COLUMN_WIDTH = 110;

/** Writes the tables, then the chart; `chartError` when the chart could not be made. */
export function writeMonthlySheet(
  spreadsheet: Spreadsheet,
  layout: ReportLayout,
): { chart: true } | { chart: false; chartError: unknown } {
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
    return { chart: true };
  } catch (chartError) {
    // The tables are written; a chart that cannot be drawn must not hide them behind an error.
    return { chart: false, chartError };
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
