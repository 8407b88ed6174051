// 選択行をチェック / すべての予約をチェック (menus): check rows, write チェック結果 and the other
// script-owned cells, then tell the person what was found (words: core/checkWords).
import {
  checkCountsLine,
  checkReport,
  type CheckedRowSummary,
  NOT_THE_HEADER_ROW,
  SELECT_BOOKING_ROWS,
} from '../core/checkWords';
import { SHEET } from '../core/schema';
import { checkAndRecord, type CheckRun } from './checkService';
import { type Command, runCommand } from './command';
import { alert, toast } from './ui';

export function menuCheckSelectedRows(): void {
  runCommand('menuCheckSelectedRows', (command) => {
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    const rows = selectedBookingRows(spreadsheet);
    if (rows === null) return alert(SELECT_BOOKING_ROWS);
    if (rows.size === 0) return alert(NOT_THE_HEADER_ROW);
    runCheck(command, spreadsheet, rows);
  });
}

export function menuCheckAllRows(): void {
  runCommand('menuCheckAllRows', (command) =>
    runCheck(command, SpreadsheetApp.getActiveSpreadsheet(), undefined),
  );
}

/** Sheet rows covered by the selection (any number of ranges), or null when 予約 is not active. */
function selectedBookingRows(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
): Set<number> | null {
  if (spreadsheet.getActiveSheet().getName() !== SHEET.bookings) return null;
  const ranges = spreadsheet.getActiveRangeList()?.getRanges() ?? [];
  const rows = new Set<number>();
  for (const range of ranges) {
    for (let r = Math.max(range.getRow(), 2); r <= range.getLastRow(); r++) rows.add(r);
  }
  return rows;
}

function runCheck(
  command: Command,
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  onlyRows: ReadonlySet<number> | undefined,
): void {
  const run = command.locked(() => {
    const run = checkAndRecord(spreadsheet, { now: new Date(), ...(onlyRows ? { onlyRows } : {}) });
    command.log(spreadsheet, { detail: checkCountsLine(summaries(run)) });
    return run;
  });
  const { kind, text } = told(run);
  if (kind === 'toast') return toast(text, command.caption);
  alert(text, command.caption);
}

function told(run: CheckRun) {
  const { rowsNotFound, editedMeanwhile, idsInUse } = run.outcome;
  return checkReport({
    recorded: summaries(run),
    skipped: rowsNotFound + editedMeanwhile + idsInUse,
    problems: run.problems,
  });
}

function summaries(run: CheckRun): CheckedRowSummary[] {
  return run.recorded.map(({ id, row, result }) => ({
    id,
    rowNumber: row.rowNumber,
    errors: result.errors.length,
    warnings: result.warnings.length,
    finished: result.finished,
  }));
}
