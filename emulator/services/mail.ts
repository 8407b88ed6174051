// MailApp (GmailApp is not emulated: the bundle never calls it). Every accepted message becomes a SentMail; the daily
// recipient quota, address validation and chosen failures behave like Apps Script's, so the
// script's "stop when the quota is spent" and "one failure does not stop the rest" can be tested.
import type { MailAttachment, SentMail } from '../types.js';
import { EmuBlob, toBytes } from './blob.js';
import { requireFullAuth, type ServiceContext } from './common.js';

const SEND_MAIL_SCOPE = 'https://www.googleapis.com/auth/script.send_mail';
const QUOTA_MESSAGE = 'Service invoked too many times for one day: email.';
const MAX_SUBJECT = 250;

// Deliberately plain: a local part and a dotted domain, no spaces, commas or angle brackets.
const ADDRESS = /^[^\s@<>(),;:"[\]\\]+@[^\s@<>(),;:"[\]\\.]+(\.[^\s@<>(),;:"[\]\\.]+)+$/;

type MailMatcher = string | ((mail: SentMail) => boolean);

interface FailureRule {
  matches: (mail: SentMail) => boolean;
  message: string;
  remaining: number;
}

/** The mailbox side: what was sent, what failed, the quota. */
export class MailState {
  readonly sent: SentMail[] = [];
  /** Messages the script tried to send that an injected failure rejected. */
  readonly failed: { mail: SentMail; error: string }[] = [];
  private quota: number;
  private readonly rules: FailureRule[] = [];

  constructor(quota: number) {
    this.quota = quota;
  }

  setQuota(n: number): void {
    this.quota = n;
  }

  remaining(): number {
    return this.quota;
  }

  /**
   * Makes sending fail for messages to `match` (an address, case-insensitive, in to/cc/bcc) or
   * for which `match` returns true. Without `times` the rule stays until `clearFailures`.
   */
  failFor(match: MailMatcher, error?: string | Error, options: { times?: number } = {}): void {
    const matches =
      typeof match === 'function'
        ? match
        : (mail: SentMail) => recipientsOf(mail).includes(match.trim().toLowerCase());
    const message =
      error === undefined
        ? 'Failed to send email: the mail server rejected the message (injected failure)'
        : typeof error === 'string'
          ? error
          : error.message;
    this.rules.push({ matches, message, remaining: options.times ?? Infinity });
  }

  clearFailures(): void {
    this.rules.length = 0;
  }

  /** Forgets sent and failed messages (not the quota). */
  clear(): void {
    this.sent.length = 0;
    this.failed.length = 0;
  }

  /** @internal Quota, then injected failures, then the mailbox. Throws the script's error text. */
  deliver(mail: SentMail): void {
    const recipients = recipientsOf(mail);
    if (recipients.length > this.quota) throw new Error(QUOTA_MESSAGE);
    const rule = this.rules.find((r) => r.remaining > 0 && r.matches(mail));
    if (rule) {
      rule.remaining -= 1;
      this.failed.push({ mail, error: rule.message });
      throw new Error(rule.message);
    }
    this.quota -= recipients.length;
    this.sent.push(mail);
  }
}

function splitAddresses(list: string | undefined): string[] {
  if (!list) return [];
  return list
    .split(',')
    .map((a) => a.trim())
    .filter((a) => a !== '');
}

/** Lower-cased bare addresses of every recipient (to, cc, bcc). */
function recipientsOf(mail: SentMail): string[] {
  return [mail.to, mail.cc, mail.bcc]
    .flatMap((list) => splitAddresses(list))
    .map((a) => bareAddress(a).toLowerCase());
}

/** `Name <a@b.jp>` → `a@b.jp`; plain addresses unchanged. */
function bareAddress(address: string): string {
  const angle = /<([^<>]*)>\s*$/.exec(address);
  return angle ? angle[1]!.trim() : address;
}

function validateAddresses(list: string | undefined): void {
  for (const address of splitAddresses(list)) {
    if (!ADDRESS.test(bareAddress(address))) throw new Error(`Invalid email: ${address}`);
  }
}

interface MailOptions {
  attachments?: unknown;
  bcc?: unknown;
  cc?: unknown;
  htmlBody?: unknown;
  inlineImages?: unknown;
  name?: unknown;
  noReply?: unknown;
  replyTo?: unknown;
  from?: unknown;
}

function optionalString(value: unknown, name: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new Error(`Invalid argument: ${name}`);
  return value;
}

function attachmentOf(source: unknown): MailAttachment {
  const blobSource = source as Partial<GoogleAppsScript.Base.BlobSource> | null;
  if (!blobSource || typeof blobSource.getBlob !== 'function') {
    throw new Error('Invalid argument: attachments');
  }
  const blob = blobSource.getBlob();
  const bytes = blob instanceof EmuBlob ? blob.hostBytes() : toBytes(blob.getBytes());
  return {
    fileName: blob.getName() ?? 'attachment',
    contentType: blob.getContentType() ?? 'application/octet-stream',
    bytes,
  };
}

/** Builds the record of one message, validating it the way Apps Script does. */
function compose(
  context: ServiceContext,
  service: SentMail['service'],
  to: unknown,
  subject: unknown,
  body: unknown,
  options: MailOptions,
  sentAt: Date,
): SentMail {
  const toList = optionalString(to, 'to');
  const cc = optionalString(options.cc, 'cc');
  const bcc = optionalString(options.bcc, 'bcc');
  if (
    splitAddresses(toList).length + splitAddresses(cc).length + splitAddresses(bcc).length ===
    0
  ) {
    throw new Error('Failed to send email: no recipient');
  }
  validateAddresses(toList);
  validateAddresses(cc);
  validateAddresses(bcc);
  const replyTo = optionalString(options.replyTo, 'replyTo');
  validateAddresses(replyTo);
  const subjectText = optionalString(subject, 'subject') ?? '';
  if (subjectText.length > MAX_SUBJECT) throw new Error('Argument too large: subject');
  const htmlBody = optionalString(options.htmlBody, 'htmlBody');
  const bodyText = optionalString(body, 'body');
  if (bodyText === undefined && htmlBody === undefined) throw new Error('Invalid argument: body');
  if (options.inlineImages !== undefined) throw new Error(`not emulated: ${service} inlineImages`);
  const from = optionalString(options.from, 'from');
  if (from !== undefined && from.toLowerCase() !== context.user.toLowerCase()) {
    throw new Error('Invalid argument: from');
  }
  const attachments = options.attachments;
  if (attachments !== undefined && !Array.isArray(attachments)) {
    throw new Error('Invalid argument: attachments');
  }
  const mail: SentMail = {
    service,
    to: toList ?? '',
    from: context.user,
    subject: subjectText,
    body: bodyText ?? '',
    attachments: ((attachments as unknown[] | undefined) ?? []).map(attachmentOf),
    sentAt,
  };
  if (cc !== undefined) mail.cc = cc;
  if (bcc !== undefined) mail.bcc = bcc;
  if (replyTo !== undefined) mail.replyTo = replyTo;
  const name = optionalString(options.name, 'name');
  if (name !== undefined) mail.name = name;
  if (htmlBody !== undefined) mail.htmlBody = htmlBody;
  return mail;
}

export class EmuMailApp implements GoogleAppsScript.Mail.MailApp {
  constructor(
    private readonly context: ServiceContext,
    private readonly state: MailState,
  ) {}

  getRemainingDailyQuota(): GoogleAppsScript.Integer {
    const { runtime } = this.context;
    return runtime.call('MailApp.getRemainingDailyQuota', () => {
      requireFullAuth(runtime, 'MailApp.getRemainingDailyQuota', SEND_MAIL_SCOPE);
      return this.state.remaining();
    });
  }

  sendEmail(message: GoogleAppsScript.Mail.MailAdvancedParameters): void;
  sendEmail(recipient: string, subject: string, body: string): void;
  sendEmail(
    recipient: string,
    subject: string,
    body: string,
    options: GoogleAppsScript.Mail.MailAdvancedParameters,
  ): void;
  sendEmail(to: string, replyTo: string, subject: string, body: string): void;
  sendEmail(...args: unknown[]): void {
    const { runtime } = this.context;
    runtime.callWithArgs('MailApp.sendEmail', args, () => {
      requireFullAuth(runtime, 'MailApp.sendEmail', SEND_MAIL_SCOPE);
      this.state.deliver(this.messageFrom(args));
    });
  }

  private messageFrom(args: unknown[]): SentMail {
    const now = this.context.runtime.now();
    const [first, second, third, fourth] = args;
    if (args.length === 1 && typeof first === 'object' && first !== null) {
      const m = first as GoogleAppsScript.Mail.MailAdvancedParameters;
      return compose(this.context, 'MailApp', m.to, m.subject, m.body, m, now);
    }
    if (args.length === 4 && typeof fourth === 'string') {
      // sendEmail(to, replyTo, subject, body)
      return compose(this.context, 'MailApp', first, third, fourth, { replyTo: second }, now);
    }
    if (args.length === 3 || args.length === 4) {
      const options = (fourth ?? {}) as MailOptions;
      if (typeof options !== 'object') throw new Error('Invalid argument: options');
      return compose(this.context, 'MailApp', first, second, third, options, now);
    }
    throw new Error('Invalid argument: sendEmail expects a message object or (to, subject, body)');
  }
}
