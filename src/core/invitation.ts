// The invitation e-mail for one booking, as pure functions: template checking, rendering to a
// plain-text body, an escaped HTML part and an .ics attachment. Sending lives in src/app.
//
// Values come from staff-typed cells, so they are treated as hostile: no value can add a header
// line to the subject, forge a line in the body, inject markup into the HTML part, or become a
// link unless it is the booking's own https meeting URL.

import { buildIcs, utf8ByteLength, type TokyoDateTime } from './ics';
import {
  DEFAULT_CANCEL_BODY,
  DEFAULT_CANCEL_SUBJECT,
  DEFAULT_REMINDER_BODY,
  DEFAULT_REMINDER_SUBJECT,
} from './followUpTemplates';
import {
  DEFAULT_BODY,
  DEFAULT_SUBJECT,
  PLACEHOLDERS,
  REQUIRED_BODY_PLACEHOLDERS,
  type Placeholder,
} from './invitationTemplate';
import { noShowWords } from './noShows';
import { SETTING } from './schema';
import { dayParts, formatClock, formatDay, isLocalDate, type LocalDate } from './time';
import { httpsUrlsInText, isHttpsUrl } from './url';

export { isHttpsUrl } from './url';

export interface InvitationInput {
  name: string;
  /** The consultation day in Asia/Tokyo (checked again here: it may come from anywhere). */
  day: LocalDate;
  /** Start, in minutes after midnight Tokyo time (10:00 → 600). */
  startMinutes: number;
  durationMinutes: number;
  office: string;
  officer: string;
  /** The 窓口's phone number, for cancellations. */
  phone: string;
  meetingUrl: string;
  termsVersion: string;
  senderName: string;
  bookingId: string;
  /** 設定 無断キャンセル判定（分）: the cautions in the mail and the .ics say this many minutes. */
  noShowMinutes: number;
  /** 設定 受付終了時刻, for {受付終了時刻} (the office's phone hours). */
  officeClosesAt: number;
  /** 設定 受付時間（窓口）, for {受付時間}; '' prints nothing. May itself say {受付終了時刻}. */
  phoneHours?: string;
  /** 設定 メール件名 / メール本文; blank or missing → the shipped default. */
  subjectTemplate?: string;
  bodyTemplate?: string;
  /**
   * Appended after the body as the office's own text (core/mailFooter: 電話以外の連絡先, 規約URL,
   * 第5条): from 設定, so its https links are made links like the template's.
   */
  footer?: string;
  /** Right-hand side of the calendar UID (`予約ID@domain`), e.g. the office's mail domain. */
  uidDomain: string;
  /** When the invitation is rendered (the .ics DTSTAMP). */
  now: Date;
  /** Reply-to address, named as the calendar event's organizer when given. */
  organizerEmail?: string;
}

export interface RenderedInvitation {
  subject: string;
  body: string;
  htmlBody: string;
  /** Null when the day or time cannot be placed on a calendar (see problems). */
  ics: { fileName: string; content: string } | null;
  /** Japanese sentences for staff; the invitation must not be sent unless this is empty. */
  problems: string[];
}

export type TemplateKind = 'subject' | 'body';

/**
 * The mails to a job seeker: the invitation, the 前日リマインダー and the キャンセル通知 (issue 15).
 * Each renders from its own 設定 templates (blank → the shipped default) with the same
 * placeholders and footer; only the invitation carries the .ics.
 */
export type MailKind = 'invitation' | 'reminder' | 'cancellation';

interface MailKindRule {
  subjectSetting: string;
  bodySetting: string;
  defaultSubject: string;
  defaultBody: string;
  /** What the mail is called in a problem sentence. */
  word: string;
  required: readonly Placeholder[];
  /** The mail names the meeting URL, so it must be a usable one. */
  needsMeetingUrl: boolean;
}

const MAIL_KINDS: Readonly<Record<MailKind, MailKindRule>> = {
  invitation: {
    subjectSetting: SETTING.mailSubject,
    bodySetting: SETTING.mailBody,
    defaultSubject: DEFAULT_SUBJECT,
    defaultBody: DEFAULT_BODY,
    word: '招待メール',
    required: REQUIRED_BODY_PLACEHOLDERS,
    needsMeetingUrl: true,
  },
  reminder: {
    subjectSetting: SETTING.reminderSubject,
    bodySetting: SETTING.reminderBody,
    defaultSubject: DEFAULT_REMINDER_SUBJECT,
    defaultBody: DEFAULT_REMINDER_BODY,
    word: 'リマインダー',
    required: ['相談日', '開始時刻', '会議URL'],
    needsMeetingUrl: true,
  },
  cancellation: {
    subjectSetting: SETTING.cancelSubject,
    bodySetting: SETTING.cancelBody,
    defaultSubject: DEFAULT_CANCEL_SUBJECT,
    defaultBody: DEFAULT_CANCEL_BODY,
    word: 'キャンセル通知',
    required: ['相談日', '開始時刻'],
    needsMeetingUrl: false,
  },
};

