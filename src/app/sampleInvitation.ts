// 自己診断's second half: a sample invitation to the person's own address, made from the current
// settings. The only write is one 操作ログ line once the mail went (words: core/selfCheckWords).
import { escapeHtml, renderInvitation, type RenderedInvitation } from '../core/invitation';
import { SAMPLE_NOTICE, SAMPLE_SUBJECT_PREFIX, sampleInvitationInput } from '../core/selfCheck';
import {
  SAMPLE_LOG_DETAIL,
  SAMPLE_NOT_SENT,
  SAMPLE_START_UNREADABLE,
  sampleCannotBeMade,
  sampleQuestion,
  sampleSent,
} from '../core/selfCheckWords';
import type { Settings } from '../core/settings';
import { dayOf } from '../core/time';
import type { Command } from './command';
import { readClosedDays } from './context';
import { withScriptLock } from './lock';
import { describeError } from './runAction';
import { mailMessage } from './send/message';
import { alert, confirm } from './ui';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export function offerSampleInvitation(
  command: Command,
  spreadsheet: Spreadsheet,
  settings: Settings,
): void {
  const { caption } = command;
  const address = Session.getActiveUser().getEmail() || Session.getEffectiveUser().getEmail();
  if (address === '') return; // Google withheld the address: there is nobody to send to
  if (!confirm(sampleQuestion(address), caption)) return;
  const now = new Date();
  const closedDays = readClosedDays(spreadsheet, dayOf(now)).closedDays;
  const input = sampleInvitationInput(settings, closedDays, now);
  if (input === null) return alert(SAMPLE_START_UNREADABLE, caption);
  const mail = renderInvitation(input);
  if (mail.problems.length > 0) return alert(sampleCannotBeMade(mail.problems), caption);
  try {
    MailApp.sendEmail(sampleMessage(address, mail, settings, input.office));
  } catch (error) {
    console.error(`${caption}: sample not sent: ${describeError(error)}`);
    return alert(SAMPLE_NOT_SENT, caption);
  }
  logSampleSent(command, spreadsheet);
  alert(sampleSent(address), caption);
}

/**
 * One 操作ログ line, under the lock; a failure here must not hide that the mail went out, so a
 * busy lock is logged, not shown (the runner's `locked` would end the command with a dialog).
 */
function logSampleSent(command: Command, spreadsheet: Spreadsheet): void {
  const { caption } = command;
  try {
    const logged = withScriptLock(() => command.log(spreadsheet, { detail: SAMPLE_LOG_DETAIL }));
    if (!logged.ok) console.warn(`${caption}: sample sent; 操作ログ busy, line not written`);
  } catch (error) {
    console.error(`${caption}: sample sent; 操作ログ line failed: ${describeError(error)}`);
  }
}

/** The same shape as a real invitation (app/send/message), marked as a sample in the subject and body. */
function sampleMessage(
  to: string,
  mail: RenderedInvitation,
  settings: Settings,
  office: string,
): GoogleAppsScript.Mail.MailAdvancedParameters {
  const sample = {
    ...mail,
    subject: SAMPLE_SUBJECT_PREFIX + mail.subject,
    body: `${SAMPLE_NOTICE}\n\n${mail.body}`,
    htmlBody: mail.htmlBody.replace(
      '<body>',
      `<body><p><strong>${escapeHtml(SAMPLE_NOTICE)}</strong></p>`,
    ),
  };
  return mailMessage(to, sample, settings, office).message;
}
