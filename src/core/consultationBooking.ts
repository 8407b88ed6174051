// 第6条(4): a booking taken during a consultation (受付方法 オンライン相談中) with its date and
// time fixed there is confirmed at that moment; its invitation (the meeting URL) is still sent.
// Staff may set 状態 確定 at once on such a row, or leave it 受付. A 確定 row of that channel
// whose 招待メール送信日時 is blank is "確定, invitation pending": sent like a 受付 row (same
// readiness, quiet minutes and ledger), watched like one, and 確定 stays after the send. A 確定
// row of another channel with a blank send time was set by hand and is never sent. Pure.
import type { NormalizedBooking } from './booking';
import type { CheckResult } from './check';
import { checkCellText } from './checkCell';
import { alreadyInvitedLine, type LedgerEntry, sameAsInvitedLine } from './invitationLedger';
import { type Channel, STATUS } from './schema';

export const DURING_CONSULTATION: Channel = 'オンライン相談中';

type Pending = Pick<NormalizedBooking, 'status' | 'channel' | 'invitedAt'>;

/** 確定 during a consultation, its invitation not yet sent (a 送信中 row is caught before). */
export function isConfirmedPendingInvitation(booking: Pending): boolean {
  return (
    booking.status === STATUS.confirmed &&
    booking.channel === DURING_CONSULTATION &&
    booking.invitedAt === null
  );
}

/** A booking whose invitation is still to be sent: 受付, or 確定 with the invitation pending. */
export function awaitsInvitation(booking: Pending): boolean {
  return booking.status === STATUS.taken || isConfirmedPendingInvitation(booking);
}

/**
 * The check's result once the ledger is known: a pending row already in the ledger (its send
 * time cleared, say), or showing an invitation mailed under another 予約ID (`sameAs`), was
 * mailed; its 注意 "still to be sent" gives way to the ledger's エラー (it is never sent).
 */
export function withPendingLedgerFinding(
  result: CheckResult,
  entry: LedgerEntry | undefined,
  pendingLine: string,
  sameAs?: string,
): CheckResult {
  const b = result.booking;
  if (b.sending || !isConfirmedPendingInvitation(b)) return result;
  let line: string;
  if (entry !== undefined) line = alreadyInvitedLine(entry);
  else if (sameAs !== undefined) line = sameAsInvitedLine(sameAs);
  else return result;
  const warnings = result.warnings.filter((l) => l !== pendingLine);
  const errors = [...result.errors, line];
  return { ...result, errors, warnings, text: checkCellText(errors, warnings) };
}
