// What 招待メールを再送 asks and tells the person, and writes to 操作ログ.
import { describeChanges } from './invitationLedger';
import type { ResendPlan } from './resendPlan';
import { BOOKING, SHEET, STATUS } from './schema';

export const RESEND_LOG_ACTION = '招待メール再送';
export const RESEND_FAILED_LOG_ACTION = '招待メール再送失敗';

const PICK_ONE = `「${SHEET.bookings}」シートで、再送したい「${STATUS.confirmed}」の予約を1行だけ選んでから実行してください。`;

/** Why the selection will not do. */
export const SELECTION = {
  notBookings: PICK_ONE,
  notOneRow: (rows: number) => `${PICK_ONE}（いま${rows}行が選ばれています）`,
  headerRow: `見出し行ではなく、予約の行を選んでください。${PICK_ONE}`,
};

/** Why the booking is not mailed again (label: 予約ID（N行目）). */
export const REFUSE = {
  idGone: (id: string) =>
    `予約ID ${id} の行が見つかりません（削除されたか、予約IDが変わりました）。何も送っていません。`,
  emptyRow: '選んだ行には予約が入力されていません。',
  noId: (label: string) =>
    `${label} にはまだ予約IDがありません。「選択行をチェック」を実行してください。`,
  duplicatedId: (id: string) =>
    `予約ID ${id} が複数の行にあるため、どの予約か決められません。コピーで作った行の「予約ID」を空にしてから、もう一度お試しください。`,
  notResendable: (label: string, status: string) =>
    `${label} は再送できません。再送できるのは、「状態」が「${STATUS.confirmed}」で招待メールを送信済みの予約です` +
    `（この行の「状態」: ${status}）。まだ送っていない予約は「招待メールを送信」で送ってください。`,
  errors: (label: string, errors: readonly string[]) =>
    [
      `${label} にはエラーがあるため再送できません。直してからもう一度お試しください。`,
      '',
      ...errors,
    ].join('\n'),
  past: (label: string) => `${label} の相談日が今日以前のため、再送しません。`,
  unchanged: (label: string) =>
    `${label} は、送信済みの招待メールから「${BOOKING.date}」「${BOOKING.start}」「${BOOKING.meetingUrl}」「${BOOKING.email}」のどれも変わっていないため、再送しません（再送は内容が変わったときに1回だけです）。`,
  unreadable: (label: string) => `${label} の相談日か開始時刻が読み取れません。`,
  cannotRender: (label: string, problems: readonly string[]) =>
    [`${label} の招待メールを作れません。次を直してください。`, '', ...problems].join('\n'),
  changedSinceAsked:
    '確認のあとにこの予約の内容か送信記録が変わりました。何も送っていません。もう一度「招待メールを再送」を実行してください。',
  ledgerNotSaved:
    '送信記録を保存できなかったため、何も送っていません。しばらくしてからもう一度お試しください。',
};

export const RESEND_CANCELLED = '再送を取りやめました。何も送っていません。';

export function resendQuestion(plan: ResendPlan): string {
  const head = `予約ID ${plan.id}（${plan.rowNumber}行目）に招待メールを再送します。よろしいですか？`;
  return [
    head,
    ...whatChanged(plan),
    '',
    `宛先: ${plan.row.booking.email ?? ''}`,
    `件名: ${plan.mail.subject}`,
  ].join('\n');
}

function whatChanged(plan: ResendPlan): string[] {
  if (plan.entry === undefined) {
    return ['', 'この予約には送信の記録（送った内容）がないため、何が変わったかは分かりません。'];
  }
  const changes = describeChanges(plan.entry, plan.details, plan.changed);
  if (plan.entry.state !== 'sending') {
    return ['', '送信済みの招待メールから変わった項目:', ...changes];
  }
  return [
    '',
    '前回の招待メールは、送られたかどうか分からないままです。送信したアカウントの Gmail「送信済み」で、送られていないことを確かめてから「はい」を押してください。',
    ...(plan.changed.length > 0 ? ['', '前回から変わった項目:', ...changes] : []),
  ];
}

/** The 操作ログ detail of a resend: which fields changed (never their values). */
export function resendLogDetail(plan: ResendPlan): string {
  return `変更: ${plan.changed.length > 0 ? plan.changed.join('・') : '不明（送信記録なし）'}`;
}

function label(plan: ResendPlan): string {
  return `予約ID ${plan.id}（${plan.rowNumber}行目）`;
}

export function resendFailed(plan: ResendPlan, reason: string): string {
  return `${label(plan)} の招待メールを再送できませんでした（${reason}）。「チェック結果」に、次にすることを書きました。`;
}

export function resent(plan: ResendPlan): string {
  return `${label(plan)} に招待メールを再送しました（件名: ${plan.mail.subject}）。`;
}
