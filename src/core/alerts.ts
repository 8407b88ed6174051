// The staff alert mail: which findings are new since the last mail, and the digest text. Each
// booking is alerted once per level; what was alerted is kept (by the app, in a document
// property) as a compact text, bounded to the findings that still stand.
//
// The mail goes to 通知先メール, outside the sheet's sharing, so it names bookings by 予約ID and
// row only: never a name, address or 求職番号.

import type { NormalizedBooking } from './booking';
import { closedReason, type ClosedDay, type ClosedReason } from './calendar';
import { confirmationDeadlineWords, nextBusinessDayWords } from './deadlines';
import type { DueTodayFlag, DueTodayLevel, OverdueLevel } from './overdue';
import { STATUS } from './schema';
import type { Settings } from './settings';
import {
  dayOf,
  formatDay,
  formatInstant,
  formatTime,
  timeOfDayOfCell,
  type LocalDate,
} from './time';

/**
 * Overdue levels, the warnings ahead of a deadline that falls today (in the morning, then before
 * closing), plus a 確定 booking whose day became closed (休業日 added later).
 */
export type AlertLevel = OverdueLevel | DueTodayLevel | 'closedDay';

export interface AlertFinding {
  id: string;
  /** Sheet row when the run read it (rows move; the id is what counts). */
  rowNumber: number;
  level: AlertLevel;
  /** For the warnings ahead of a deadline: which one, and when (printed on the line). */
  due?: Pick<DueTodayFlag, 'kind' | 'at'>;
}

/** 予約ID → levels already alerted. */
export type AlertedPairs = Map<string, Set<AlertLevel>>;

const LEVEL_CODES: Record<AlertLevel, string> = {
  nextBusinessDay: 'n',
  dayBefore: 'd',
  stuckSending: 's',
  closedDay: 'c',
  dueMorning: 'm',
  dueBeforeClose: 'b',
};
const LEVEL_OF_CODE = new Map(
  Object.entries(LEVEL_CODES).map(([level, code]) => [code, level as AlertLevel]),
);

/** A 確定 booking (invitation already sent) on a day from today on that is now not a business day. */
export function closedDayFinding(
  booking: Pick<NormalizedBooking, 'status' | 'date' | 'office'>,
  ctx: { now: Date; closedDays: readonly ClosedDay[] },
): ClosedReason | null {
  if (booking.status !== STATUS.confirmed || booking.date === null) return null;
  if (booking.date < dayOf(ctx.now)) return null;
  return closedReason(booking.date, booking.office === '' ? null : booking.office, ctx.closedDays);
}

