// 自己診断: the health of the spreadsheet as findings, one Japanese line each, from what the
// command read (time zones, triggers, the last 10-minute run, mail quota, 設定, sheet structure,
// protections). Pure: src/app/selfCheckCommand.ts reads and shows; this decides and words.

import { blankBooking, type NormalizedBooking } from './booking';
import { nextBusinessDay, type ClosedDay } from './calendar';
import type { InvitationInput } from './invitation';
import { invitationInputFor } from './readiness';
import type { Settings } from './settings';
import { dayOf, formatInstant, minutesBetween } from './time';

export const TOKYO = 'Asia/Tokyo';
/**
 * Runs have stopped when the last 10-minute run finished longer ago than this: three runs in a
 * row missing. Judged at every hour of every day, because the trigger runs round the clock.
 */
export const STOPPED_AFTER_MINUTES = 30;
/** A grid with fewer empty rows than this gets a warning (staff type into, the script appends to, them). */
export const LOW_GRID_ROOM_ROWS = 100;

export type FindingLevel = 'ok' | 'warning' | 'error';

export const TOPICS = [
  'タイムゾーン',
  '自動実行（トリガー）',
  '最後の自動実行',
  'メールの送信上限',
  '設定',
  'シートの構成',
  '保護',
] as const;
export type Topic = (typeof TOPICS)[number];

export interface Finding {
  level: FindingLevel;
  topic: Topic;
  text: string;
}

export interface ExpectedTrigger {
  handler: string;
  /** What it does, in Japanese (10分ごと…). */
  describe: string;
}

/** How the last 10-minute run ended (document property, written by every run). */
export interface Heartbeat {
  finishedAt: Date;
  /** A step of that run failed (Apps Script mailed the trigger owner). */
  failed: boolean;
}

export interface SheetShape {
  name: string;
  exists: boolean;
  /** Row 1 as read (trimmed). */
  headers: readonly string[];
  /** The SPEC's headers for this sheet; empty for a sheet the script rebuilds whole. */
  expected: readonly string[];
  maxRows: number;
  lastRow: number;
}

export interface ProtectionState {
  sheet: string;
  /** The script-owned column, or null for a whole-sheet protection. */
  header: string | null;
  found: boolean;
  warningOnly: boolean;
  /** The protected range still covers the column (or sheet) to its last row. */
  covers: boolean;
}

export interface SelfCheckInput {
  now: Date;
  spreadsheetTimeZone: string;
  scriptTimeZone: string;
  expectedTriggers: readonly ExpectedTrigger[];
  /** Handlers of the time-driven triggers the current account sees (its own only: Google shows no others). */
  triggersSeen: readonly string[];
  /** The account 初期設定 recorded as the triggers' owner; null before 初期設定. */
  triggerOwner: string | null;
  /** The account running 自己診断 ('' when Google withholds it). */
  me: string;
  heartbeat: Heartbeat | null;
  /** MailApp.getRemainingDailyQuota() for the current account. */
  mailQuota: number;
  /** Invitations one business day can need: slots × 窓口 × 各枠の定員. */
  dailyInvitations: number;
  settingsProblems: readonly string[];
  sheets: readonly SheetShape[];
  protections: readonly ProtectionState[];
}

const ok = (topic: Topic, text: string): Finding => ({ level: 'ok', topic, text });
const warning = (topic: Topic, text: string): Finding => ({ level: 'warning', topic, text });
const error = (topic: Topic, text: string): Finding => ({ level: 'error', topic, text });

export function selfCheck(input: SelfCheckInput): Finding[] {
  return [
    ...timeZoneFindings(input),
    ...triggerFindings(input),
    ...heartbeatFindings(input.heartbeat, input.now, input.triggerOwner !== null),
    ...quotaFindings(input.mailQuota, input.dailyInvitations, input.triggerOwner, input.me),
    ...settingsFindings(input.settingsProblems),
    ...input.sheets.flatMap(sheetFindings),
    ...protectionFindings(input.protections),
  ];
}

// ---------------------------------------------------------------------------------------------

