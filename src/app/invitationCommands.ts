// 招待メールを送信 / 招待メールをプレビュー (menus). Sending: check every row, ask with the count
// of ready rows (and why the others are not), send exactly the confirmed ones that are still
// ready, then say what was sent and what failed, by 予約ID. Preview: the exact mail for the
// selected row, sending nothing.
import { renderInvitation } from '../core/invitation';
import { escapeHtml } from '../core/invitation';
import { invitationInputFor, notReadyLines } from '../core/readiness';
import { BOOKING, MENU_ITEMS, SHEET } from '../core/schema';
import { AuditLog, actorName } from './auditLog';
import { checkAndRecord, NeedsPerson, needsPersonOr } from './checkService';
import { withScriptLock } from './lock';
import { runMenuAction } from './runAction';
import {
  type RowRef,
  sendReadyInvitations,
  type SendSummary,
  surveyReadiness,
} from './sendService';
import { alert, BUSY_MESSAGE, confirm } from './ui';

const CAPTION_SEND = MENU_ITEMS[2].caption;
const CAPTION_PREVIEW = MENU_ITEMS[3].caption;
/** Rows listed by id in a dialog; the rest are counted. */
const MAX_LISTED = 15;

export function menuSendInvitations(): void {
  runMenuAction(CAPTION_SEND, () => {
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    const surveyed = withScriptLock(() =>
      needsPersonOr(() => {
        const now = new Date();
        const run = checkAndRecord(spreadsheet, { now });
        return { survey: surveyReadiness(run, run.settings, now, false), problems: run.problems };
      }),
    );
    if (!surveyed.ok) return alert(BUSY_MESSAGE, CAPTION_SEND);
    if (surveyed.value instanceof NeedsPerson) return alert(surveyed.value.message, CAPTION_SEND);
    const { survey, problems } = surveyed.value;
    const others = notReadyLines(survey.notReady);
    const stuck = stuckLines(survey.stuckSending);
    if (survey.ready.length === 0) {
      const lines = ['送信できる招待メールはありません。'];
      if (others.length > 0) lines.push('', '送らない予約:', ...others);
      return alert([...lines, ...stuck, ...problemLines(problems)].join('\n'), CAPTION_SEND);
    }
    const question = [
      `${survey.ready.length}件の招待メールを送信します。よろしいですか？`,
      ...listIds(
        survey.ready.map((r) => ({ id: r.checked.id, rowNumber: r.checked.row.rowNumber })),
      ),
      ...(others.length > 0 ? ['', '送らない予約:', ...others] : []),
      ...stuck,
    ].join('\n');
    if (!confirm(question, CAPTION_SEND))
      return alert('送信を取りやめました。何も送っていません。', CAPTION_SEND);

    const onlyIds = new Set(survey.ready.map((r) => r.checked.id));
    const sent = withScriptLock(() =>
      needsPersonOr(() => {
        const log = new AuditLog(actorName('menu'));
        const summary = sendReadyInvitations(spreadsheet, {
          now: new Date(),
          automatic: false,
          log,
          onlyIds,
        });
        log.flush(spreadsheet);
        return summary;
      }),
    );
    if (!sent.ok) return alert(BUSY_MESSAGE, CAPTION_SEND);
    if (sent.value instanceof NeedsPerson) return alert(sent.value.message, CAPTION_SEND);
    alert(sendReport(sent.value, onlyIds.size), CAPTION_SEND);
  });
}

export function menuPreviewInvitation(): void {
  runMenuAction(CAPTION_PREVIEW, () => {
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    if (spreadsheet.getActiveSheet().getName() !== SHEET.bookings) {
      return alert(
        `「${SHEET.bookings}」シートで、プレビューしたい予約の行を選んでから実行してください。`,
        CAPTION_PREVIEW,
      );
    }
    const rowNumber = spreadsheet.getActiveRange()?.getRow() ?? 0;
    if (rowNumber < 2)
      return alert('見出し行ではなく、予約の行を選んでから実行してください。', CAPTION_PREVIEW);
    const result = withScriptLock(() => needsPersonOr(() => previewOf(spreadsheet, rowNumber)));
    if (!result.ok) return alert(BUSY_MESSAGE, CAPTION_PREVIEW);
    if (result.value instanceof NeedsPerson) return alert(result.value.message, CAPTION_PREVIEW);
    const preview = result.value;
    if (preview.kind === 'message') return alert(preview.text, CAPTION_PREVIEW);
    const output = HtmlService.createHtmlOutput(preview.html).setWidth(720).setHeight(560);
    SpreadsheetApp.getUi().showModalDialog(
      output,
      `${CAPTION_PREVIEW}（${preview.id}・送信はしていません）`,
    );
  });
}

type Preview = { kind: 'message'; text: string } | { kind: 'mail'; id: string; html: string };

