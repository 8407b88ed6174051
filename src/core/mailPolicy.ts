// What a mail-service error means for a booking (sure not sent, or unknown), what the row is
// told, and the daily-quota rule. Pure: app/send does the sending.
import { redactPersonalData } from './privacy';
import { ERROR_PREFIX } from './schema';

/** Whether the job seeker may have the mail: decides whether 送信中 stays. */
export type MailFate = 'notSent' | 'unknown' | 'sent';

export interface MailFailure {
  /** Japanese, for the row and the dialog; no personal data beyond what the row holds. */
  reason: string;
  mail: MailFate;
  /** Surely not sent and not the booking's fault: the next run may simply send it. */
  retry?: boolean;
}

/**
 * MailApp rejects these before handing the message over, so the mail surely did not go and the
 * row may be sent again: argument and address validation, size limits, the daily quota and
 * missing authorisation. Anything else (a server error, a timeout) may have happened after
 * Gmail accepted the message, so 送信中 stays and a person checks the account's 送信済み folder.
 */
const REJECTED_BEFORE_SENDING: readonly { pattern: RegExp; reason: string; quota?: true }[] = [
  {
    pattern: /^Invalid email/i,
    reason: 'メールアドレスがメールサービスに受け付けられませんでした',
  },
  { pattern: /no recipient/i, reason: '宛先がありません' },
  {
    pattern: /^(Invalid argument|Argument too large)/i,
    reason: 'メールの内容が受け付けられませんでした',
  },
  { pattern: /^Limit Exceeded/i, reason: 'メールの大きさか宛先の数が上限を超えています' },
  {
    pattern: /Service invoked too many times for one day: email/i,
    reason: '1日の送信上限に達しました',
    quota: true,
  },
  {
    pattern: /(do not have permission|Authorization is required|Required permissions)/i,
    reason: 'メールを送る権限がありません（初期設定を実行したアカウントで承認してください）',
  },
];

export function classifyMailError(
  error: unknown,
): Pick<MailFailure, 'reason' | 'mail'> & { quotaSpent: boolean } {
  const message = error instanceof Error ? error.message : String(error);
  const known = REJECTED_BEFORE_SENDING.find((k) => k.pattern.test(message));
  if (known) return { reason: known.reason, mail: 'notSent', quotaSpent: known.quota === true };
  return {
    reason: `メールサービスのエラー: ${redactPersonalData(message).slice(0, 120)}`,
    mail: 'unknown',
    quotaSpent: false,
  };
}

/** The チェック結果 line of a failed send: what happened and what a person does next. */
export function failureLine(failure: MailFailure): string {
  const head = `${ERROR_PREFIX} 招待メールを送れませんでした（${failure.reason}）。`;
  switch (failure.mail) {
    case 'notSent':
      return failure.retry
        ? `${head}メールは送られていません。次の自動送信か「招待メールを送信」で送り直せます。`
        : `${head}メールは送られていません。「メールアドレス」など原因の欄を直すと、次のチェックで送信できる状態に戻ります。`;
    case 'unknown':
      return (
        `${head}送られたかどうか分かりません。送信したアカウントの Gmail「送信済み」を確認し、` +
        '送られていれば「招待メール送信日時」に日時を入れて「状態」を「確定」に、送られていなければ「招待メール送信日時」を空にしてください。'
      );
    case 'sent':
      return `${head}メールは送られました。「招待メール送信日時」に送信日時を入れ、「状態」を「確定」にしてください。`;
  }
}

/** An error's message for a row or a developer log: personal data masked, 200 characters. */
export function describeFailure(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return redactPersonalData(text).slice(0, 200);
}

/**
 * How many invitations may go now. While staff have not yet been told today that the quota is
 * spent, one recipient per 通知先メール address is held back so that alert can still go out: a
 * job seeker left waiting with nobody knowing is worse than one invitation sent later.
 */
export function invitationAllowance(
  remainingQuota: number,
  alertAddresses: number,
  alertedToday: boolean,
): number {
  return remainingQuota - (alertedToday ? 0 : alertAddresses);
}
