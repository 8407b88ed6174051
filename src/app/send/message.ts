// The MailApp message of a rendered invitation: the send, 招待メールを再送 and 自己診断's sample.
// A calendar attachment that cannot be made never stops the mail (issue 15 §5): it goes without
// the .ics, and the caller's 操作ログ line says so.
import type { NormalizedBooking } from '../../core/booking';
import { singleLine, type RenderedInvitation } from '../../core/invitation';
import type { Settings } from '../../core/settings';
import { describeError } from '../runAction';

type Message = GoogleAppsScript.Mail.MailAdvancedParameters;

/** The message, and whether it goes without its calendar attachment. */
export interface BuiltMessage {
  message: Message;
  withoutCalendar: boolean;
}

const ICS_CONTENT_TYPE = 'text/calendar';

export function invitationMessage(
  booking: NormalizedBooking,
  mail: RenderedInvitation,
  settings: Settings,
): BuiltMessage {
  return mailMessage(booking.email ?? '', mail, settings, booking.office);
}

/** `mail` as sent to `to` from the 窓口 `office`, with the .ics attached when it can be. */
export function mailMessage(
  to: string,
  mail: Pick<RenderedInvitation, 'subject' | 'body' | 'htmlBody' | 'ics'>,
  settings: Settings,
  office: string,
): BuiltMessage {
  const message: Message = {
    to,
    subject: mail.subject,
    body: mail.body,
    htmlBody: mail.htmlBody,
    // A header value: one line whatever was typed into 設定 (no forged headers).
    name: singleLine(settings.senderNames[office] ?? ''),
  };
  if (settings.replyTo) message.replyTo = settings.replyTo;
  const attachment = calendarAttachment(mail.ics);
  if (attachment !== null) message.attachments = [attachment];
  return { message, withoutCalendar: attachment === null };
}

/** The .ics as a blob; null when there is none or it cannot be made (the mail goes anyway). */
function calendarAttachment(
  ics: RenderedInvitation['ics'],
): GoogleAppsScript.Base.BlobSource | null {
  if (ics === null || typeof ics.content !== 'string' || ics.content === '') return null;
  try {
    return Utilities.newBlob(ics.content, ICS_CONTENT_TYPE, ics.fileName);
  } catch (error) {
    console.error(`calendar attachment not made: ${describeError(error)}`);
    return null;
  }
}
