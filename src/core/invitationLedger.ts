// The invitation ledger (SPEC §4 "Writing to the sheet safely", issue 13): which bookings have
// been mailed, kept outside the sheet so that no run mails a booking twice, whatever happens to
// its cells. Pure: the entry, its text form, what changed since the mail, and pruning. The
// document property that holds it is owned by app/invitationLedger.ts.
//
// What is kept (docs/threat-model.md): the 予約ID, the 相談日 and 開始時刻 the mail named, a short
// hash of the 会議URL and of the address, and the address's domain. Enough to say whether and
// what changed since the mail, and to let a person recognise a mistyped domain, without keeping a
// second copy of the job seeker's address.
import type { NormalizedBooking } from './booking';
import type { CheckResult } from './check';
import { checkCellText } from './checkCell';
import { BOOKING, ERROR_PREFIX, STATUS } from './schema';
import { compareDays, formatDay, formatTime, isLocalDate, type LocalDate } from './time';

/** `sending`: recorded before the mail went, outcome unknown. `sent`: the mail service took it. */
export type LedgerState = 'sending' | 'sent';

/** What a mail said, in the form the ledger compares. */
export interface SentDetails {
  day: LocalDate;
  start: number;
  urlHash: string;
  addressHash: string;
  domain: string;
}

/**
 * A mail after the invitation (前日リマインダー, キャンセル通知): `sending` and `sent` as above;
 * `failed`: surely not sent and not to be tried again by a run (its 操作ログ line says why).
 * Whatever the state, a run never mails that kind to that booking again: at most one each.
 */
export type FollowUpState = LedgerState | 'failed';

export interface LedgerEntry extends SentDetails {
  state: LedgerState;
  /** When the entry was written (ms since the epoch): when the invitation was (last) sent. */
  at: number;
  /** The 前日リマインダー of this booking, when one was started. */
  reminder?: FollowUpState;
  /** The キャンセル通知 of this booking, when one was started. */
  cancelNotice?: FollowUpState;
}

function isFollowUpState(value: unknown): value is FollowUpState {
  return value === 'sending' || value === 'sent' || value === 'failed';
}

export type Ledger = Map<string, LedgerEntry>;

/** The fields a confirmed booking's invitation is made of, in the order a person reads them. */
export const LEDGER_FIELDS = [BOOKING.date, BOOKING.start, BOOKING.meetingUrl, BOOKING.email];

const VERSION = 1;

export function parseLedger(text: string): Ledger {
  const ledger: Ledger = new Map();
  if (text.trim() === '') return ledger;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return ledger; // unreadable: treated as empty, and rewritten whole at the next save
  }
  const entries = (data as { e?: unknown })?.e;
  if (typeof entries !== 'object' || entries === null) return ledger;
  for (const [id, raw] of Object.entries(entries as Record<string, unknown>)) {
    if (!Array.isArray(raw)) continue;
    const [state, day, start, urlHash, addressHash, domain, at, reminder, cancelNotice] =
      raw as unknown[];
    if ((state !== 'sending' && state !== 'sent') || !isLocalDate(day)) continue;
    const entry: LedgerEntry = {
      state,
      day,
      start: Number(start) || 0,
      urlHash: String(urlHash ?? ''),
      addressHash: String(addressHash ?? ''),
      domain: String(domain ?? ''),
      at: Number(at) || 0,
    };
    // Entries written before issue 15 have 7 items: no follow-up mail yet.
    if (isFollowUpState(reminder)) entry.reminder = reminder;
    if (isFollowUpState(cancelNotice)) entry.cancelNotice = cancelNotice;
    ledger.set(id, entry);
  }
  return ledger;
}

