// 選択行をチェック / すべての予約をチェック (menus): check rows, write チェック結果 and the other
// script-owned cells, then tell the person what was found.
import { MENU_ITEMS, SHEET } from '../core/schema';
import { AuditLog, actorName } from './auditLog';
import { checkAndRecord, type CheckRun, NeedsPerson, needsPersonOr } from './checkService';
import { withScriptLock } from './lock';
import { runMenuAction } from './runAction';
import { alert, BUSY_MESSAGE, toast } from './ui';

const CAPTION_SELECTED = MENU_ITEMS[0].caption;
const CAPTION_ALL = MENU_ITEMS[1].caption;
/** Rows listed by name in the dialog; the rest are counted. */
const MAX_LISTED = 10;

export function menuCheckSelectedRows(): void {
  runMenuAction(CAPTION_SELECTED, () => {
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    const rows = selectedBookingRows(spreadsheet);
    if (rows === null) {
      return alert(
        `「${SHEET.bookings}」シートで、チェックしたい行（またはその中のセル）を選んでから実行してください。`,
      );
    }
    if (rows.size === 0) return alert('見出し行ではなく、予約の行を選んでから実行してください。');
    runCheck(CAPTION_SELECTED, spreadsheet, rows);
  });
}

export function menuCheckAllRows(): void {
  runMenuAction(CAPTION_ALL, () =>
    runCheck(CAPTION_ALL, SpreadsheetApp.getActiveSpreadsheet(), undefined),
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
  caption: string,
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  onlyRows: ReadonlySet<number> | undefined,
): void {
  const locked = withScriptLock(() =>
    needsPersonOr(() => {
      const run = checkAndRecord(spreadsheet, {
        now: new Date(),
        ...(onlyRows ? { onlyRows } : {}),
      });
      const log = new AuditLog(actorName('menu'));
      log.add({ action: caption, detail: countsLine(run) });
      log.flush(spreadsheet);
      return run;
    }),
  );
  if (!locked.ok) return alert(BUSY_MESSAGE);
  if (locked.value instanceof NeedsPerson) return alert(locked.value.message, caption);
  report(caption, locked.value);
}

function countsLine(run: CheckRun): string {
  const errors = run.recorded.filter((c) => c.result.errors.length > 0).length;
  const warnings = run.recorded.filter(
    (c) => c.result.errors.length === 0 && c.result.warnings.length > 0,
  ).length;
  return `${run.recorded.length}件をチェック（エラー${errors}件・注意のみ${warnings}件）`;
}

/** A toast when all is well; a dialog naming rows by 予約ID when a person must act. */
function report(caption: string, run: CheckRun): void {
  const withErrors = run.recorded.filter((c) => c.result.errors.length > 0);
  const skipped = run.outcome.rowsNotFound + run.outcome.editedMeanwhile + run.outcome.idsInUse;
  if (withErrors.length === 0 && run.problems.length === 0 && skipped === 0) {
    return toast(`${countsLine(run)}。`, caption);
  }
  const lines = [`${countsLine(run)}。`];
  if (withErrors.length > 0) {
    lines.push('', 'エラーのある予約（「チェック結果」列を見て直してください）:');
    for (const { id, row, result } of withErrors.slice(0, MAX_LISTED)) {
      lines.push(
        `・${id || '予約IDなし'}（${row.rowNumber}行目）: エラー${result.errors.length}件`,
      );
    }
    if (withErrors.length > MAX_LISTED) lines.push(`・ほか${withErrors.length - MAX_LISTED}件`);
  }
  if (skipped > 0) {
    lines.push(
      '',
      `${skipped}か所は、チェック中に行が移動・編集されたため書き込みませんでした。もう一度チェックしてください。`,
    );
  }
  if (run.problems.length > 0)
    lines.push('', '確認してください:', ...run.problems.map((p) => `・${p}`));
  alert(lines.join('\n'), caption);
}
