// Sending invitations (SPEC §4 "Sending invitations"): at most one invitation per booking, ever,
// whatever runs overlap or crash. The caller holds the script lock. For the ready rows, together:
//   1. render each mail (pure) — a booking that cannot be rendered is never marked;
//   2. write 招待メール送信日時 = `送信中 <time>` on every row to send, in one owned-cell write that
//      re-reads the sheet first and skips a row that moved away or whose mail cells (宛先, 日時,
//      URL, 状態 …) a person changed since the check; then flush, and record the marked ids in
//      the invitation ledger (a document property) — from here on no run will send these
//      bookings again, whatever happens to their cells (only 招待メールを再送 does);
//   3. MailApp.sendEmail, one per marked row; the ledger then says which went;
//   4. one owned-cell write of every outcome: the send time and 状態 確定, or why not; one append
//      to 操作ログ (booking id and terms version only). A row whose address, day, time or URL a
//      person changed while its mail was going still becomes 確定 (a mail did go, with what the
//      row said before) and gets an エラー naming the cell and saying to use 招待メールを再送.
// A crash between 2 and 4 leaves `送信中` on the marked rows: reported, and never resent
// automatically; a person checks the Gmail 送信済み folder (the operations guide says how).
//
// Spreadsheet calls: a constant per run whatever the number of rows and of mails (the check, the
// mark, one flush, the outcomes, the log). Nothing is done per row that is not ready.
// test/bundle/invitations.test.ts and test/bundle/callCounts.test.ts measure it.
//
// The steps live in app/send/ (batch.ts runs them); the decisions in core/sendPlan.ts,
// core/sendOutcomes.ts, core/changedWhileSending.ts and core/mailPolicy.ts.
import { emptySummary, type SendSummary } from '../core/sendSummary';
import { LOG_ACTION, quotaStopDetail } from '../core/sendWords';
import { dayOf } from '../core/time';
import { checkAndRecord } from './checkService';
import { loadSettings } from './context';
import { sendBatch } from './send/batch';
import { QuotaGuard } from './send/quota';
import { surveyReadiness } from './send/survey';
import type { BatchRun, SendOptions } from './send/types';

export function sendReadyInvitations(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  options: SendOptions,
): SendSummary {
  const summary = emptySummary();
  // 設定 alone first: an automatic run with 自動送信 off must stay cheap.
  const settings = options.checked?.settings ?? loadSettings(spreadsheet).settings;
  if (options.automatic && !settings.autoSend) return { ...summary, autoSendOff: true };
  const run = options.checked ?? checkAndRecord(spreadsheet, { now: options.now });
  const survey = surveyReadiness(run, settings, options.now, options.automatic);
  const ready = survey.ready.filter((r) => !options.onlyIds || options.onlyIds.has(r.checked.id));
  summary.readyAtStart = ready.length;
  summary.notReady = survey.notReady;
  summary.stuckSending = survey.stuckSending;
  summary.problems = [...new Set(run.problems)];
  if (ready.length === 0) return summary;

  const quota = new QuotaGuard(settings, dayOf(options.now));
  const batch: BatchRun = { table: run.table, settings, options, summary, outcomes: new Map() };
  sendBatch(batch, ready, quota.allowance());
  const left = summary.quota.leftUnsent;
  if (summary.quota.exhausted && left.length > 0) {
    const detail = quotaStopDetail(left.map((r) => r.id));
    options.log.add({ action: LOG_ACTION.quotaStop, detail });
    summary.quota.alert = quota.alertStaff(left);
  }
  options.log.flush(spreadsheet);
  return summary;
}
