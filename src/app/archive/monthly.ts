// 過去の予約を保管 from the monthly trigger (設定 自動保管, default はい), before 月次集計: the same
// run as the menu (run.ts: copy, read back, delete only rows that still hold what was copied,
// settle), without a dialog, under the trigger's script lock. It never throws: its outcome, a
// collision or a failure is one 操作ログ line, and when something needs a person a short mail
// goes to 通知先メール; the caller goes on to 月次集計 whatever happened here.
import { mailStaff } from '../staffMail';
import type { ArchiveRun } from '../../core/archiveRun';
import {
  autoArchiveLogLine,
  autoArchiveMail,
  type AutoArchiveMailed,
  autoArchiveNeeds,
  type AutoArchiveOutcome,
} from '../../core/autoArchiveWords';
import type { Settings } from '../../core/settings';
import { actorName, AuditLog } from '../auditLog';
import { NeedsPerson } from '../checkService';
import { captionOf } from '../command';
import { loadSettings } from '../context';
import { describeError } from '../runAction';
import { archiveOldBookings } from './run';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const CAPTION = captionOf('menuArchiveOldBookings');

export interface MonthlyArchive {
  /** false when 設定 自動保管 is いいえ (nothing read but 設定, nothing written). */
  ran: boolean;
  run: ArchiveRun | null;
  /** An unexpected error, already logged: the caller rethrows it after its other work. */
  error: unknown;
}

/** The monthly trigger's part (the caller holds the script lock). */
export function monthlyArchive(spreadsheet: Spreadsheet, now: Date): MonthlyArchive {
  let settings: Settings;
  try {
    settings = loadSettings(spreadsheet).settings;
  } catch (error) {
    console.error(`monthly archive: 設定 not read: ${describeError(error)}`);
    return { ran: false, run: null, error };
  }
  if (!settings.autoArchive) return { ran: false, run: null, error: null };
  const { outcome, unexpected: failed } = attempt(spreadsheet, now);
  let unexpected = failed;
  const mailed = tellStaff(spreadsheet, outcome, settings, now);
  try {
    const log = new AuditLog(actorName('trigger'));
    log.add({ action: CAPTION, detail: autoArchiveLogLine(outcome, mailed) });
    log.flush(spreadsheet);
  } catch (error) {
    console.error(`monthly archive: 操作ログ not written: ${describeError(error)}`);
    unexpected ??= error;
  }
  return { ran: true, run: outcome.kind === 'done' ? outcome.run : null, error: unexpected };
}

/**
 * The run, tried once more at once after an unexpected error (a Sheets service error is often
 * passing, and a re-run finishes a stopped one: rows already copied are found by 予約ID).
 */
function attempt(
  spreadsheet: Spreadsheet,
  now: Date,
): { outcome: AutoArchiveOutcome; unexpected: unknown } {
  for (let round = 1; ; round++) {
    try {
      return {
        outcome: { kind: 'done', run: archiveOldBookings(spreadsheet, now), retried: round > 1 },
        unexpected: null,
      };
    } catch (error) {
      console.error(`monthly archive failed (attempt ${round}): ${describeError(error)}`);
      if (error instanceof NeedsPerson) {
        return { outcome: { kind: 'failed', reason: error.message }, unexpected: null };
      }
      if (round === 2) return { outcome: { kind: 'failed', reason: null }, unexpected: error };
    }
  }
}

/** The short mail to 通知先メール, only when something needs a person. */
function tellStaff(
  spreadsheet: Spreadsheet,
  outcome: AutoArchiveOutcome,
  settings: Settings,
  now: Date,
): AutoArchiveMailed {
  if (autoArchiveNeeds(outcome, CAPTION).length === 0) return 'notNeeded';
  if (settings.alertTo.length === 0) return 'noAddress';
  try {
    if (MailApp.getRemainingDailyQuota() < settings.alertTo.length) return 'noQuota';
    const mail = autoArchiveMail(outcome, {
      now,
      caption: CAPTION,
      spreadsheetUrl: spreadsheet.getUrl(),
    });
    mailStaff(settings, mail);
    return 'sent';
  } catch (error) {
    console.error(`monthly archive: mail to 通知先メール failed: ${describeError(error)}`);
    return 'failed';
  }
}
