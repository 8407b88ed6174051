// 保存期間を過ぎた個人情報を消去 (menu, issue 17 §1): blanks the personal cells (core/retention.ts
// PERSONAL_HEADERS) of 予約_保管 rows whose 相談日 is older than 個人情報の保存年数, keeping every
// other cell, so 月次集計 counts the same before and after. In a fixed number of calls:
//   1. reads 設定 (a malformed 保存年数 stops here: no guessed period), 予約_保管 and 対象者 once,
//      and asks (YES_NO) with the count; 「いいえ」 changes nothing;
//   2. under the script lock re-reads 予約_保管, plans again, and blanks only the filled personal
//      cells of rows found again by 予約ID that qualified in both reads (writeExactCells: one
//      setValues per rectangle of adjacent cells, single cells in one RangeList call);
//   3. flushes and re-reads 予約_保管 to verify the cells are blank; drops invitation-ledger
//      entries older than the cutoff (the ledger keeps hashes and a domain, see
//      docs/threat-model.md); writes one 操作ログ line with counts only.
// Stopped at any call, nothing that should stay has been written (only personal cells of
// qualifying rows are ever written), and a re-run finishes: rows already blank are not counted.
import { retentionCutoff } from '../core/retention';
import {
  confirmErasure,
  ERASURE_CANCELLED,
  erasureLogLine,
  erasureReport,
  nothingToErase,
  rosterReviewText,
  settingBlocksErasure,
} from '../core/retentionWords';
import { SETTING, SHEET } from '../core/schema';
import { dayOf } from '../core/time';
import { readTable } from '../sheet/table';
import { actorName, AuditLog } from './auditLog';
import { captionOf, runCommand } from './command';
import { loadSettings } from './context';
import { dropOldLedgerEntries, erasePersonalData, planOf } from './erasure/erase';
import { rosterRows } from './erasure/roster';
import { alert, confirm, toast } from './ui';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const CAPTION = captionOf('menuErasePersonalData');

export function menuErasePersonalData(): void {
  runCommand('menuErasePersonalData', (command) => {
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    const today = dayOf(new Date());
    const { settings, problems } = loadSettings(spreadsheet);
    const years = settings.retentionYears;
    if (years === null) return alert(settingBlocksErasure(problems), CAPTION);
    const cutoff = retentionCutoff(today, years);
    const review = rosterReviewText(rosterRows(spreadsheet, today, cutoff), cutoff);
    const sheet = spreadsheet.getSheetByName(SHEET.archive);
    if (!sheet) {
      return alert(
        `「${SHEET.archive}」シートがないため、消去するものはありません。${review}`,
        CAPTION,
      );
    }
    const preview = planOf(readTable(sheet), today, cutoff);
    if (preview.erase.size === 0) {
      // A run stopped after blanking the cells may have left old ledger entries: finish that.
      command.locked(() => dropOldLedgerEntries(today, cutoff));
      return alert(nothingToErase(preview) + review, CAPTION);
    }
    if (!confirm(confirmErasure(preview.erase.size, years, cutoff), CAPTION)) {
      return toast(ERASURE_CANCELLED, CAPTION);
    }
    const outcome = command.locked(() => {
      const outcome = erasePersonalData(spreadsheet, today, years, new Set(preview.erase.keys()));
      command.log(spreadsheet, { detail: erasureLogLine(outcome) });
      return outcome;
    });
    alert(erasureReport(outcome) + review, CAPTION);
  });
}

/**
 * The monthly trigger's part, under its lock: when 個人情報の自動消去 is はい, erases every row
 * that qualifies (no dialog) and logs one line; a malformed 保存年数 erases nothing and says so
 * in the log. Returns whether it ran.
 */
export function monthlyErasure(spreadsheet: Spreadsheet, now: Date): boolean {
  const { settings } = loadSettings(spreadsheet);
  if (!settings.autoErase) return false;
  const log = new AuditLog(actorName('trigger'));
  const years = settings.retentionYears;
  const detail =
    years === null
      ? `「${SETTING.retentionYears}」が読めないため消去しませんでした`
      : erasureLogLine(erasePersonalData(spreadsheet, dayOf(now), years, null));
  log.add({ action: CAPTION, detail });
  log.flush(spreadsheet);
  return true;
}
