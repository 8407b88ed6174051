// Values in the invitation come from cells anyone with edit access can type into. None of them may
// add a mail header, forge a line of the office's text, inject markup, or become a link.

import fc from 'fast-check';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { renderInvitation, singleLine, type InvitationInput } from '../../src/core/invitation';
import type { LocalDate } from '../../src/core/time';

const URL = 'https://teleoffice.example.jp/join/abc123?pw=x1';

const sample: InvitationInput = {
  name: '倉敷 太郎',
  day: '2026-12-01' as LocalDate,
  startMinutes: 600,
  durationMinutes: 30,
  office: '倉敷わかもの',
  officer: '山田 花子',
  phone: '086-430-0705',
  meetingUrl: URL,
  termsVersion: '令和4年5月30日制定（令和4年8月24日改正）',
  senderName: '倉敷わかものハローワーク',
  bookingId: 'R000123',
  noShowMinutes: 10,
  officeClosesAt: 17 * 60 + 15,
  uidDomain: 'kurashiki-online.example.jp',
  now: new Date('2026-11-20T09:15:00+09:00'),
};

const HOSTILE_NAMES = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "'; DROP TABLE x; --",
  '=HYPERLINK("http://evil.example/","click")',
  '山田\r\nBcc: x@evil.example',
  '山田\n\n■留意事項\n・録画してもかまいません',
  '山田\u2028Bcc: x@evil.example\u0085Cc: y@evil.example',
  '山田\u0000\u0007\u001B[31m\u202Egnp.exe',
  'https://evil.example/login',
  '{会議URL} {電話番号}',
];

/* eslint-disable no-control-regex -- these look for control characters on purpose */
const HEADER_BREAKERS = /[\r\n\u0085\u2028\u2029\u0000-\u001F\u007F]/;
const BODY_CONTROLS = /[\r\u0000-\u0008\u000B-\u001F\u007F\u202E]/;
const ANY_CONTROL =
  /[\u0000-\u001F\u007F-\u009F\u2028\u2029\u200E\u200F\u202A-\u202E\u2066-\u2069]/;
/* eslint-enable no-control-regex */

/** Only the tags the renderer itself writes. */
const OWN_TAGS =
  /<(?:!DOCTYPE html|\/?html[^>]*|\/?head|meta charset="UTF-8"|\/?body|div style="[^"]*"|\/div|a href="[^"<>]*"|\/a)>/g;

describe.each(HOSTILE_NAMES)('a hostile name %j', (name) => {
  const mail = renderInvitation({ ...sample, name, officer: name, office: name });

  it('cannot reach the subject as a second header line', () => {
    const subject = renderInvitation({
      ...sample,
      name,
      subjectTemplate: '{氏名} 様 {相談日}',
    }).subject;
    expect(subject).not.toMatch(HEADER_BREAKERS);
  });

  it('cannot forge lines in the plain body', () => {
    const plainLines = renderInvitation(sample).body.split('\n').length;
    expect(mail.body.split('\n')).toHaveLength(plainLines);
    expect(mail.body).not.toMatch(/^Bcc:/m);
    expect(mail.body).not.toMatch(/^・録画してもかまいません/m);
    expect(mail.body).not.toMatch(BODY_CONTROLS);
  });

  it('is escaped in the HTML part and never made a link', () => {
    const withoutOwnTags = mail.htmlBody.replace(OWN_TAGS, '');
    expect(withoutOwnTags).not.toMatch(/[<>]/);
    const links = [...mail.htmlBody.matchAll(/<a href="([^"]*)">/g)].map((m) => m[1]);
    expect(links).toEqual([URL]);
  });

  it('leaves the calendar file with exactly one event', () => {
    const calendar = new ICAL.Component(ICAL.parse(mail.ics?.content ?? ''));
    expect(calendar.getAllSubcomponents('vevent')).toHaveLength(1);
    expect(new ICAL.Event(calendar.getFirstSubcomponent('vevent') ?? undefined).uid).toBe(
      'R000123@kurashiki-online.example.jp',
    );
  });
});

describe('hostile values, specifically', () => {
  it('escapes markup characters in the HTML part', () => {
    const mail = renderInvitation({ ...sample, name: "\"><img src=x onerror=alert(1)> & 'x'" });
    expect(mail.htmlBody).toContain(
      '&quot;&gt;&lt;img src=x onerror=alert(1)&gt; &amp; &#39;x&#39; 様',
    );
    expect(mail.htmlBody).not.toContain('<img');
  });

  it('does not expand placeholders inside a value (single pass)', () => {
    const mail = renderInvitation({ ...sample, name: '{会議URL} {電話番号}' });
    expect(mail.body.split('\n')[0]).toBe('{会議URL} {電話番号} 様');
    expect(mail.problems).toEqual([]);
  });

  it('collapses a name with line breaks to one line in the body', () => {
    const mail = renderInvitation({ ...sample, name: '山田\r\nBcc: x@evil.example' });
    expect(mail.body.split('\n')[0]).toBe('山田 Bcc: x@evil.example 様');
  });

  it('keeps a formula-looking name as plain text (it is an e-mail, not a cell)', () => {
    const mail = renderInvitation({ ...sample, name: '=HYPERLINK("http://evil.example/","x")' });
    expect(mail.body.startsWith('=HYPERLINK("http://evil.example/","x") 様')).toBe(true);
    expect(mail.htmlBody).toContain('=HYPERLINK(&quot;http://evil.example/&quot;,&quot;x&quot;)');
  });

  it('does not link a meeting URL that is not https, and reports it', () => {
    for (const meetingUrl of [
      'javascript:alert(1)',
      'http://teleoffice.example.jp/join/abc',
      'https://teleoffice.example.jp/"onmouseover="alert(1)',
      'https://teleoffice.example.jp/a b',
    ]) {
      const mail = renderInvitation({ ...sample, meetingUrl });
      expect(mail.htmlBody).not.toContain('<a ');
      expect(mail.problems.join('\n')).toContain('会議URL');
      expect(mail.ics?.content).not.toMatch(/^URL:/m);
    }
  });

  it('strips a line break smuggled into the subject template itself, and reports it', () => {
    const mail = renderInvitation({ ...sample, subjectTemplate: 'ご案内\r\nBcc: x@evil.example' });
    expect(mail.subject).toBe('ご案内 Bcc: x@evil.example');
    expect(mail.problems.join('\n')).toContain('件名は1行で');
  });

  it('escapes markup typed into the template and links only its https URLs', () => {
    const mail = renderInvitation({
      ...sample,
      bodyTemplate:
        '<b>{氏名}</b> {相談日} {開始時刻} {会議URL}\n詳細: https://www.mhlw.go.jp/a.html。http://x.example/',
    });
    expect(mail.htmlBody).toContain('&lt;b&gt;倉敷 太郎&lt;/b&gt;');
    expect(mail.htmlBody).toContain(
      '<a href="https://www.mhlw.go.jp/a.html">https://www.mhlw.go.jp/a.html</a>。http://x.example/',
    );
  });
});

describe('singleLine (property)', () => {
  it('never leaves a line break or control character, for any input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 100 }), (s) => {
        expect(singleLine(s)).not.toMatch(ANY_CONTROL);
      }),
      { numRuns: 500 },
    );
  });

  it('keeps the body line count for any name', () => {
    const lines = renderInvitation(sample).body.split('\n').length;
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (name) => {
        const mail = renderInvitation({ ...sample, name });
        expect(mail.body.split('\n')).toHaveLength(lines);
        expect(mail.subject).not.toMatch(/[\r\n]/);
      }),
      { numRuns: 200 },
    );
  });
});
