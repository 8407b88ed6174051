// The MailApp message of a rendered invitation: the send, 招待メールを再送 and 自己診断's sample.
import type { NormalizedBooking } from '../../core/booking';
import { singleLine, type RenderedInvitation } from '../../core/invitation';
import type { Settings } from '../../core/settings';

type Message = GoogleAppsScript.Mail.MailAdvancedParameters;

const ICS_CONTENT_TYPE = 'text/calendar';

export function invitationMessage(
  booking: NormalizedBooking,
  mail: RenderedInvitation,
  settings: Settings,
): Message {
  return mailMessage(booking.email ?? '', mail, settings, booking.office);
}

/** `mail` as sent to `to` from the 窓口 `office`, with the .ics attached when there is one. */
export function mailMessage(
  to: string,
  mail: Pick<RenderedInvitation, 'subject' | 'body' | 'htmlBody' | 'ics'>,
  settings: Settings,
  office: string,
): Message {
  const message: Message = {
    to,
    subject: mail.subject,
    body: mail.body,
    htmlBody: mail.htmlBody,
    // A header value: one line whatever was typed into 設定 (no forged headers).
    name: singleLine(settings.senderNames[office] ?? ''),
  };
  if (settings.replyTo) message.replyTo = settings.replyTo;
  if (mail.ics) {
    message.attachments = [
      Utilities.newBlob(mail.ics.content, ICS_CONTENT_TYPE, mail.ics.fileName),
    ];
  }
  return message;
}
