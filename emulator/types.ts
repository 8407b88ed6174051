// Plain data the emulator records for tests and the local runner.

export interface MailAttachment {
  fileName: string;
  contentType: string;
  bytes: Uint8Array;
}

/** One message handed to MailApp, as the service received it. */
export interface SentMail {
  service: 'MailApp';
  to: string;
  cc?: string;
  bcc?: string;
  replyTo?: string;
  /** Display name of the sender (the `name` option). */
  name?: string;
  /** The effective user who sent it (Session.getEffectiveUser). */
  from: string;
  subject: string;
  body: string;
  htmlBody?: string;
  attachments: MailAttachment[];
  sentAt: Date;
}