function timeZoneFindings(input: SelfCheckInput): Finding[] {
  const topic = 'タイムゾーン';
  const found: Finding[] = [];
  if (input.spreadsheetTimeZone === TOKYO) found.push(ok(topic, `スプレッドシート: ${TOKYO}`));
  else
    found.push(
      error(
        topic,
        `スプレッドシートのタイムゾーンが「${input.spreadsheetTimeZone}」です。「ファイル」→「設定」→「タイムゾーン」で「(GMT+09:00) 東京」にしてください（相談日や時刻がずれます）。`,
      ),
    );
  if (input.scriptTimeZone === TOKYO) found.push(ok(topic, `スクリプト: ${TOKYO}`));
  else
    found.push(
      error(
        topic,
        `スクリプトのタイムゾーンが「${input.scriptTimeZone}」です。Apps Script エディタの「プロジェクトの設定」でタイムゾーンを「(GMT+09:00) 日本標準時 - 東京」にするか、appsscript.json の "timeZone" を "${TOKYO}" にして配置し直してください。`,
      ),
    );
  return found;
}

function triggerFindings(input: SelfCheckInput): Finding[] {
  const topic = '自動実行（トリガー）';
  const { triggerOwner: owner, me } = input;
  if (owner === null) {
    return [
      error(
        topic,
        'トリガーの所有者が記録されていません（初期設定がまだです）。自動実行を受け持つアカウントでメニュー「初期設定」を実行してください。',
      ),
    ];
  }
  const mine = owner === me;
  const found: Finding[] = [];
  if (mine) found.push(ok(topic, `所有者: ${owner}（このアカウントです）`));
  else {
    found.push(
      warning(
        topic,
        `所有者は ${owner} です。いま使っているアカウント（${me || '不明'}）ではありません。トリガーは所有者にしか見えないため、所有者のアカウントで自己診断を実行して確かめてください。所有者が替わる（異動など）ときは、運用ガイドの「トリガーの引き継ぎ」の手順で引き継いでください。`,
      ),
    );
  }
  const counts = new Map<string, number>();
  for (const handler of input.triggersSeen) counts.set(handler, (counts.get(handler) ?? 0) + 1);
  if (!mine) {
    // This account's own triggers would run every job a second time beside the owner's.
    const extra = input.triggersSeen.length;
    if (extra > 0)
      found.push(
        error(
          topic,
          `このアカウントにも自動実行のトリガーが${extra}件あります。所有者の分と二重に動きます。「拡張機能」→「Apps Script」→「トリガー」で、このアカウントのトリガーを削除してください。`,
        ),
      );
    return found;
  }
  return [...found, ...ownTriggerFindings(input, counts)];
}

/** The owner's own triggers: each expected one exactly once, and none the register does not use. */
function ownTriggerFindings(input: SelfCheckInput, counts: ReadonlyMap<string, number>): Finding[] {
  const topic = '自動実行（トリガー）';
  const found: Finding[] = [];
  for (const trigger of input.expectedTriggers) {
    const n = counts.get(trigger.handler) ?? 0;
    if (n === 1) found.push(ok(topic, `${trigger.describe}: 設定済み`));
    else if (n === 0)
      found.push(
        error(
          topic,
          `${trigger.describe}のトリガーがありません。メニュー「初期設定」を実行すると作り直します。`,
        ),
      );
    else
      found.push(
        error(
          topic,
          `${trigger.describe}のトリガーが${n}件あります（同じ処理が${n}回ずつ動きます）。「拡張機能」→「Apps Script」→「トリガー」で、関数 ${trigger.handler} のトリガーを1件だけ残して削除してください。`,
        ),
      );
  }
  const expected = new Set(input.expectedTriggers.map((t) => t.handler));
  const unknown = [...counts.keys()].filter((h) => !expected.has(h));
  if (unknown.length > 0)
    found.push(
      warning(
        topic,
        `台帳が使わない関数のトリガーがあります: ${unknown.join('、')}。不要なら「拡張機能」→「Apps Script」→「トリガー」で削除してください。`,
      ),
    );
  return found;
}

/** Whether the 10-minute runs look stopped at `now` (also shown as a toast when the sheet opens). */
export function runsStopped(heartbeat: Heartbeat | null, now: Date): boolean {
  return heartbeat !== null && minutesBetween(heartbeat.finishedAt, now) > STOPPED_AFTER_MINUTES;
}

/** The toast for onOpen when runs have stopped, else null. */
export function stoppedToast(heartbeat: Heartbeat | null, now: Date): string | null {
  if (heartbeat === null || !runsStopped(heartbeat, now)) return null;
  return `10分ごとの自動処理が止まっている可能性があります（最後の実行: ${formatInstant(heartbeat.finishedAt)}）。メニュー「オンライン相談」→「自己診断」で確かめてください。`;
}

