// 招待メールを再送, decided: whether the one booking may be mailed again, and with what mail. Pure:
// app/resendCommand reads the rows and the ledger, app/resendSend carries the plan out. The
// person's words are in core/resendWords.
import type { NormalizedBooking } from './booking';
import { renderInvitation, type RenderedInvitation } from './invitation';
import {
  alreadyInvitedLine,
  changedSince,
  changedSinceInvitationLine,
  type LedgerEntry,
  type SentDetails,
  sentDetailsOf,
} from './invitationLedger';
import { invitationInputFor } from './readiness';
import { BOOKING, SENDING_MARK, STATUS } from './schema';
import type { Settings } from './settings';
import { dayOf, isValidInstant } from './time';
import { REFUSE } from './resendWords';

const DATE_CHANGED_SUBJECT = '【日時変更】';

/** A checked booking row, as the decision needs it. */
export interface ResendCandidate {
  id: string;
  rowNumber: number;
  errors: readonly string[];
  booking: NormalizedBooking;
  /** The row's 招待メール送信日時 cell as read. */
  invitedAt: unknown;
}

/** What the person is asked to confirm, and what the second look compares against. */
export interface ResendPlan<R extends ResendCandidate = ResendCandidate> {
  id: string;
  rowNumber: number;
  row: R;
  /** The ledger entry as read (undefined: sent before the ledger existed). */
  entry: LedgerEntry | undefined;
  details: SentDetails;
  changed: string[];
  mail: RenderedInvitation;
}

export type Planned<R extends ResendCandidate> =
  { ok: true; plan: ResendPlan<R> } | { ok: false; message: string };

export interface ResendInput<R extends ResendCandidate> {
  where: { rowNumber: number } | { id: string };
  /** Every checked booking row. */
  rows: readonly R[];
  /** The ledger entry of an id (read only once the row is known to be one booking). */
  entryOf: (id: string) => LedgerEntry | undefined;
  settings: Settings;
  now: Date;
}

export function planResend<R extends ResendCandidate>(input: ResendInput<R>): Planned<R> {
  const refuse = (message: string): Planned<R> => ({ ok: false, message });
  const found = theOneRow(input);
  if (typeof found === 'string') return refuse(found);
  const { booking } = found;
  const label = `${found.id || '予約IDなし'}（${found.rowNumber}行目）`;
  const entry = input.entryOf(found.id);
  const sentBefore = entry !== undefined || isValidInstant(found.invitedAt);
  const unsure = entry?.state === 'sending' && booking.status === STATUS.taken;
  if (!(booking.status === STATUS.confirmed && sentBefore) && !unsure) {
    return refuse(REFUSE.notResendable(label, booking.status));
  }
  const details = sentDetailsOf(booking);
  const changed = entry && details ? changedSince(entry, details) : [];
  const otherErrors = errorsInTheWay(found.errors, entry, changed, unsure);
  if (otherErrors.length > 0 || details === null) return refuse(REFUSE.errors(label, otherErrors));
  if (booking.date === null || booking.date <= dayOf(input.now)) return refuse(REFUSE.past(label));
  if (entry?.state === 'sent' && changed.length === 0) return refuse(REFUSE.unchanged(label));
  const invitation = invitationInputFor(found.id, booking, input.settings, input.now);
  if (invitation === null) return refuse(REFUSE.unreadable(label));
  const rendered = renderInvitation(invitation);
  if (rendered.problems.length > 0) return refuse(REFUSE.cannotRender(label, rendered.problems));
  const dateChanged = changed.includes(BOOKING.date) || changed.includes(BOOKING.start);
  const mail = dateChanged
    ? { ...rendered, subject: `${DATE_CHANGED_SUBJECT}${rendered.subject}` }
    : rendered;
  const plan = { id: found.id, rowNumber: found.rowNumber, row: found, entry, details, changed };
  return { ok: true, plan: { ...plan, mail } };
}

/** The one booking meant (by row or by 予約ID), or why there is none. */
function theOneRow<R extends ResendCandidate>({ where, rows }: ResendInput<R>): R | string {
  const matches = rows.filter((c) =>
    'id' in where ? c.id === where.id : c.rowNumber === where.rowNumber,
  );
  if ('id' in where && matches.length === 0) return REFUSE.idGone(where.id);
  const found = matches[0];
  if (!found) return REFUSE.emptyRow;
  if (found.id === '') return REFUSE.noId(`予約IDなし（${found.rowNumber}行目）`);
  if (rows.filter((c) => c.id === found.id).length > 1) return REFUSE.duplicatedId(found.id);
  return found;
}

/** The row's errors but the ledger's own lines (and, resolving one, the 送信中 line). */
function errorsInTheWay(
  errors: readonly string[],
  entry: LedgerEntry | undefined,
  changed: readonly string[],
  unsure: boolean,
): string[] {
  const ledgerLines = new Set(entry ? [alreadyInvitedLine(entry)] : []);
  if (changed.length > 0) ledgerLines.add(changedSinceInvitationLine(changed));
  // A first mail of unknown fate is what this resolves: its 送信中 line is not in the way.
  const stuckLine = `「${BOOKING.invitedAt}」が「${SENDING_MARK}」のまま`;
  return errors.filter((e) => !ledgerLines.has(e) && !(unsure && e.includes(stuckLine)));
}

/** The same booking, the same ledger entry and the same changes as the person confirmed. */
export function sameAsAsked(asked: ResendPlan, now: ResendPlan): boolean {
  return (
    asked.entry?.at === now.entry?.at &&
    asked.entry?.state === now.entry?.state &&
    JSON.stringify(asked.details) === JSON.stringify(now.details) &&
    asked.mail.subject === now.mail.subject
  );
}

/** チェック結果 after a resend, before any new line: the row's lines but the ledger's. */
export function checkLinesAfterResend(plan: ResendPlan, text: string): string[] {
  const stale = new Set(
    plan.entry ? [alreadyInvitedLine(plan.entry), changedSinceInvitationLine(plan.changed)] : [],
  );
  return text.split('\n').filter((l) => l !== '' && !stale.has(l));
}