export function serializeLedger(ledger: Ledger): string {
  const e: Record<string, unknown[]> = {};
  for (const [id, x] of ledger) {
    const item: unknown[] = [x.state, x.day, x.start, x.urlHash, x.addressHash, x.domain, x.at];
    // The follow-ups after: 0 for "none", and nothing at all when neither was started.
    if (x.reminder !== undefined || x.cancelNotice !== undefined) {
      item.push(x.reminder ?? 0, x.cancelNotice ?? 0);
    }
    e[id] = item;
  }
  return JSON.stringify({ v: VERSION, e });
}

/** Drops entries whose 相談日 is before today: such a booking is never sent again anyway. */
export function pruneLedger(ledger: Ledger, today: LocalDate): Ledger {
  return new Map([...ledger].filter(([, entry]) => compareDays(entry.day, today) >= 0));
}

/**
 * What makes two invitations the same booking's: one address, one day, one time, one meeting URL.
 * A row whose 予約ID, 状態 and 招待メール送信日時 were cleared gets a new id at the next check;
 * this key still knows it was mailed (issue 13: no second invitation, whatever the cells say).
 */
export function invitationKeyOf(details: SentDetails): string {
  return [details.day, details.start, details.urlHash, details.addressHash].join('|');
}

/** The other 予約ID (not `id`) under which this same invitation is in the ledger, if any. */
export function sameInvitationAs(
  ledger: Ledger,
  id: string,
  details: SentDetails | null,
): string | undefined {
  return sameInvitationIndex(ledger)(id, details);
}

/**
 * sameInvitationAs for many rows: the ledger is indexed by invitationKeyOf once (in ledger
 * order), so a check of every row costs one lookup a row, not a walk of the ledger.
 */
export function sameInvitationIndex(
  ledger: Ledger,
): (id: string, details: SentDetails | null) => string | undefined {
  const idsByKey = new Map<string, string[]>();
  for (const [other, entry] of ledger) {
    const key = invitationKeyOf(entry);
    idsByKey.set(key, [...(idsByKey.get(key) ?? []), other]);
  }
  return (id, details) =>
    details === null
      ? undefined
      : idsByKey.get(invitationKeyOf(details))?.find((other) => other !== id);
}

/** The headers whose content differs from what the mail said, in LEDGER_FIELDS order. */
export function changedSince(entry: SentDetails, now: SentDetails): string[] {
  const changed: string[] = [];
  if (entry.day !== now.day) changed.push(BOOKING.date);
  if (entry.start !== now.start) changed.push(BOOKING.start);
  if (entry.urlHash !== now.urlHash) changed.push(BOOKING.meetingUrl);
  if (entry.addressHash !== now.addressHash) changed.push(BOOKING.email);
  return changed;
}

export function quoted(headers: readonly string[]): string {
  return headers.map((h) => `「${h}」`).join('');
}

/** チェック結果 of a 確定 booking whose cells no longer say what its invitation said. */
export function changedSinceInvitationLine(changed: readonly string[]): string {
  return (
    `${ERROR_PREFIX} 招待メールを送った後に${quoted(changed)}が変わりました。招待メールの内容と違います。招待メールを再送してください` +
    '（この行を選んでメニュー「招待メールを再送」。前の枠は空きになっています）。'
  );
}

/** The line for a 確定 booking whose cells now differ from what its invitation said; else null. */
export function changedBookingLine(
  booking: NormalizedBooking,
  mailed: SentDetails | undefined,
): string | null {
  if (mailed === undefined || booking.status !== STATUS.confirmed) return null;
  const now = sentDetailsOf(booking);
  const changed = now === null ? [] : changedSince(mailed, now);
  return changed.length === 0 ? null : changedSinceInvitationLine(changed);
}

/** チェック結果 of a row that looks unsent (cleared, overwritten) though its id has been mailed. */
export function alreadyInvitedLine(entry: LedgerEntry): string {
  if (entry.state === 'sending') {
    return (
      `${ERROR_PREFIX} この予約の招待メールは送信を始めた記録があり、送られたかどうか分かりません（操作ログ参照）。` +
      '送信したアカウントの Gmail「送信済み」を確認し、送られていれば「状態」を「確定」に、' +
      '送られていなければこの行を選んでメニュー「招待メールを再送」で送ってください。自動では送りません。'
    );
  }
  return (
    `${ERROR_PREFIX} 招待メールは送信済みです（操作ログ参照）。自動では二度と送りません。` +
    `「状態」を「確定」に、「${BOOKING.invitedAt}」を送信日時に戻してください。` +
    '内容を変えて送り直すときは、そのあとこの行を選んでメニュー「招待メールを再送」を実行してください。'
  );
}

