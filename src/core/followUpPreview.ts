// The follow-up mails in 招待メールをプレビュー (issue 15 §6): below the invitation, the 前日リマインダー
// (when 設定 says はい) and the キャンセル通知 (likewise) for the same row, as they would be sent.
// Pure: core/invitationPreview.ts puts these sections into its page.
import type { NormalizedBooking } from './booking';
import { renderFollowUp, type FollowUpKind } from './followUpMail';
import { escapeHtml } from './invitation';
import { SETTING } from './schema';
import type { Settings } from './settings';
import { formatClock } from './time';

function heading(kind: FollowUpKind, settings: Settings): string {
  if (kind === 'reminder') {
    return (
      `前日リマインダー（設定「${SETTING.reminder}」がはい: 確定の予約に、` +
      `相談日の前の稼働日の${formatClock(settings.reminderAt)}から1回送ります）`
    );
  }
  return `キャンセル通知（設定「${SETTING.cancelNotice}」がはい: 招待メールを送った予約を「キャンセル」にしたとき1回送ります）`;
}

function section(
  kind: FollowUpKind,
  id: string,
  booking: NormalizedBooking,
  settings: Settings,
  now: Date,
): string {
  const mail = renderFollowUp(kind, id, booking, settings, now);
  const title = `<h3>${escapeHtml(heading(kind, settings))}</h3>`;
  if (mail === null) return `${title}<p class="note">相談日か開始時刻が読み取れません。</p>`;
  if (mail.problems.length > 0) {
    const lines = ['このメールを作れません。次を直してください。', ...mail.problems];
    return title + lines.map((line) => `<p class="note">${escapeHtml(line)}</p>`).join('');
  }
  return (
    `${title}<table><tr><th>件名</th><td>${escapeHtml(mail.subject)}</td></tr>` +
    `<tr><th>添付</th><td>なし</td></tr></table><pre>${escapeHtml(mail.body)}</pre>`
  );
}

/** The sections for the follow-ups switched on in 設定 ('' for none). */
export function followUpPreviewHtml(
  id: string,
  booking: NormalizedBooking,
  settings: Settings,
  now: Date,
): string {
  const kinds: FollowUpKind[] = [];
  if (settings.reminder) kinds.push('reminder');
  if (settings.cancelNotice) kinds.push('cancellation');
  return kinds.map((kind) => section(kind, id, booking, settings, now)).join('');
}