// Subjects: mail clients truncate long ones, RFC 5322 recommends ≤ 78 characters a header line
// (hard limit 998 octets, though encoded words fold), and ~250 characters is the practical ceiling
// commonly reported for MailApp/Gmail. The default renders to about 45.
export const MAX_SUBJECT_CHARS = 250;
// Apps Script limits an e-mail body to 200 KB per message ("Email body size", Quotas page); the
// plain text and the HTML part are both sent, so their sum is checked against it.
export const MAX_MESSAGE_BODY_BYTES = 200 * 1024;
// A template this large is a paste mistake (the default is ~4 KB). Kept far below 200 KB so the
// HTML copy, escaping growth and substituted values still fit.
export const MAX_BODY_TEMPLATE_BYTES = 32 * 1024;

const ALARM_MINUTES_BEFORE = 15;

// ─── Templates ───────────────────────────────────────────────────────────────────────────────

type Token = { text: string; placeholder?: Placeholder };

const OPEN_BRACES = '{｛';
const CLOSE_BRACES = '}｝';

function settingLabel(kind: TemplateKind, mail: MailKind = 'invitation'): string {
  const rule = MAIL_KINDS[mail];
  return `設定「${kind === 'subject' ? rule.subjectSetting : rule.bodySetting}」`;
}

/**
 * Problems with a template (メール件名 / メール本文, or the reminder's or cancellation notice's),
 * as Japanese sentences naming its 設定 key; empty when usable.
 */
export function validateTemplate(
  text: string,
  kind: TemplateKind = 'body',
  mail: MailKind = 'invitation',
): string[] {
  const label = settingLabel(kind, mail);
  const template = String(text ?? '');
  const { tokens, problems } = parseTemplate(template, label);
  if (template.trim() === '') problems.push(`${label}が空です。文面を入力してください。`);
  if (kind === 'subject') problems.push(...subjectTemplateProblems(template, label));
  else problems.push(...bodyTemplateProblems(template, tokens, label, MAIL_KINDS[mail]));
  return problems;
}

function subjectTemplateProblems(text: string, label: string): string[] {
  const problems: string[] = [];
  if (/[\r\n\u0085\u2028\u2029]/.test(text)) {
    problems.push(`${label}に改行が含まれています。件名は1行で入力してください。`);
  }
  const length = [...text].length;
  if (length > MAX_SUBJECT_CHARS) {
    problems.push(
      `${label}が長すぎます（${length}文字）。${MAX_SUBJECT_CHARS}文字以内にしてください。`,
    );
  }
  return problems;
}

function bodyTemplateProblems(
  text: string,
  tokens: Token[],
  label: string,
  rule: MailKindRule,
): string[] {
  const problems: string[] = [];
  const bytes = utf8ByteLength(text);
  if (bytes > MAX_BODY_TEMPLATE_BYTES) {
    const kb = Math.ceil(bytes / 1024);
    problems.push(
      `${label}が大きすぎます（約${kb}KB）。${MAX_BODY_TEMPLATE_BYTES / 1024}KB以内にしてください。`,
    );
  }
  const used = new Set(tokens.map((t) => t.placeholder));
  for (const name of rule.required) {
    if (!used.has(name)) {
      problems.push(`${label}に {${name}} がありません。${rule.word}には必ず入れてください。`);
    }
  }
  return problems;
}

// One left-to-right pass; a placeholder may not span lines or nest. Full-width braces count too,
// because a Japanese IME in full-width mode types ｛氏名｝ for {氏名}.
function parseTemplate(text: string, label: string): { tokens: Token[]; problems: string[] } {
  const tokens: Token[] = [];
  const problems: string[] = [];
  let literal = '';
  let i = 0;
  while (i < text.length) {
    const ch = text.charAt(i);
    const close = OPEN_BRACES.includes(ch) ? findClose(text, i + 1) : -1;
    if (close >= 0) {
      const raw = text.slice(i, close + 1);
      const name = text.slice(i + 1, close);
      if (isPlaceholder(name)) {
        if (literal) tokens.push({ text: literal });
        tokens.push({ text: raw, placeholder: name });
        literal = '';
      } else {
        problems.push(unknownPlaceholderMessage(label, raw, name));
        literal += raw;
      }
      i = close + 1;
      continue;
    }
    if (OPEN_BRACES.includes(ch) || CLOSE_BRACES.includes(ch)) {
      problems.push(unbalancedBraceMessage(label, text, i));
    }
    literal += ch;
    i += 1;
  }
  if (literal) tokens.push({ text: literal });
  return { tokens, problems };
}

