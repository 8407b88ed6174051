// One follow-up mail (前日リマインダー or キャンセル通知), sent as the invitations are: the ledger
// says 'sending' and is saved BEFORE MailApp.sendEmail, then 'sent'; one 操作ログ line (booking id,
// and on failure the reason; no personal data). Surely not sent because today's quota ran out:
// taken out of the ledger, a later tick tries again. Surely not sent for another reason (or the
// mail cannot be rendered): 'failed', never tried again by a run. Unknown: stays 'sending'.
import { FOLLOW_UP_LOG_ACTION } from '../../core/followUpWords';
import { renderFollowUp } from '../../core/followUpMail';
import type { FollowUp } from '../../core/followUpPlan';
import { classifyMailError, describeFailure } from '../../core/mailPolicy';
import type { Settings } from '../../core/settings';
import type { LocalDate } from '../../core/time';
import type { AuditLog } from '../auditLog';
import type { InvitationLedger } from '../invitationLedger';
import { mailMessage } from '../send/message';

export interface FollowUpRun {
  ledger: InvitationLedger;
  settings: Settings;
  now: Date;
  today: LocalDate;
  log: AuditLog;
}

type Sent = 'sent' | 'failed' | 'quotaSpent';

const ACTIONS = {
  reminder: { ok: FOLLOW_UP_LOG_ACTION.reminder, failed: FOLLOW_UP_LOG_ACTION.reminderFailed },
  cancellation: {
    ok: FOLLOW_UP_LOG_ACTION.cancelNotice,
    failed: FOLLOW_UP_LOG_ACTION.cancelNoticeFailed,
  },
} as const;

/** Never throws: whatever happens to this mail, the tick goes on with the next. */
export function sendFollowUp(run: FollowUpRun, item: FollowUp): Sent {
  try {
    return send(run, item);
  } catch (error) {
    console.error(`tick followUps: ${item.row.id}: ${describeFailure(error)}`);
    return 'failed';
  }
}

function send(run: FollowUpRun, { kind, row }: FollowUp): Sent {
  const { ledger, settings, log } = run;
  const field = kind === 'reminder' ? 'reminder' : 'cancelNotice';
  const bookingId = row.id;
  const fail = (detail: string): Sent => {
    log.add({ action: ACTIONS[kind].failed, bookingId, detail });
    return 'failed';
  };
  const mail = renderFollowUp(kind, row.id, row.booking, settings, run.now);
  if (mail === null || mail.problems.length > 0) {
    ledger.setFollowUp(bookingId, field, 'failed');
    if (!saved(run)) return 'failed'; // not recorded: the next tick finds it again
    return fail(mail === null ? '相談日か開始時刻が読めません' : mail.problems.join(' '));
  }
  ledger.setFollowUp(bookingId, field, 'sending');
  if (!saved(run)) return 'failed'; // nothing sent: the next tick tries again
  try {
    MailApp.sendEmail(
      mailMessage(row.booking.email ?? '', mail, settings, row.booking.office).message,
    );
  } catch (error) {
    const failure = classifyMailError(error);
    const retry = failure.mail === 'notSent' && failure.quotaSpent;
    if (failure.mail === 'notSent')
      ledger.setFollowUp(bookingId, field, retry ? undefined : 'failed');
    saved(run);
    fail(failure.reason);
    return retry ? 'quotaSpent' : 'failed';
  }
  ledger.setFollowUp(bookingId, field, 'sent');
  saved(run);
  log.add({ action: ACTIONS[kind].ok, bookingId, detail: '' });
  return 'sent';
}

function saved(run: FollowUpRun): boolean {
  try {
    run.ledger.save(run.today);
    return true;
  } catch (error) {
    console.error(`tick followUps: ledger not saved: ${describeFailure(error)}`);
    return false;
  }
}
