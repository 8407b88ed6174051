// What sending invitations writes for people: 操作ログ actions and details (booking ids and the
// terms version only), the reasons a row's mail did not go, and the "quota spent" alert mail.
import { quoted } from './invitationLedger';
import { formatDay, formatTime, type LocalDate, type TimeOfDay } from './time';

export const LOG_ACTION = {
  sent: '招待メール送信',
  failed: '招待メール送信失敗',
  quotaStop: '招待メール送信停止（送信上限）',
  changedWhileSending: '招待メール送信中の変更',
} as const;

/** Added to a sent mail's 操作ログ detail when its .ics could not be attached (issue 15 §5). */
export const WITHOUT_CALENDAR = 'カレンダー添付なしで送信';

/** The 操作ログ detail of a sent invitation. */
export function sentLogDetail(
  automatic: boolean,
  termsVersion: string,
  withoutCalendar = false,
): string {
  const calendar = withoutCalendar ? `。${WITHOUT_CALENDAR}` : '';
  return `${automatic ? '自動送信' : 'メニューから送信'}。規約版: ${termsVersion}${calendar}`;
}

export function quotaStopDetail(ids: readonly string[]): string {
  return `1日の送信上限のため${ids.length}件を送っていません（${ids.join('、')}）`;
}

export function changedWhileSendingDetail(fields: readonly string[]): string {
  return `送信中に${quoted(fields)}が変更されました。招待メールは変更前の内容で送られています。「招待メールを再送」で新しい内容を送ってください。`;
}

/** Why a row's mail was not sent, for its チェック結果 and the dialog. */
export const FAILURE_REASON = {
  unreadable: '相談日・開始時刻・メールアドレスのいずれかが読み取れません',
  ledgerNotSaved: (error: string) => `送信記録を保存できませんでした（${error}）`,
  markingFailed: (error: string) => `台帳の読み書きに失敗しました（${error}）`,
  notRecorded: (error: string) => `送信後に台帳へ記録できませんでした: ${error}`,
} as const;

/** The once-a-day mail to 通知先メール: the bookings left unsent, by 予約ID and row only. */
export function quotaAlertMail(left: readonly { id: string; rowNumber: number }[]): {
  subject: string;
  body: string;
} {
  return {
    subject: '【オンライン相談】招待メールの送信上限に達しました',
    body: [
      'Gmail の1日の送信上限に達したため、次の予約の招待メールを送っていません（「招待メール送信日時」は空のままです）。',
      '',
      ...left.map((r) => `・${r.id}（予約シート ${r.rowNumber}行目）`),
      '',
      '上限は送信開始から24時間ほどで戻り、その後の自動送信またはメニュー「招待メールを送信」で送られます。',
      '相談日が近い予約は、お電話でのご案内もご検討ください。',
      '',
      'このメールは1日に1回だけ送られます。',
    ].join('\n'),
  };
}

/** A row the send question lists: which booking, when, and how many 注意 its check found. */
export interface ReadyToSend {
  id: string;
  rowNumber: number;
  day: LocalDate | null;
  start: TimeOfDay | null;
  warnings: number;
}

/**
 * The rows of the send question (issue 16 §4): 予約ID, row, 相談日 and 開始時刻, marked when the
 * check left a 注意; then how many carry one, so the person can look before saying yes.
 */
export function readyToSendLines(ready: readonly ReadyToSend[], maxListed: number): string[] {
  const lines = ready.slice(0, maxListed).map((r) => {
    const when = [
      r.day === null ? '' : formatDay(r.day),
      r.start === null ? '' : formatTime(r.start),
    ]
      .filter((t) => t !== '')
      .join(' ');
    const note = r.warnings > 0 ? `（注意${r.warnings}件）` : '';
    return `・${r.id}（${r.rowNumber}行目）${when === '' ? '' : ` ${when}`}${note}`;
  });
  if (ready.length > maxListed) lines.push(`・ほか${ready.length - maxListed}件`);
  const warned = ready.filter((r) => r.warnings > 0).length;
  lines.push(
    warned === 0
      ? '「注意」のある予約はありません。'
      : `うち${warned}件に「注意」があります（送れますが、「チェック結果」を確かめてから送ってください）。`,
  );
  return lines;
}
