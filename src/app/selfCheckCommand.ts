// 自己診断 (menu): read everything the health report needs, show it in one dialog, then offer a
// sample invitation to the person's own address. Changes nothing in the sheet; the only write is
// one 操作ログ line when the sample is sent (a mail went out from this account). No lock is held
// while a dialog is open: Google releases the script's locks while a dialog waits for an answer.
import {
  escapeHtml,
  renderInvitation,
  singleLine,
  type RenderedInvitation,
} from '../core/invitation';
import { MENU_ITEMS } from '../core/schema';
import {
  SAMPLE_NOTICE,
  SAMPLE_SUBJECT_PREFIX,
  sampleInvitationInput,
  selfCheck,
  selfCheckReport,
} from '../core/selfCheck';
import type { Settings } from '../core/settings';
import { dayOf } from '../core/time';
import { readStructure } from '../sheet/health';
import { AuditLog, actorName } from './auditLog';
import { loadSettings, readClosedDays } from './context';
import { withScriptLock } from './lock';
import { describeError, runMenuAction } from './runAction';
import { readHeartbeat } from './tickService';
import { EXPECTED_TRIGGERS, OWNER_PROPERTY } from './triggers';
import { alert, confirm } from './ui';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const CAPTION = MENU_ITEMS.find((item) => item.handler === 'menuSelfCheck')!.caption;
const ICS_CONTENT_TYPE = 'text/calendar';

export function menuSelfCheck(): void {
  runMenuAction(CAPTION, () => {
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    const { report, settings } = diagnose(spreadsheet, new Date());
    alert(report, CAPTION);
    offerSampleInvitation(spreadsheet, settings);
  });
}

function diagnose(spreadsheet: Spreadsheet, now: Date): { report: string; settings: Settings } {
  const { settings, problems } = loadSettings(spreadsheet);
  const structure = readStructure(spreadsheet);
  const clock = ScriptApp.EventType.CLOCK;
  const findings = selfCheck({
    now,
    spreadsheetTimeZone: spreadsheet.getSpreadsheetTimeZone(),
    scriptTimeZone: Session.getScriptTimeZone(),
    expectedTriggers: EXPECTED_TRIGGERS,
    // Only this account's triggers: Google shows nobody the triggers of another account.
    triggersSeen: ScriptApp.getProjectTriggers()
      .filter((t) => t.getEventType() === clock)
      .map((t) => t.getHandlerFunction()),
    triggerOwner: PropertiesService.getDocumentProperties().getProperty(OWNER_PROPERTY),
    me: Session.getEffectiveUser().getEmail(),
    heartbeat: readHeartbeat(),
    mailQuota: MailApp.getRemainingDailyQuota(),
    dailyInvitations: settings.slots.length * settings.offices.length * settings.capacity,
    settingsProblems: problems,
    sheets: structure.sheets,
    protections: structure.protections,
  });
  return { report: selfCheckReport(findings), settings };
}

function offerSampleInvitation(spreadsheet: Spreadsheet, settings: Settings): void {
  const address = Session.getActiveUser().getEmail() || Session.getEffectiveUser().getEmail();
  if (address === '') return; // Google withheld the address: there is nobody to send to
  const question =
    `見本の招待メールを、あなたのアドレス（${address}）に1通送りますか？\n` +
    'いまの設定（件名・本文・電話番号・差出人名・返信先）で、見本の氏名・日時・会議URLを使って作ります。予約シートは変わりません（操作ログに1行記録します）。';
  if (!confirm(question, CAPTION)) return;
  const now = new Date();
  const input = sampleInvitationInput(
    settings,
    readClosedDays(spreadsheet, dayOf(now)).closedDays,
    now,
  );
  if (input === null)
    return alert(
      '設定「開始時刻」が読み取れないため、見本を作れません。設定を直してください。',
      CAPTION,
    );
  const mail = renderInvitation(input);
  if (mail.problems.length > 0) {
    return alert(
      [
        'いまの設定では招待メールを作れません。次を直してください（本番の招待メールも送れません）。',
        '',
        ...mail.problems,
      ].join('\n'),
      CAPTION,
    );
  }
  try {
    MailApp.sendEmail(sampleMessage(address, mail, settings, input.office));
  } catch (error) {
    console.error(`${CAPTION}: sample not sent: ${describeError(error)}`);
    return alert(
      '見本の招待メールを送れませんでした（今日の送信上限に達したか、メールサービスが受け付けませんでした）。時間をおいてもう一度お試しください。',
      CAPTION,
    );
  }
  logSampleSent(spreadsheet);
  alert(
    `見本の招待メールを ${address} に送りました。件名は「${SAMPLE_SUBJECT_PREFIX}」で始まります。届いた文面・差出人名・返信先・添付の予定（.ics）を確かめてください。`,
    CAPTION,
  );
}

/** One 操作ログ line, under the lock; a failure here must not hide that the mail went out. */
function logSampleSent(spreadsheet: Spreadsheet): void {
  try {
    const logged = withScriptLock(() => {
      const log = new AuditLog(actorName('menu'));
      log.add({ action: CAPTION, detail: '見本の招待メールを自分あてに送信しました' });
      log.flush(spreadsheet);
    });
    if (!logged.ok) console.warn(`${CAPTION}: sample sent; 操作ログ busy, line not written`);
  } catch (error) {
    console.error(`${CAPTION}: sample sent; 操作ログ line failed: ${describeError(error)}`);
  }
}

/** The same shape as a real invitation (see sendService), marked as a sample in the subject and body. */
function sampleMessage(
  to: string,
  mail: RenderedInvitation,
  settings: Settings,
  office: string,
): GoogleAppsScript.Mail.MailAdvancedParameters {
  const message: GoogleAppsScript.Mail.MailAdvancedParameters = {
    to,
    subject: SAMPLE_SUBJECT_PREFIX + mail.subject,
    body: `${SAMPLE_NOTICE}\n\n${mail.body}`,
    htmlBody: mail.htmlBody.replace(
      '<body>',
      `<body><p><strong>${escapeHtml(SAMPLE_NOTICE)}</strong></p>`,
    ),
    name: singleLine(settings.senderNames[office] ?? ''),
  };
  if (settings.replyTo) message.replyTo = settings.replyTo;
  if (mail.ics) {
    message.attachments = [
      Utilities.newBlob(mail.ics.content, ICS_CONTENT_TYPE, mail.ics.fileName),
    ];
  }
  return message;
}