/** Checks the row (recording チェック結果 like 選択行をチェック) and renders its invitation. */
function previewOf(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  rowNumber: number,
): Preview {
  const now = new Date();
  const run = checkAndRecord(spreadsheet, { now, onlyRows: new Set([rowNumber]) });
  const checked = run.checked.find((c) => c.row.rowNumber === rowNumber);
  if (!checked) return { kind: 'message', text: `${rowNumber}行目には予約が入力されていません。` };
  const { errors, booking } = checked.result;
  const label = `${checked.id || '予約IDなし'}（${rowNumber}行目）`;
  if (errors.length > 0) {
    return {
      kind: 'message',
      text: [
        `${label} にはエラーがあるため、招待メールを送れません。直してからもう一度お試しください。`,
        '',
        ...errors,
      ].join('\n'),
    };
  }
  const input = invitationInputFor(checked.id, booking, run.settings, now);
  if (input === null)
    return { kind: 'message', text: `${label} の相談日か開始時刻が読み取れません。` };
  const mail = renderInvitation(input);
  if (mail.problems.length > 0) {
    return {
      kind: 'message',
      text: [`${label} の招待メールを作れません。次を直してください。`, '', ...mail.problems].join(
        '\n',
      ),
    };
  }
  const fields: [string, string][] = [
    ['宛先', booking.email ?? ''],
    ['差出人名', input.senderName],
    ['返信先', run.settings.replyTo ?? '（送信するアカウント）'],
    ['件名', mail.subject],
    ['添付', mail.ics ? mail.ics.fileName : 'なし'],
  ];
  const notes: string[] = [];
  if (checked.result.warnings.length > 0) notes.push(...checked.result.warnings);
  const html = [
    '<!DOCTYPE html><html lang="ja"><head><meta charset="UTF-8"><style>',
    'body{font-family:sans-serif;font-size:13px}th{text-align:left;padding-right:1em;vertical-align:top}',
    'pre{white-space:pre-wrap;border:1px solid #ccc;padding:8px;background:#fafafa}',
    '.note{color:#a15c00}</style></head><body>',
    '<p>この画面はプレビューです。メールは送っていません。</p>',
    '<table>',
    ...fields.map(([k, v]) => `<tr><th>${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`),
    '</table>',
    ...notes.map((n) => `<p class="note">${escapeHtml(n)}</p>`),
    `<pre>${escapeHtml(mail.body)}</pre>`,
    '</body></html>',
  ].join('');
  return { kind: 'mail', id: checked.id, html };
}

function listIds(rows: readonly RowRef[]): string[] {
  const lines = rows.slice(0, MAX_LISTED).map((r) => `・${r.id}（${r.rowNumber}行目）`);
  if (rows.length > MAX_LISTED) lines.push(`・ほか${rows.length - MAX_LISTED}件`);
  return lines;
}

function stuckLines(stuck: readonly RowRef[]): string[] {
  if (stuck.length === 0) return [];
  return [
    '',
    `「送信中」のままの予約が${stuck.length}件あります（自動では送り直しません）。` +
      `送信したアカウントの Gmail「送信済み」を確認し、「${BOOKING.invitedAt}」を直してください:`,
    ...listIds(stuck),
  ];
}

function problemLines(problems: readonly string[]): string[] {
  return problems.length > 0 ? ['', '確認してください:', ...problems.map((p) => `・${p}`)] : [];
}

function sendReport(summary: SendSummary, confirmed: number): string {
  const lines = [
    `招待メールを${summary.sent.length}件送信しました（確認した${confirmed}件のうち）。`,
  ];
  if (summary.sent.length > 0) lines.push(...listIds(summary.sent));
  const statusSkipped = summary.sent.filter((s) => !s.statusWritten);
  if (statusSkipped.length > 0) {
    lines.push(
      '',
      '送信中に「状態」が変更されたため、「確定」にしなかった予約:',
      ...listIds(statusSkipped),
    );
  }
  if (summary.changedWhileSending.length > 0) {
    lines.push(
      '',
      '送信中に宛先や日時が変更された予約（変更前の内容で送られています。行を選んで「招待メールを再送」を実行してください）:',
      ...summary.changedWhileSending
        .slice(0, MAX_LISTED)
        .map((c) => `・${c.id}（${c.rowNumber}行目）: ${c.fields.map((f) => `「${f}」`).join('')}`),
    );
  }
  if (summary.failed.length > 0) {
    lines.push(
      '',
      `送れなかった予約が${summary.failed.length}件あります（「チェック結果」に理由があります）:`,
    );
    lines.push(
      ...summary.failed
        .slice(0, MAX_LISTED)
        .map((f) => `・${f.id}（${f.rowNumber}行目）: ${f.reason}`),
    );
    if (summary.failed.length > MAX_LISTED)
      lines.push(`・ほか${summary.failed.length - MAX_LISTED}件`);
  }
  if (summary.changedMeanwhile.length > 0) {
    lines.push(
      '',
      '確認のあとに行が編集・移動されたため送らなかった予約（もう一度「招待メールを送信」を実行してください）:',
      ...listIds(summary.changedMeanwhile),
    );
  }
  if (summary.quota.leftUnsent.length > 0) {
    const alerted =
      summary.quota.alert === 'sent'
        ? '通知先メールに知らせました。'
        : summary.quota.alert === 'noRecipients'
          ? '設定「通知先メール」が空のため、職員への通知メールは送っていません。'
          : '';
    lines.push(
      '',
      `Gmail の1日の送信上限に達したため、${summary.quota.leftUnsent.length}件は送っていません（状態は「受付」のままです）。${alerted}`,
      ...listIds(summary.quota.leftUnsent),
    );
  }
  const stillReadyElsewhere = confirmed - summary.readyAtStart;
  if (stillReadyElsewhere > 0) {
    lines.push(
      '',
      `確認のあとに送信済みや編集で対象外になった予約が${stillReadyElsewhere}件あります。`,
    );
  }
  lines.push(...stuckLines(summary.stuckSending), ...problemLines(summary.problems));
  return lines.join('\n');
}
