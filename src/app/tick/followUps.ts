// The 前日リマインダー and キャンセル通知 of the 10-minute tick (issue 15 §1, §3), after the send
// step, under the lock the tick holds. Decided in core (reminders, cancelNotices, followUpPlan)
// on the check's reading: with both settings いいえ, or nothing due, it makes no data call at all.
// When something is due: the ledger, the quota (invitations first), the due rows re-read by
// 予約ID and decided again, then one mail each (./followUpSend.ts).
import { normalizeBooking } from '../../core/booking';
import { type FollowUpKind, followUpTemplateProblems } from '../../core/followUpMail';
import {
  dueFollowUps,
  followUpAllowance,
  followUpCandidates,
  followUpsOn,
  type FollowUp,
} from '../../core/followUpPlan';
import { sentDetailsOf } from '../../core/invitationLedger';
import { cancelNoticeCandidate } from '../../core/cancelNotices';
import { reminderCandidate } from '../../core/reminders';
import { BOOKING } from '../../core/schema';
import { dayOf } from '../../core/time';
import { bookingReader } from '../../sheet/bookings';
import { readRowsById } from '../../sheet/ownedWrites';
import type { AuditLog } from '../auditLog';
import type { CheckRun } from '../checkService';
import { InvitationLedger } from '../invitationLedger';
import { QuotaGuard } from '../send/quota';
import { surveyReadiness } from '../send/survey';
import { sendFollowUp, type FollowUpRun } from './followUpSend';

/** Sends the follow-up mails due now. One row's failure never stops the others. */
export function sendFollowUps(run: CheckRun, now: Date, log: AuditLog): void {
  const { settings } = run;
  if (!followUpsOn(settings)) return;
  const rows = run.checked.map((c) => ({
    id: c.id,
    booking: c.result.booking,
    errors: c.result.errors,
  }));
  // A kind whose 設定 template cannot be used waits (設定's reading reports it): marking each
  // booking failed would spend its one mail on a typo in the template.
  const usable = (kind: FollowUpKind) => followUpTemplateProblems(kind, settings).length === 0;
  const candidates = followUpCandidates(rows, settings, run.context.closedDays, now).filter((c) =>
    usable(c.kind),
  );
  if (candidates.length === 0) return;
  const ledger = InvitationLedger.load();
  const due = dueFollowUps(candidates, (id) => ledger.get(id), now);
  if (due.length === 0) return;
  // Invitations first: ready ones not sent (自動送信 いいえ, or the quota ran out) keep theirs.
  const waiting = surveyReadiness(run, settings, now, false).ready.length;
  const today = dayOf(now);
  const allowance = followUpAllowance(new QuotaGuard(settings, today).allowance(), waiting);
  if (allowance === 0) {
    console.log(`tick followUps: ${due.length} left for a later tick (quota kept for invitations)`);
    return;
  }
  const fresh = stillDue(run, due.slice(0, allowance), now);
  const followUpRun: FollowUpRun = { ledger, settings, now, today, log };
  for (const item of fresh) {
    if (sendFollowUp(followUpRun, item) === 'quotaSpent') return;
  }
}

/**
 * The due rows read again by 予約ID, each still due by the same rule and still saying what the
 * check read (day, time, URL, address): a row edited meanwhile waits for the next tick.
 */
function stillDue(run: CheckRun, due: readonly FollowUp[], now: Date): FollowUp[] {
  const ids = new Set(due.map((d) => d.row.id));
  const { table, allIds } = readRowsById(run.table.sheet, BOOKING.id, ids);
  const read = bookingReader(table);
  const today = dayOf(now);
  return due.flatMap((item): FollowUp[] => {
    const { id } = item.row;
    const rows = table.rows.filter((r) => String(read(r).id ?? '').trim() === id);
    if (rows.length !== 1 || allIds.filter((x) => x === id).length !== 1) return [];
    const booking = normalizeBooking(
      { rowNumber: rows[0]!.rowNumber, values: read(rows[0]!) },
      today,
    );
    const row = { ...item.row, booking };
    const same =
      JSON.stringify(sentDetailsOf(booking)) === JSON.stringify(sentDetailsOf(item.row.booking));
    const again =
      item.kind === 'reminder'
        ? reminderCandidate(row, run.settings, run.context.closedDays, now)
        : cancelNoticeCandidate(row, run.settings, now);
    return same && again ? [{ kind: item.kind, row }] : [];
  });
}
