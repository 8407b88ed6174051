// What 過去の予約を保管 says when the monthly trigger runs it (設定 自動保管): its 操作ログ line, and
// the short mail to 通知先メール when something needs a person. Booking ids and counts only, as
// the menu's words (archiveWords.ts), which it reuses. `caption` is the menu's caption.
import type { ArchiveRun } from './archiveRun';
import { countsLine, followUps } from './archiveWords';
import { SETTING, SHEET } from './schema';
import { dayOf, formatDay, formatInstant } from './time';

/** What the monthly run did: the archive's outcome, or why it stopped. */
export type AutoArchiveOutcome =
  /** `retried`: the first attempt stopped with an unexpected error, the second went through. */
  | { kind: 'done'; run: ArchiveRun; retried: boolean }
  /** `reason`: a message for staff (a sheet or header missing) or null (an unexpected error). */
  | { kind: 'failed'; reason: string | null };

/** Whether the person was told by mail, for the end of the log line. */
export type AutoArchiveMailed = 'notNeeded' | 'sent' | 'noAddress' | 'noQuota' | 'failed';

const STOPPED =
  `予期しないエラーで途中で止まりました（書き写して読み直してから消すので、予約は失われていません。` +
  `同じ予約が「${SHEET.bookings}」と「${SHEET.archive}」の両方にあれば、次の保管で片方にします）`;

function failureText(reason: string | null): string {
  return `保管できませんでした: ${reason ?? STOPPED}`;
}

/**
 * What needs a person, one paragraph each; empty when all went as planned. Rows deferred for
 * the run's size are not among them: next month's run moves them.
 */
export function autoArchiveNeeds(outcome: AutoArchiveOutcome, caption: string): string[] {
  if (outcome.kind === 'failed') {
    return [
      `・${failureText(outcome.reason)}`,
      `・メニュー「${caption}」を実行すると、すぐにやり直せます。`,
    ];
  }
  return followUps({ ...outcome.run, deferred: 0 }, caption);
}

const MAILED: Record<AutoArchiveMailed, string> = {
  notNeeded: '',
  sent: '。確認が必要なことを通知先メールに知らせました',
  noAddress: `。確認が必要なことがありますが、設定「${SETTING.alertTo}」が空のため知らせていません`,
  noQuota: '。確認が必要なことがありますが、メールの上限のため通知先メールに知らせていません',
  failed: '。確認が必要なことがありますが、通知先メールへの送信に失敗しました',
};

/** The 操作ログ detail: the menu's counts line (or why it stopped), and whether staff were mailed. */
export function autoArchiveLogLine(outcome: AutoArchiveOutcome, mailed: AutoArchiveMailed): string {
  const what =
    outcome.kind === 'failed'
      ? failureText(outcome.reason)
      : outcome.retried
        ? `${countsLine(outcome.run)}（1回目は予期しないエラーで止まったため、やり直しました）`
        : countsLine(outcome.run);
  return `自動保管: ${what}${MAILED[mailed]}`;
}

/** The mail to 通知先メール; only sent when autoArchiveNeeds is not empty. */
export function autoArchiveMail(
  outcome: AutoArchiveOutcome,
  options: { now: Date; caption: string; spreadsheetUrl?: string },
): { subject: string; body: string } {
  const { now, caption } = options;
  const done =
    outcome.kind === 'done'
      ? `${outcome.run.deleted}件の予約を「${SHEET.archive}」に移しました。`
      : '保管は途中で止まりました。';
  const lines = [
    'オンライン職業相談 予約台帳からのお知らせです（自動送信）。',
    `${formatInstant(now)} の毎月の自動保管（設定「${SETTING.autoArchive}」）で、確認が必要なことがありました。${done}`,
    '',
    '確認してください:',
    ...autoArchiveNeeds(outcome, caption),
    '',
    `月次集計の更新は、保管の結果にかかわらず続けて行います。内容は「${SHEET.log}」シートにも記録しています。`,
  ];
  if (options.spreadsheetUrl) lines.push('', options.spreadsheetUrl);
  return {
    subject: `【オンライン相談 予約台帳】自動保管の確認のお願い（${formatDay(dayOf(now))}）`,
    body: lines.join('\n'),
  };
}