/** チェック結果 of an unsent-looking row that matches an invitation mailed under another 予約ID. */
export function sameAsInvitedLine(otherId: string): string {
  return (
    `${ERROR_PREFIX} この行と同じ宛先・相談日・開始時刻・会議URLの招待メールを、予約ID ${otherId} として送信済みです（操作ログ参照）。自動では送りません。` +
    `行の「${BOOKING.id}」などを消してしまった場合は、「${BOOKING.id}」を ${otherId} に、「状態」を「確定」に戻してください。` +
    '同じ方の別の予約として入力した行なら、相談日・開始時刻・会議URLを確かめてください。'
  );
}

/** One line per changed field for the resend confirmation; never the old address itself. */
export function describeChanges(
  entry: SentDetails,
  now: SentDetails,
  changed: readonly string[],
): string[] {
  const day = formatDay;
  return changed.map((header) => {
    if (header === BOOKING.date) return `・${header}: ${day(entry.day)} → ${day(now.day)}`;
    if (header === BOOKING.start) {
      return `・${header}: ${formatTime(entry.start)} → ${formatTime(now.start)}`;
    }
    if (header === BOOKING.email) {
      const domains =
        entry.domain === now.domain
          ? ''
          : `（送信時は …@${entry.domain} 宛、今は …@${now.domain}）`;
      return `・${header}: 送信時と違うアドレスになっています${domains}`;
    }
    return `・${header}: 送信時と違うURLになっています`;
  });
}

/** What an invitation for this booking says, as the ledger compares it; null if unreadable. */
export function sentDetailsOf(booking: NormalizedBooking): SentDetails | null {
  if (booking.date === null || booking.start === null || booking.email === null) return null;
  const address = booking.email.trim().toLowerCase();
  return {
    day: booking.date,
    start: booking.start,
    urlHash: shortHash(booking.meetingUrl ?? ''),
    addressHash: shortHash(address),
    domain: address.slice(address.lastIndexOf('@') + 1),
  };
}

/**
 * A 53-bit hash (cyrb53) as hex: tells a changed value from the one mailed. Not a secret: an
 * address is easily guessed, and whoever reads document properties can read the sheet anyway
 * (docs/threat-model.md); it only keeps a second copy of the address out of the properties.
 * Plain arithmetic rather than Utilities.computeDigest: the check hashes every confirmed row.
 */
export function shortHash(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
}

/**
 * The check's result with what the ledger knows: a 確定 booking whose cells changed since its
 * invitation, or a row that looks unsent (状態 or 招待メール送信日時 cleared, a row copied) though
 * its id has been mailed, gets an エラー saying what to do. Such a row is never sent by a run.
 */
export function withLedgerFindings(
  result: CheckResult,
  entry: LedgerEntry | undefined,
  sameAs?: string,
): CheckResult {
  if ((entry === undefined && sameAs === undefined) || result.text === '') return result;
  const b = result.booking;
  let line: string | null = null;
  if (entry === undefined) {
    if (b.status === STATUS.taken && !b.sending && !b.invitationMarked) {
      line = sameAsInvitedLine(sameAs!);
    }
  } else if (b.status === STATUS.confirmed) {
    line = changedBookingLine(b, entry);
  } else if (b.status === STATUS.taken && !b.sending) {
    line = alreadyInvitedLine(entry);
  }
  if (line === null) return result;
  const errors = [...result.errors, line];
  return { ...result, errors, text: checkCellText(errors, result.warnings) };
}