function findClose(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const ch = text.charAt(i);
    if (CLOSE_BRACES.includes(ch)) return i;
    if (OPEN_BRACES.includes(ch) || ch === '\n' || ch === '\r') return -1;
  }
  return -1;
}

function isPlaceholder(name: string): name is Placeholder {
  return (PLACEHOLDERS as readonly string[]).includes(name);
}

function unbalancedBraceMessage(label: string, text: string, index: number): string {
  const line = text.slice(0, index).split('\n').length;
  const brace = text.charAt(index);
  const what = OPEN_BRACES.includes(brace)
    ? `閉じていない「${brace}」`
    : `対応する「{」のない「${brace}」`;
  return `${label}の${line}行目に${what}があります。差し込み項目は {氏名} のように「{」と「}」で囲んでください。`;
}

function unknownPlaceholderMessage(label: string, raw: string, name: string): string {
  const guess = suggestPlaceholder(name);
  const hint = guess ? `（{${guess}} のことですか？）` : '';
  const known = PLACEHOLDERS.map((p) => `{${p}}`).join(' ');
  return `${label}の差し込み項目 ${raw} は使えません${hint}。使える項目: ${known}`;
}

function suggestPlaceholder(name: string): Placeholder | undefined {
  const key = name.normalize('NFKC').replace(/\s+/g, '');
  if (!key) return undefined;
  return PLACEHOLDERS.find((p) => p === key) ?? PLACEHOLDERS.find((p) => p.includes(key));
}

// ─── Values ──────────────────────────────────────────────────────────────────────────────────

