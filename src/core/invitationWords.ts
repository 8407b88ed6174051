// What 招待メールを送信 asks and tells the person. Inputs are plain data (app/send/survey's
// survey and core/sendSummary fit them).
import { notReadyLines, type NotReadyReason } from './readiness';
import { BOOKING } from './schema';
import { readyToSendLines, type ReadyToSend } from './sendWords';

/** Rows listed by id in a dialog; the rest are counted. */
const MAX_LISTED = 15;

export interface RowRef {
  id: string;
  rowNumber: number;
}

export const SEND_CANCELLED = '送信を取りやめました。何も送っていません。';

export interface SendSurveyWords {
  ready: readonly ReadyToSend[];
  notReady: Partial<Record<NotReadyReason, number>>;
  stuckSending: readonly RowRef[];
  problems: readonly string[];
}

/** Nothing to send: the dialog. */
export function nothingToSend(survey: SendSurveyWords): string {
  const others = notReadyLines(survey.notReady);
  const lines = ['送信できる招待メールはありません。'];
  if (others.length > 0) lines.push('', '送らない予約:', ...others);
  return [...lines, ...stuckLines(survey.stuckSending), ...problemLines(survey.problems)].join(
    '\n',
  );
}

/** The question before sending. */
export function sendQuestion(survey: SendSurveyWords): string {
  const others = notReadyLines(survey.notReady);
  return [
    `${survey.ready.length}件の招待メールを送信します。よろしいですか？`,
    ...readyToSendLines(survey.ready, MAX_LISTED),
    ...(others.length > 0 ? ['', '送らない予約:', ...others] : []),
    ...stuckLines(survey.stuckSending),
  ].join('\n');
}

export interface SendReportInput {
  readyAtStart: number;
  sent: readonly (RowRef & { statusWritten: boolean })[];
  failed: readonly (RowRef & { reason: string })[];
  changedMeanwhile: readonly RowRef[];
  stuckSending: readonly RowRef[];
  changedWhileSending: readonly (RowRef & { fields: readonly string[] })[];
  quota: {
    leftUnsent: readonly RowRef[];
    alert: 'none' | 'sent' | 'alreadyToday' | 'noRecipients' | 'failed';
  };
  problems: readonly string[];
}

/** What was sent and what was not, by 予約ID, after the person confirmed `confirmed` rows. */
export function sendReport(summary: SendReportInput, confirmed: number): string {
  const lines = [
    `招待メールを${summary.sent.length}件送信しました（確認した${confirmed}件のうち）。`,
  ];
  if (summary.sent.length > 0) lines.push(...listIds(summary.sent));
  lines.push(...changedLines(summary), ...failedLines(summary), ...quotaLines(summary));
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

function changedLines(summary: SendReportInput): string[] {
  const lines: string[] = [];
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
  return lines;
}

function failedLines(summary: SendReportInput): string[] {
  const lines: string[] = [];
  if (summary.failed.length > 0) {
    lines.push(
      '',
      `送れなかった予約が${summary.failed.length}件あります（「チェック結果」に理由があります）:`,
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
  return lines;
}

function quotaLines({ quota }: SendReportInput): string[] {
  if (quota.leftUnsent.length === 0) return [];
  const alerted =
    quota.alert === 'sent'
      ? '通知先メールに知らせました。'
      : quota.alert === 'noRecipients'
        ? '設定「通知先メール」が空のため、職員への通知メールは送っていません。'
        : '';
  return [
    '',
    `Gmail の1日の送信上限に達したため、${quota.leftUnsent.length}件は送っていません（「招待メール送信日時」は空のままです）。${alerted}`,
    ...listIds(quota.leftUnsent),
  ];
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
