// 招待メールをプレビュー, decided: the exact mail for one checked row, or why there is none; below it
// the 前日リマインダー and キャンセル通知 when 設定 turns them on (core/followUpPreview.ts).
// Pure: app/previewCommand reads and checks the row, then shows what this returns.
import type { NormalizedBooking } from './booking';
import { followUpPreviewHtml } from './followUpPreview';
import { escapeHtml, renderInvitation } from './invitation';
import { invitationInputFor } from './readiness';
import { SHEET } from './schema';
import type { Settings } from './settings';

export type Preview =
  { kind: 'message'; text: string } | { kind: 'mail'; id: string; html: string };

export interface PreviewedRow {
  id: string;
  rowNumber: number;
  errors: readonly string[];
  warnings: readonly string[];
  booking: NormalizedBooking;
}

/** When the selection is not a booking row of 予約. */
export const PREVIEW_SELECT_ROW = `「${SHEET.bookings}」シートで、プレビューしたい予約の行を選んでから実行してください。`;

export function emptyRowPreview(rowNumber: number): Preview {
  return { kind: 'message', text: `${rowNumber}行目には予約が入力されていません。` };
}

export function previewOf(row: PreviewedRow, settings: Settings, now: Date): Preview {
  const { errors, booking } = row;
  const label = `${row.id || '予約IDなし'}（${row.rowNumber}行目）`;
  const message = (...lines: string[]): Preview => ({ kind: 'message', text: lines.join('\n') });
  if (errors.length > 0) {
    return message(
      `${label} にはエラーがあるため、招待メールを送れません。直してからもう一度お試しください。`,
      '',
      ...errors,
    );
  }
  const input = invitationInputFor(row.id, booking, settings, now);
  if (input === null) return message(`${label} の相談日か開始時刻が読み取れません。`);
  const mail = renderInvitation(input);
  if (mail.problems.length > 0) {
    return message(`${label} の招待メールを作れません。次を直してください。`, '', ...mail.problems);
  }
  const fields: [string, string][] = [
    ['宛先', booking.email ?? ''],
    ['差出人名', input.senderName],
    ['返信先', settings.replyTo ?? '（送信するアカウント）'],
    ['件名', mail.subject],
    ['添付', mail.ics ? mail.ics.fileName : 'なし'],
  ];
  const html = [
    '<!DOCTYPE html><html lang="ja"><head><meta charset="UTF-8"><style>',
    'body{font-family:sans-serif;font-size:13px}th{text-align:left;padding-right:1em;vertical-align:top}',
    'pre{white-space:pre-wrap;border:1px solid #ccc;padding:8px;background:#fafafa}',
    '.note{color:#a15c00}</style></head><body>',
    '<p>この画面はプレビューです。メールは送っていません。</p>',
    '<table>',
    ...fields.map(([k, v]) => `<tr><th>${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`),
    '</table>',
    ...row.warnings.map((n) => `<p class="note">${escapeHtml(n)}</p>`),
    `<pre>${escapeHtml(mail.body)}</pre>`,
    followUpPreviewHtml(row.id, booking, settings, now),
    '</body></html>',
  ].join('');
  return { kind: 'mail', id: row.id, html };
}
