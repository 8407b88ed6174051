// Time-driven entry points installed by 初期設定. Each runs under the script lock so a slow run
// never overlaps the next; a run that cannot get the lock exits quietly (the next tick does the
// work). An unexpected error is logged and rethrown, after the lock is released, so it reaches
// Apps Script's failure notification e-mail to the trigger owner.
import { monthlyArchive } from './archive/monthly';
import { actorName, AuditLog } from './auditLog';
import { NeedsPerson } from './checkService';
import { withScriptLock } from './lock';
import { monthlyReportLogLine, rebuildMonthlyReport } from './monthlyReport';
import { describeError } from './runAction';
import { monthlyErasure } from './erasureCommand';
import { recordHeartbeat, runDailyWork, runTenMinuteWork } from './tickService';

/** A tick waits briefly: a menu action or the previous tick holding the lock is doing the work. */
const TICK_LOCK_WAIT_MS = 5_000;

function runTick(name: string, work: () => void): void {
  try {
    const locked = withScriptLock(work, TICK_LOCK_WAIT_MS);
    if (!locked.ok) console.log(`${name}: another run holds the lock; skipped`);
  } catch (error) {
    console.error(`${name} failed: ${describeError(error)}`);
    throw error; // reaches Apps Script's failure notification e-mail to the trigger owner
  }
}

export function onTenMinuteTick(): void {
  runTick('onTenMinuteTick', () => {
    let failed = true;
    try {
      runTenMinuteWork(SpreadsheetApp.getActiveSpreadsheet(), new Date());
      failed = false;
    } finally {
      // The heartbeat 自己診断 and onOpen read: runs have stopped when it gets old.
      recordHeartbeat(new Date(), failed);
    }
  });
}

export function onDailyTick(): void {
  runTick('onDailyTick', () => runDailyWork(SpreadsheetApp.getActiveSpreadsheet(), new Date()));
}

/**
 * On the 1st of each month: 過去の予約を保管 (when 設定 自動保管 is はい), then 月次集計 (it reads
 * 予約 and 予約_保管, so its counts are the same with or without the archive run), then the
 * erasure (when 設定 個人情報の自動消去 is はい). The archive never stops the rest: its outcome
 * or failure is a 操作ログ line; an unexpected error of it is rethrown at the end.
 */
export function onMonthlyTick(): void {
  runTick('onMonthlyTick', () => {
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    const archive = monthlyArchive(spreadsheet, new Date());
    try {
      const run = rebuildMonthlyReport(spreadsheet, new Date());
      const log = new AuditLog(actorName('trigger'));
      log.add({ action: '月次集計を更新', detail: monthlyReportLogLine(run) });
      log.flush(spreadsheet);
      monthlyErasure(spreadsheet, new Date()); // only when 設定 個人情報の自動消去 is はい
    } catch (error) {
      // 初期設定 not run yet: staff see that in the menus; a failure mail every month is noise.
      if (error instanceof NeedsPerson)
        return console.warn('onMonthlyTick: skipped until 初期設定 is run');
      throw error;
    }
    if (archive.error !== null) throw archive.error;
  });
}