function heartbeatFindings(heartbeat: Heartbeat | null, now: Date, setUp: boolean): Finding[] {
  const topic = '最後の自動実行';
  if (heartbeat === null) {
    return [
      warning(
        topic,
        setUp
          ? '10分ごとの自動実行の記録がまだありません。初期設定から15分以上たってもこのままなら、トリガーの所有者のアカウントで自己診断を実行し、トリガーを確かめてください。'
          : '10分ごとの自動実行の記録がありません（初期設定がまだです）。',
      ),
    ];
  }
  const minutes = Math.max(0, Math.floor(minutesBetween(heartbeat.finishedAt, now)));
  const when = `${formatInstant(heartbeat.finishedAt)}（${minutes}分前）`;
  if (runsStopped(heartbeat, now)) {
    return [
      error(
        topic,
        `最後の10分ごとの自動実行は ${when}です。${STOPPED_AFTER_MINUTES}分以上止まっています（招待メールの自動送信・無断キャンセルの判定・送信漏れの通知が行われません）。トリガーの所有者のアカウントで自己診断を実行し、トリガーがなければ「初期設定」を実行してください。`,
      ),
    ];
  }
  if (heartbeat.failed) {
    return [
      warning(
        topic,
        `最後の10分ごとの自動実行（${when}）でエラーがありました。トリガーの所有者に届く Apps Script のエラー通知メール、または Apps Script エディタの「実行数」を確かめてください。`,
      ),
    ];
  }
  return [ok(topic, `10分ごとの自動実行: ${when}に正常に終了`)];
}

function quotaFindings(
  remaining: number,
  daily: number,
  owner: string | null,
  me: string,
): Finding[] {
  const topic = 'メールの送信上限';
  // The quota is per account: automatic sends count against the trigger owner's.
  const whose =
    owner !== null && owner !== me
      ? `（自動送信は所有者 ${owner} の上限で送られます。所有者の残りは所有者のアカウントの自己診断で分かります）`
      : '';
  if (remaining <= 0)
    return [
      error(
        topic,
        `このアカウントの今日のメール送信数が上限に達しています。上限は最初の送信から24時間で戻ります。急ぐ予約は電話で連絡してください。${whose}`,
      ),
    ];
  if (remaining < daily)
    return [
      warning(
        topic,
        `このアカウントの今日の残りの送信数は${remaining}通です（1日の予約枠の数 ${daily} より少なくなっています）。足りない分は翌日に送られます。${whose}`,
      ),
    ];
  return [ok(topic, `このアカウントの今日の残り: ${remaining}通${whose}`)];
}

function settingsFindings(problems: readonly string[]): Finding[] {
  const topic = '設定';
  if (problems.length === 0) return [ok(topic, '設定シートに問題はありません')];
  return problems.map((p) => warning(topic, p));
}

function sheetFindings(sheet: SheetShape): Finding[] {
  const topic = 'シートの構成';
  if (!sheet.exists)
    return [
      error(
        topic,
        `シート「${sheet.name}」がありません。メニュー「初期設定」を実行すると作ります（名前を変えた場合は「${sheet.name}」に戻してください）。`,
      ),
    ];
  const found: Finding[] = [];
  for (const header of sheet.expected) {
    const n = sheet.headers.filter((h) => h === header).length;
    if (n === 0)
      found.push(
        error(
          topic,
          `「${sheet.name}」の1行目に見出し「${header}」がありません。見出しを変えた場合は元に戻すか、メニュー「初期設定」で右端に追加してください。`,
        ),
      );
    else if (n > 1)
      found.push(
        error(
          topic,
          `「${sheet.name}」に見出し「${header}」が${n}つあります。スクリプトは最初の列だけを使います。ほかの列の見出しを別の名前に変えてください。`,
        ),
      );
  }
  if (sheet.expected.length === 0) return found;
  const room = Math.max(0, sheet.maxRows - sheet.lastRow);
  if (room < LOW_GRID_ROOM_ROWS)
    found.push(
      warning(
        topic,
        `「${sheet.name}」の空き行が残り${room}行です（${sheet.maxRows}行中${sheet.lastRow}行目まで使用）。シートの一番下の「行を追加」で1,000行ほど追加し、必要ならメニュー「初期設定」で入力規則と保護を広げてください。`,
      ),
    );
  if (found.length === 0)
    found.push(ok(topic, `「${sheet.name}」: 見出しはそろっています（空き行 ${room}行）`));
  return found;
}

