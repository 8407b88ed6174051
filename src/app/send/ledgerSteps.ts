// The invitation ledger around the mails of a batch: every marked booking is entered before any
// mail goes, and settled after (sent, taken out, or left 'sending' for a person).
import { describeFailure } from '../../core/mailPolicy';
import { FAILURE_REASON } from '../../core/sendWords';
import { dayOf } from '../../core/time';
import type { InvitationLedger } from '../invitationLedger';
import type { BatchRun, Rendered } from './types';

/**
 * Records every marked booking in the ledger before any mail goes. An id already there (only a
 * run that bypassed the check could see one) is not sent: its mark is taken back. When the
 * ledger cannot be written, nothing is sent and the marks are taken back.
 */
export function enterInLedger(
  run: BatchRun,
  ledger: InvitationLedger,
  marked: readonly Rendered[],
): Rendered[] {
  const fresh: Rendered[] = [];
  for (const item of marked) {
    // The same invitation under another id (or twice in this batch) is the same booking.
    if (ledger.has(item.ref.id) || ledger.sameInvitationAs(item.ref.id, item.details)) {
      run.outcomes.set(item, { kind: 'unmarked' });
      run.summary.changedMeanwhile.push(item.ref);
    } else {
      ledger.record(item.ref.id, item.details!, 'sending');
      fresh.push(item);
    }
  }
  if (fresh.length === 0) return [];
  try {
    ledger.save(dayOf(run.options.now));
  } catch (error) {
    const reason = FAILURE_REASON.ledgerNotSaved(describeFailure(error));
    console.error(`sendReadyInvitations: ledger not saved: ${describeFailure(error)}`);
    for (const item of fresh) {
      run.outcomes.set(item, {
        kind: 'failed',
        failure: { reason, mail: 'notSent', retry: true },
        marked: true,
      });
    }
    return [];
  }
  return fresh;
}

/** Sent: kept as sent. Surely not sent: taken out, so a later run may send it. Unknown: stays. */
export function settleLedger(
  run: BatchRun,
  ledger: InvitationLedger,
  marked: readonly Rendered[],
): void {
  if (marked.length === 0) return;
  for (const item of marked) {
    const outcome = run.outcomes.get(item);
    if (outcome?.kind === 'sent') ledger.setState(item.ref.id, 'sent');
    else if (outcome?.kind === 'unmarked') ledger.restore(item.ref.id, undefined);
    else if (outcome?.kind === 'failed' && outcome.failure.mail === 'notSent') {
      ledger.restore(item.ref.id, undefined);
    }
  }
  try {
    ledger.save(dayOf(run.options.now));
  } catch (error) {
    // The entries stay 'sending': those bookings wait for a person, which is the safe side.
    console.error(`sendReadyInvitations: ledger not updated: ${describeFailure(error)}`);
  }
}
