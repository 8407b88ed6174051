// Mail to 通知先メール (設定): the alert digest, the mail-quota warning and the monthly archive's
// note. One sender name for all of them, so staff can recognise and filter them.
import type { Settings } from '../core/settings';
import { ALERT_SENDER_NAME } from '../core/tickWords';

export function mailStaff(
  settings: Pick<Settings, 'alertTo'>,
  mail: { subject: string; body: string },
): void {
  MailApp.sendEmail({
    to: settings.alertTo.join(','),
    subject: mail.subject,
    body: mail.body,
    name: ALERT_SENDER_NAME,
  });
}
