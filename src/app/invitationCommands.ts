// 招待メールを送信 (menu): check every row, ask with the count of ready rows (and why the others
// are not), send exactly the confirmed ones that are still ready, then say what was sent and what
// failed, by 予約ID (words: core/invitationWords). The question is asked between two holds of
// the lock: a dialog releases it.
import { nothingToSend, SEND_CANCELLED, sendQuestion, sendReport } from '../core/invitationWords';
import { actorName, AuditLog } from './auditLog';
import { checkAndRecord } from './checkService';
import { runCommand } from './command';
import { surveyReadiness } from './send/survey';
import { sendReadyInvitations } from './sendService';
import { alert, confirm } from './ui';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export function menuSendInvitations(): void {
  runCommand('menuSendInvitations', ({ caption, locked }) => {
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    const survey = locked(() => surveyRows(spreadsheet));
    if (survey.ready.length === 0) return alert(nothingToSend(survey), caption);
    if (!confirm(sendQuestion(survey), caption)) return alert(SEND_CANCELLED, caption);
    const onlyIds = new Set(survey.ready.map((r) => r.id));
    const summary = locked(() => sendConfirmed(spreadsheet, onlyIds));
    alert(sendReport(summary, onlyIds.size), caption);
  });
}

/** Checks every row (recording チェック結果) and sorts them into ready and not. */
function surveyRows(spreadsheet: Spreadsheet) {
  const now = new Date();
  const run = checkAndRecord(spreadsheet, { now });
  const survey = surveyReadiness(run, run.settings, now, false);
  return {
    ready: survey.ready.map((r) => ({
      id: r.checked.id,
      rowNumber: r.checked.row.rowNumber,
      day: r.booking.date,
      start: r.booking.start,
      warnings: r.checked.result.warnings.length,
    })),
    notReady: survey.notReady,
    stuckSending: survey.stuckSending,
    problems: run.problems,
  };
}

function sendConfirmed(spreadsheet: Spreadsheet, onlyIds: ReadonlySet<string>) {
  const log = new AuditLog(actorName('menu'));
  const summary = sendReadyInvitations(spreadsheet, {
    now: new Date(),
    automatic: false,
    log,
    onlyIds,
  });
  log.flush(spreadsheet);
  return summary;
}
