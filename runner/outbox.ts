// Each message the emulated MailApp/GmailApp accepted becomes a real .eml file that any mail
// program opens, composed by nodemailer so encoding (RFC 2047 subjects, UTF-8 bodies, MIME parts)
// is a maintained library's job, not ours. Nothing is delivered: the outbox is a record.
import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import type Mail from 'nodemailer/lib/mailer/index.js';
import { createHash } from 'node:crypto';
import { mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { MailAttachment, SentMail } from '../emulator/types';
import { formatRfc5322Tokyo, formatTokyoMinute } from './tokyoTime';
import { writeFileAtomically } from './workbookFile';

const ICS_METHOD = /^METHOD:([A-Z-]+)\r?$/m;

/** .ics files travel as text/calendar with the METHOD the calendar itself declares. */
function attachmentType(attachment: MailAttachment): string {
  const isCalendar =
    /\.ics$/i.test(attachment.fileName) || /^text\/calendar\b/i.test(attachment.contentType);
  if (!isCalendar) return attachment.contentType || 'application/octet-stream';
  const text = Buffer.from(attachment.bytes).toString('utf8');
  const method = ICS_METHOD.exec(text)?.[1] ?? 'PUBLISH';
  return `text/calendar; charset=UTF-8; method=${method}`;
}

function composerOptions(mail: SentMail): Mail.Options {
  return {
    from: mail.name ? { name: mail.name, address: mail.from } : mail.from,
    to: mail.to,
    ...(mail.cc ? { cc: mail.cc } : {}),
    ...(mail.bcc ? { bcc: mail.bcc } : {}),
    ...(mail.replyTo ? { replyTo: mail.replyTo } : {}),
    subject: mail.subject,
    text: mail.body,
    ...(mail.htmlBody !== undefined ? { html: mail.htmlBody } : {}),
    attachments: mail.attachments.map((a) => ({
      filename: a.fileName,
      content: Buffer.from(a.bytes),
      contentType: attachmentType(a),
    })),
    headers: {
      // Tokyo time, as the office's own mailer would stamp it (nodemailer would write +0000).
      Date: formatRfc5322Tokyo(mail.sentAt),
      'X-Emulated-Send': `${mail.service} (local runner; not delivered)`,
    },
  };
}

/** The message as RFC 5322 bytes. Header values are encoded by nodemailer, so CR/LF in a
 * subject or name cannot start a header of their own. */
export async function emlBytes(mail: SentMail): Promise<Buffer> {
  const node = new MailComposer(composerOptions(mail)).compile();
  // A sent-mail record shows Bcc, as Gmail's 送信済み does; delivery would strip it.
  node.keepBcc = true;
  return node.build();
}

/** A short stand-in for the recipient: file names must not carry addresses or names. */
export function recipientHash(to: string): string {
  return createHash('sha256').update(to.trim().toLowerCase()).digest('hex').slice(0, 12);
}

/** e.g. "2026-12-01T0930_0007_R000123.eml"; the booking id or a hash of the recipient. */
export function emlFileName(mail: SentMail, seq: number, bookingId?: string): string {
  const safeId = bookingId?.replace(/[^A-Za-z0-9-]+/g, '_').slice(0, 40);
  const who = safeId ? safeId : `to-${recipientHash(mail.to)}`;
  return `${formatTokyoMinute(mail.sentAt, true)}_${String(seq).padStart(4, '0')}_${who}.eml`;
}

const SEQ_IN_NAME = /^\d{4}-\d{2}-\d{2}T\d{4}_(\d+)_.*\.eml$/;

/** Sequence numbers continue across runs, so a later run never overwrites an earlier mail. */
async function nextSeq(dir: string): Promise<number> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const used = names.map((n) => Number(SEQ_IN_NAME.exec(n)?.[1] ?? 0));
  return Math.max(0, ...used) + 1;
}

export interface OutboxEntry {
  mail: SentMail;
  bookingId?: string;
}

/** Writes the messages in order; returns the paths written. */
export async function writeOutbox(dir: string, entries: readonly OutboxEntry[]): Promise<string[]> {
  if (entries.length === 0) return [];
  await mkdir(dir, { recursive: true });
  let seq = await nextSeq(dir);
  const paths: string[] = [];
  for (const { mail, bookingId } of entries) {
    const path = join(dir, emlFileName(mail, seq++, bookingId));
    await writeFileAtomically(path, await emlBytes(mail));
    paths.push(path);
  }
  return paths;
}