/** Findings not alerted before, one per (予約ID, level), in the order given. */
export function newFindings(
  findings: readonly AlertFinding[],
  alerted: AlertedPairs,
): AlertFinding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.id}\u001f${f.level}`;
    if (f.id === '' || seen.has(key) || alerted.get(f.id)?.has(f.level)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * What to remember after a run: the pairs that still stand and were alerted, before or by this
 * run's mail (`mailed`). Pairs that no longer stand are dropped, so the record stays as small as
 * the list of open problems, and a booking whose problem was fixed and comes back is alerted again.
 */
export function rememberAlerted(
  current: readonly AlertFinding[],
  previous: AlertedPairs,
  mailed: readonly AlertFinding[],
): AlertedPairs {
  const mailedKeys = new Set(mailed.map((f) => `${f.id}\u001f${f.level}`));
  const next: AlertedPairs = new Map();
  for (const f of current) {
    if (f.id === '') continue;
    const wasAlerted =
      previous.get(f.id)?.has(f.level) || mailedKeys.has(`${f.id}\u001f${f.level}`);
    if (!wasAlerted) continue;
    const levels = next.get(f.id) ?? new Set<AlertLevel>();
    levels.add(f.level);
    next.set(f.id, levels);
  }
  return next;
}

/** 'Y000001:nd,Y000002:s' — compact, because a document property holds 9 KB. */
export function encodeAlerted(pairs: AlertedPairs): string {
  return [...pairs]
    .filter(([, levels]) => levels.size > 0)
    .map(
      ([id, levels]) =>
        `${id}:${[...levels]
          .map((l) => LEVEL_CODES[l])
          .sort()
          .join('')}`,
    )
    .join(',');
}

/** Reads encodeAlerted's text; anything unreadable is skipped (at worst an alert repeats once). */
export function decodeAlerted(text: string | null | undefined): AlertedPairs {
  const pairs: AlertedPairs = new Map();
  for (const item of (text ?? '').split(',')) {
    const match = /^([^:,\s]+):([a-z]+)$/.exec(item.trim());
    if (!match) continue;
    const levels = [...match[2]!].flatMap((code) => {
      const level = LEVEL_OF_CODE.get(code);
      return level ? [level] : [];
    });
    if (levels.length > 0) pairs.set(match[1]!, new Set(levels));
  }
  return pairs;
}

/** The settings the headings say: the deadlines are 設定 values, never typed into the text. */
export type AlertSettings = Pick<
  Settings,
  'deadlineDays' | 'dayBeforeAlertAt' | 'officeClosesAt' | 'dueDayMorningAt' | 'beforeCloseMinutes'
>;

/** '受付終了時刻17:15の60分前': when the before-closing warning comes, from 設定. */
function beforeCloseWords(settings: AlertSettings): string {
  return `受付終了時刻${formatTime(settings.officeClosesAt)}の${settings.beforeCloseMinutes}分前`;
}

function levelHeadings(settings: AlertSettings): Record<AlertLevel, string> {
  const deadlines = `${nextBusinessDayWords(settings)}、または${confirmationDeadlineWords(settings)}`;
  return {
    dueMorning: `期限（${deadlines}）が今日で、${formatTime(settings.dueDayMorningAt)}の時点で招待メールが未送信の予約（今日のうちに送ってください）`,
    dueBeforeClose: `期限が今日で、${beforeCloseWords(settings)}になっても招待メールが未送信の予約（受付終了までに送るか、ご本人へ電話してください）`,
    stuckSending:
      '「送信中」のまま止まっている予約（送信されたか確認が必要です。自動では再送しません）',
    dayBefore: `確定期限（${confirmationDeadlineWords(settings)}）を過ぎても招待メールが未送信の予約`,
    nextBusinessDay: `${nextBusinessDayWords(settings)}を過ぎても招待メールが未送信の予約`,
    closedDay: '確定済みなのに相談日が休業日になった予約（ご本人への連絡が必要です）',
  };
}
/** Each level as 操作ログ names it: the words staff know from the digest, never code names. */
export function alertLevelName(level: AlertLevel, settings: AlertSettings): string {
  const names: Record<AlertLevel, string> = {
    dueMorning: `期限の当日${formatTime(settings.dueDayMorningAt)}の時点で未送信`,
    dueBeforeClose: `期限の当日、${beforeCloseWords(settings)}になっても未送信`,
    stuckSending: '「送信中」のまま止まっている',
    dayBefore: `確定期限（${confirmationDeadlineWords(settings)}）を過ぎても未送信`,
    nextBusinessDay: `${nextBusinessDayWords(settings)}を過ぎても未送信`,
    closedDay: '確定済みの相談日が休業日になった',
  };
  return names[level];
}

const LEVEL_ORDER: readonly AlertLevel[] = [
  'stuckSending',
  'dayBefore',
  'nextBusinessDay',
  'dueBeforeClose',
  'dueMorning',
  'closedDay',
];

/** ': 期限 12/2(水) 17:15（受付の翌稼働日）' — the deadline a warning ahead of it is about. */
function dueWords(due: AlertFinding['due']): string {
  if (due === undefined) return '';
  const which = due.kind === 'nextBusinessDay' ? '受付の翌稼働日' : '確定期限';
  return `: 期限 ${formatDay(dayOf(due.at))} ${formatTime(timeOfDayOfCell(due.at))}（${which}）`;
}

export interface AlertMail {
  subject: string;
  body: string;
}

/**
 * The digest for staff. `findings` are the new ones; `openCount` is every finding that still
 * stands (so staff see the size of the backlog). Ids and rows only, by design.
 */
export function alertDigest(
  findings: readonly AlertFinding[],
  options: { now: Date; openCount: number; settings: AlertSettings; spreadsheetUrl?: string },
): AlertMail {
  const today: LocalDate = dayOf(options.now);
  const headings = levelHeadings(options.settings);
  const lines = [
    'オンライン職業相談 予約台帳からのお知らせです（自動送信）。',
    `${formatInstant(options.now)} の確認で、次の予約に対応が必要になりました。`,
    '',
  ];
  for (const level of LEVEL_ORDER) {
    const ofLevel = findings.filter((f) => f.level === level);
    if (ofLevel.length === 0) continue;
    lines.push(`■ ${headings[level]}: ${ofLevel.length}件`);
    for (const f of ofLevel) lines.push(`・予約ID ${f.id}（${f.rowNumber}行目）${dueWords(f.due)}`);
    lines.push('');
  }
  if (findings.some((f) => f.due !== undefined)) {
    lines.push(
      '期限前のお知らせの予約は、「チェック結果」が OK ならメニュー「招待メールを送信」でそのまま送れます。',
    );
  }
  lines.push(
    '「予約」シートで予約IDを検索し、「チェック結果」列の内容に従って対応してください。',
    '行番号は確認した時点のものです（並べ替えると変わります）。',
    `同じ予約について同じ内容のお知らせは一度だけ送ります。未対応の件数（今回を含む）: ${options.openCount}件`,
  );
  if (options.spreadsheetUrl) lines.push('', options.spreadsheetUrl);
  return {
    subject: `【オンライン相談 予約台帳】対応が必要な予約 ${findings.length}件（${formatDay(today)}）`,
    body: lines.join('\n'),
  };
}