function protectionFindings(states: readonly ProtectionState[]): Finding[] {
  const topic = '保護';
  const found: Finding[] = [];
  for (const p of states) {
    const what = p.header === null ? `シート「${p.sheet}」` : `「${p.sheet}」の「${p.header}」列`;
    if (!p.found)
      found.push(
        error(
          topic,
          `${what}が保護されていません。メニュー「初期設定」を実行すると保護（警告のみ）を付け直します。`,
        ),
      );
    else if (!p.warningOnly)
      found.push(
        error(
          topic,
          `${what}の保護が「警告を表示」ではなく編集を制限しています。スクリプトを使う職員が書き込めなくなります。「データ」→「シートと範囲を保護」で「範囲を編集する際に警告を表示する」に変えてください。`,
        ),
      );
    else if (!p.covers)
      found.push(
        warning(
          topic,
          `${what}の保護が最後の行まで届いていません。メニュー「初期設定」を実行してください。`,
        ),
      );
  }
  if (found.length === 0)
    found.push(ok(topic, `スクリプトが書き込む列とシート: ${states.length}件とも保護（警告のみ）`));
  return found;
}

// ---------------------------------------------------------------------------------------------
// The dialog

const LEVEL_PREFIX: Readonly<Record<FindingLevel, string>> = {
  ok: 'OK:',
  warning: '注意:',
  error: 'エラー:',
};

/** The report as dialog text: a summary line, then each topic with its findings. */
export function selfCheckReport(findings: readonly Finding[]): string {
  const errors = findings.filter((f) => f.level === 'error').length;
  const warnings = findings.filter((f) => f.level === 'warning').length;
  const summary =
    errors + warnings === 0
      ? 'すべて問題ありません。'
      : `エラー ${errors}件・注意 ${warnings}件があります。「エラー:」から直してください。`;
  const lines = [summary];
  for (const topic of TOPICS) {
    const inTopic = findings.filter((f) => f.topic === topic);
    if (inTopic.length === 0) continue;
    lines.push('', `【${topic}】`, ...inTopic.map((f) => `${LEVEL_PREFIX[f.level]} ${f.text}`));
  }
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------
// The heartbeat, as stored in a document property

export function encodeHeartbeat(heartbeat: Heartbeat): string {
  return JSON.stringify({
    finishedAt: heartbeat.finishedAt.toISOString(),
    failed: heartbeat.failed,
  });
}

/** Null when missing or unreadable (treated as "no run recorded"). */
export function decodeHeartbeat(text: string | null): Heartbeat | null {
  if (text === null || text === '') return null;
  try {
    const parsed = JSON.parse(text) as { finishedAt?: unknown; failed?: unknown };
    const finishedAt = new Date(String(parsed.finishedAt));
    if (typeof parsed.finishedAt !== 'string' || Number.isNaN(finishedAt.getTime())) return null;
    return { finishedAt, failed: parsed.failed === true };
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------------------------
// The sample invitation

export const SAMPLE_SUBJECT_PREFIX = '【見本・自己診断】';
export const SAMPLE_NOTICE =
  'これは「自己診断」で送った招待メールの見本です。予約ではありません。氏名・日時・会議URLは見本の値です。';
export const SAMPLE_MEETING_URL = 'https://example.com/sample-meeting';
export const SAMPLE_BOOKING_ID = 'SAMPLE';

/**
 * What the invitation renderer gets for the sample: a made-up booking on the next business day
 * at the first 窓口 and slot of 設定, put through the same invitationInputFor as a real send (so
 * the real templates, phone number, sender name and reply-to are used).
 */
export function sampleInvitationInput(
  settings: Settings,
  closedDays: readonly ClosedDay[],
  now: Date,
): InvitationInput | null {
  const office = settings.offices[0] ?? '';
  const booking: NormalizedBooking = {
    ...blankBooking(0),
    id: SAMPLE_BOOKING_ID,
    name: '見本 太郎',
    date: nextBusinessDay(dayOf(now), office || null, closedDays),
    start: settings.slots[0] ?? null,
    office,
    officer: '見本 担当',
    meetingUrl: SAMPLE_MEETING_URL,
    takenAt: now,
  };
  return invitationInputFor(SAMPLE_BOOKING_ID, booking, settings, now);
}