/* eslint-disable no-control-regex -- matching control characters is the point of these two */
const LINE_BREAKS_AND_TABS = /[\t\r\n\u000B\u000C\u0085\u2028\u2029]+/g;
const INVISIBLE_CONTROLS = /[\u0000-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
/* eslint-enable no-control-regex */

/**
 * A staff-typed value made safe for one line of a subject or body: every kind of line break and
 * tab collapses to one space (no forged lines, no extra headers), other control and bidi-override
 * characters are removed (no invisible or reordered text).
 */
export function singleLine(value: unknown): string {
  return String(value ?? '')
    .replace(LINE_BREAKS_AND_TABS, ' ')
    .replace(INVISIBLE_CONTROLS, '')
    .trim();
}

/** A real day from 2000 on: anything else is a typo that must not reach a calendar. */
function isValidDay(day: unknown): day is LocalDate {
  return isLocalDate(day) && day >= '2000-01-01';
}

/** Start and end as Tokyo wall-clock times, or null when they are not a same-day slot. */
function slotTimes(input: InvitationInput): { start: TokyoDateTime; end: TokyoDateTime } | null {
  const { day, startMinutes: start, durationMinutes: duration } = input;
  if (!isValidDay(day) || !Number.isInteger(start) || !Number.isInteger(duration)) return null;
  if (start < 0 || duration < 1 || start + duration >= 24 * 60) return null;
  const { y, m, d } = dayParts(day);
  return { start: { y, m, d, minutes: start }, end: { y, m, d, minutes: start + duration } };
}

function placeholderValues(
  input: InvitationInput,
  slot: ReturnType<typeof slotTimes>,
): Record<Placeholder, string> {
  const unknown = '（不明）';
  return {
    氏名: singleLine(input.name),
    相談日: slot ? formatDay(input.day) : unknown,
    開始時刻: slot ? formatClock(slot.start.minutes) : unknown,
    終了時刻: slot ? formatClock(slot.end.minutes) : unknown,
    窓口: singleLine(input.office),
    担当者: singleLine(input.officer),
    電話番号: singleLine(input.phone),
    会議URL: singleLine(input.meetingUrl),
    規約版: singleLine(input.termsVersion),
    差出人名: singleLine(input.senderName),
    予約ID: singleLine(input.bookingId),
    無断キャンセル判定: noShowWords(input.noShowMinutes),
    受付終了時刻: formatClock(input.officeClosesAt),
    受付時間: phoneHoursWords(input),
  };
}

/** '（月～金 8:30～17:15、祝日・年末年始を除く）' after the phone number, or '' when not set. */
function phoneHoursWords(input: InvitationInput): string {
  const hours = singleLine(input.phoneHours ?? '')
    .split('{受付終了時刻}')
    .join(formatClock(input.officeClosesAt));
  return hours === '' ? '' : `（${hours}）`;
}

function inputProblems(
  input: InvitationInput,
  values: Record<Placeholder, string>,
  rule: MailKindRule,
): string[] {
  const problems: string[] = [];
  const required: [Placeholder, string][] = [
    ['氏名', '予約シートの「氏名」'],
    ['窓口', '予約シートの「窓口」'],
    ['電話番号', `設定の窓口「${values.窓口}」の電話番号`],
    ['差出人名', `設定の窓口「${values.窓口}」の差出人名`],
    ['規約版', `設定「${SETTING.termsVersion}」`],
    ['予約ID', '予約シートの「予約ID」'],
  ];
  for (const [key, where] of required) {
    if (!values[key]) problems.push(`${key}が空です。${where}を入力してください。`);
  }
  if (rule.needsMeetingUrl && !isHttpsUrl(values.会議URL)) {
    problems.push(
      '会議URLが https:// で始まる正しいURLではありません。予約シートの「会議URL」に TeleOffice の招待URLをそのまま貼り付けてください。',
    );
  }
  if (!isValidDay(input.day)) {
    problems.push('相談日が正しい日付ではありません。予約シートの「相談日」を確認してください。');
  } else if (!slotTimes(input)) {
    problems.push(
      `開始時刻または${SETTING.durationMinutes}が正しくありません。予約シートの「開始時刻」と設定「${SETTING.durationMinutes}」を確認してください。`,
    );
  }
  return problems;
}

// ─── Rendering ───────────────────────────────────────────────────────────────────────────────

/** A piece of rendered text and where it came from, so the HTML part knows what may be a link. */
type Segment = { text: string; source: 'template' | 'value' | 'meetingUrl' };

// Single pass over the template's tokens: a value is never re-scanned, so a name such as
// "{会議URL}" stays literal text.
function fill(tokens: Token[], values: Record<Placeholder, string>): Segment[] {
  return tokens.map((token): Segment => {
    if (!token.placeholder) return { text: token.text, source: 'template' };
    const source = token.placeholder === '会議URL' ? 'meetingUrl' : 'value';
    return { text: values[token.placeholder], source };
  });
}

function pickTemplate(template: string | undefined, fallback: string): string {
  const text = String(template ?? '');
  return text.trim() === '' ? fallback : text.replace(/\r\n?/g, '\n');
}

/**
 * The invitation for one booking. Always returns a rendering (for the preview); `problems` lists
 * what must be fixed before it may be sent. Throws only on a programming error (bad `now`/`uidDomain`).
 */
export function renderInvitation(input: InvitationInput): RenderedInvitation {
  return renderMail('invitation', input);
}

/**
 * A mail of `mail`'s kind for one booking, from input.subjectTemplate / bodyTemplate (blank →
 * that kind's shipped default) and the footer. Only the invitation has an .ics (else null).
 */
export function renderMail(mail: MailKind, input: InvitationInput): RenderedInvitation {
  assertProgramInputs(input);
  const rule = MAIL_KINDS[mail];
  const subjectTemplate = pickTemplate(input.subjectTemplate, rule.defaultSubject);
  const bodyTemplate = pickTemplate(input.bodyTemplate, rule.defaultBody);
  const slot = slotTimes(input);
  const values = placeholderValues(input, slot);
  const subjectTokens = parseTemplate(subjectTemplate, settingLabel('subject', mail)).tokens;
  // The subject is made single-line once more as a whole: a template line break is a problem
  // (reported) but must never reach the mail header either.
  const subject = singleLine(
    fill(subjectTokens, values)
      .map((s) => s.text)
      .join(''),
  );
  const segments = fill(parseTemplate(bodyTemplate, settingLabel('body', mail)).tokens, values);
  if (input.footer) segments.push({ text: input.footer, source: 'template' });
  const body = segments.map((s) => s.text).join('');
  const htmlBody = toHtml(segments);
  const problems = [
    ...validateTemplate(subjectTemplate, 'subject', mail),
    ...validateTemplate(bodyTemplate, 'body', mail),
    ...inputProblems(input, values, rule),
    ...renderedSizeProblems(subject, body, htmlBody),
  ];
  const ics = slot && mail === 'invitation' ? invitationIcs(input, values, slot) : null;
  return { subject, body, htmlBody, ics, problems };
}

// These come from code, not from staff, so a bad one is a bug to surface, not a sheet message.
function assertProgramInputs(input: InvitationInput): void {
  // Duck-typed, not instanceof: the bundle runs in another realm (node:vm) in tests.
  const nowMs: unknown = input.now?.getTime?.();
  if (typeof nowMs !== 'number' || !Number.isFinite(nowMs)) {
    throw new Error(`renderInvitation: now is not a valid Date: ${String(input.now)}`);
  }
  if (!/^[A-Za-z0-9.-]+$/.test(input.uidDomain)) {
    const domain = JSON.stringify(input.uidDomain);
    throw new Error(`renderInvitation: uidDomain is not a domain name: ${domain}`);
  }
}

function renderedSizeProblems(subject: string, body: string, htmlBody: string): string[] {
  const problems: string[] = [];
  if ([...subject].length > MAX_SUBJECT_CHARS) {
    problems.push(
      `差し込み後の件名が${MAX_SUBJECT_CHARS}文字を超えています。件名の文面か差し込む値を短くしてください。`,
    );
  }
  if (utf8ByteLength(body) + utf8ByteLength(htmlBody) > MAX_MESSAGE_BODY_BYTES) {
    problems.push(
      `差し込み後の本文が Gmail の上限（${MAX_MESSAGE_BODY_BYTES / 1024}KB）を超えます。本文を短くしてください。`,
    );
  }
  return problems;
}

// ─── HTML part ───────────────────────────────────────────────────────────────────────────────

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

// The plain text, escaped, in a pre-wrap block so its line breaks and indents survive. Links are
// made only from the template's own https URLs and the booking's https meeting URL: a link in a
// job seeker's name would be a phishing vector in an official mail.
function toHtml(segments: Segment[]): string {
  const inner = segments.map(segmentHtml).join('');
  return (
    '<!DOCTYPE html><html lang="ja"><head><meta charset="UTF-8"></head><body>' +
    '<div style="white-space: pre-wrap; font-family: sans-serif; line-height: 1.6;">' +
    inner +
    '</div></body></html>'
  );
}

function segmentHtml(segment: Segment): string {
  if (segment.source === 'template') return linkify(segment.text);
  if (segment.source === 'meetingUrl' && isHttpsUrl(segment.text)) return link(segment.text);
  return escapeHtml(segment.text);
}

function link(url: string): string {
  return `<a href="${escapeHtml(url)}">${escapeHtml(url)}</a>`;
}

function linkify(text: string): string {
  let html = '';
  let last = 0;
  for (const match of text.matchAll(httpsUrlsInText())) {
    // Sentence punctuation right after a URL belongs to the sentence, not the URL.
    const url = match[0].replace(/[.,;:!?)']+$/, '');
    const at = match.index ?? 0;
    html += escapeHtml(text.slice(last, at)) + link(url);
    last = at + url.length;
  }
  return html + escapeHtml(text.slice(last));
}

// ─── Calendar attachment ─────────────────────────────────────────────────────────────────────

function invitationIcs(
  input: InvitationInput,
  values: Record<Placeholder, string>,
  slot: { start: TokyoDateTime; end: TokyoDateTime },
): { fileName: string; content: string } {
  const url = isHttpsUrl(values.会議URL) ? values.会議URL : undefined;
  const content = buildIcs({
    uid: `${values.予約ID}@${input.uidDomain}`,
    stamp: input.now,
    start: slot.start,
    end: slot.end,
    summary: `オンライン職業相談（${values.差出人名 || values.窓口}）`,
    location: values.会議URL,
    description: [
      `会議URL: ${values.会議URL}`,
      `日時: ${values.相談日} ${values.開始時刻}～${values.終了時刻}`,
      `窓口: ${values.窓口}（担当: ${values.担当者}）`,
      `キャンセルのご連絡: ${values.窓口} 電話 ${values.電話番号}`,
      `予約番号: ${values.予約ID}`,
      `※予約時間前に参加することはできません。連絡がないまま予約時間を${values.無断キャンセル判定}経過した場合はキャンセルとみなします。`,
    ].join('\n'),
    url,
    organizer: input.organizerEmail
      ? { name: values.差出人名, email: singleLine(input.organizerEmail) }
      : undefined,
    alarmMinutesBefore: ALARM_MINUTES_BEFORE,
  });
  const safeId = values.予約ID.replace(/[^A-Za-z0-9_-]/g, '_') || 'booking';
  return { fileName: `online-soudan-${safeId}.ics`, content };
}
