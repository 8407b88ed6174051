// The daily mail quota before a batch, and the once-a-day alert to 通知先メール when it is spent
// (the rule: core/mailPolicy invitationAllowance; the words: core/sendWords).
import { mailStaff } from '../staffMail';
import { describeFailure, invitationAllowance } from '../../core/mailPolicy';
import type { Settings } from '../../core/settings';
import type { RowRef, SendSummary } from '../../core/sendSummary';
import { quotaAlertMail } from '../../core/sendWords';
import { documentProperties, PROPERTY } from '../properties';

/**
 * One key per sending account (a menu send spends the clicking person's quota, a tick the
 * trigger owner's): `quotaAlertDay:<e-mail>` holds the Tokyo day staff were last told.
 */
function quotaAlertKey(): string {
  return `${PROPERTY.quotaAlertDay}:${Session.getEffectiveUser().getEmail()}`;
}

export class QuotaGuard {
  private alertedToday: boolean | null = null;

  constructor(
    private readonly settings: Settings,
    private readonly today: string,
  ) {}

  /** How many invitations may go now. */
  allowance(): number {
    const remaining = MailApp.getRemainingDailyQuota();
    return invitationAllowance(remaining, this.settings.alertTo.length, this.alreadyAlerted());
  }

  private alreadyAlerted(): boolean {
    if (this.alertedToday === null) {
      const day = documentProperties().getProperty(quotaAlertKey());
      this.alertedToday = day === this.today;
    }
    return this.alertedToday;
  }

  /** Once per Tokyo day: a mail to 通知先メール listing the bookings left unsent (ids only). */
  alertStaff(left: readonly RowRef[]): SendSummary['quota']['alert'] {
    if (this.alreadyAlerted()) return 'alreadyToday';
    if (this.settings.alertTo.length === 0) return 'noRecipients';
    try {
      mailStaff(this.settings, quotaAlertMail(left));
    } catch (error) {
      console.error(`sendReadyInvitations: quota alert failed: ${describeFailure(error)}`);
      return 'failed';
    }
    documentProperties().setProperty(quotaAlertKey(), this.today);
    this.alertedToday = true;
    return 'sent';
  }
}
