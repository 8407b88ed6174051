// The 前日リマインダー and キャンセル通知 renderings (issue 15 §1, §3, §6) and the ledger fields
// that keep them to one per booking.
import { describe, expect, it } from 'vitest';
import {
  renderInvitation,
  renderMail,
  validateTemplate,
  type InvitationInput,
} from '../../src/core/invitation';
import { parseLedger, serializeLedger, type Ledger } from '../../src/core/invitationLedger';
import { mailFooter } from '../../src/core/mailFooter';
import { SETTING } from '../../src/core/schema';
import type { LocalDate } from '../../src/core/time';

const URL = 'https://teleoffice.example.jp/join/abc123';

const sample: InvitationInput = {
  name: '倉敷 太郎',
  day: '2026-12-07' as LocalDate,
  startMinutes: 600,
  durationMinutes: 30,
  office: '倉敷わかもの',
  officer: '山田 花子',
  phone: '086-430-0705',
  meetingUrl: URL,
  termsVersion: '令和4年5月30日制定',
  senderName: '倉敷わかものハローワーク',
  bookingId: 'R000123',
  noShowMinutes: 15,
  officeClosesAt: 17 * 60 + 15,
  uidDomain: 'kurashiki-online.example.jp',
  now: new Date('2026-12-04T12:00:00+09:00'),
};

describe('the reminder', () => {
  const mail = renderMail('reminder', sample);

  it('renders the shipped default: date, time, URL, how to cancel, the no-show minutes', () => {
    expect(mail.problems).toEqual([]);
    expect(mail.subject).toBe(
      '【倉敷わかものハローワーク】オンライン職業相談のご予約が近づきました（12月7日(月) 10:00～）',
    );
    const lines = mail.body.split('\n');
    expect(lines).toContain('・相談日：12月7日(月)');
    expect(lines).toContain('・時間：10:00～10:30');
    expect(lines).toContain(URL);
    expect(mail.body).toContain('予約時間を15分過ぎると、無断キャンセルとなります');
    expect(mail.body).toContain('電話 086-430-0705');
  });

  it('has no .ics (only the invitation does) and an escaped HTML part', () => {
    expect(mail.ics).toBeNull();
    const hostile = renderMail('reminder', { ...sample, name: '<b>x</b>' });
    expect(hostile.htmlBody).toContain('&lt;b&gt;x&lt;/b&gt;');
    expect(hostile.htmlBody).not.toContain('<b>x</b>');
    expect(mail.htmlBody).toContain(`<a href="${URL}">`);
  });

  it('renders from its own templates, and names リマインダー本文 when one is missing', () => {
    const own = renderMail('reminder', {
      ...sample,
      subjectTemplate: '明日です {相談日}',
      bodyTemplate: '{相談日} {開始時刻}',
    });
    expect(own.subject).toBe('明日です 12月7日(月)');
    expect(own.problems).toEqual([
      `設定「${SETTING.reminderBody}」に {会議URL} がありません。リマインダーには必ず入れてください。`,
    ]);
  });

  it('needs a usable meeting URL', () => {
    expect(renderMail('reminder', { ...sample, meetingUrl: '' }).problems.join('')).toContain(
      '会議URL',
    );
  });

  it('carries the footer', () => {
    const footer = mailFooter({
      alternativeContact: 'FAX 086-000-0001',
      termsUrl: 'https://example.jp/kiyaku',
      deviceNotice: false,
    });
    const withFooter = renderMail('reminder', { ...sample, footer });
    expect(withFooter.body).toContain('FAX 086-000-0001');
    expect(withFooter.htmlBody).toContain('<a href="https://example.jp/kiyaku">');
  });
});

describe('the cancellation notice', () => {
  it('renders the default without needing a meeting URL, and no .ics', () => {
    const mail = renderMail('cancellation', { ...sample, meetingUrl: '' });
    expect(mail.problems).toEqual([]);
    expect(mail.subject).toContain('キャンセルを承りました（12月7日(月) 10:00～）');
    expect(mail.body).toContain('・予約番号：R000123');
    expect(mail.ics).toBeNull();
  });

  it('requires {相談日} and {開始時刻}, naming キャンセル通知件名 / キャンセル通知本文', () => {
    expect(validateTemplate('ご連絡', 'body', 'cancellation')).toEqual([
      `設定「${SETTING.cancelBody}」に {相談日} がありません。キャンセル通知には必ず入れてください。`,
      `設定「${SETTING.cancelBody}」に {開始時刻} がありません。キャンセル通知には必ず入れてください。`,
    ]);
    expect(validateTemplate('a\nb', 'subject', 'cancellation')[0]).toContain(
      `設定「${SETTING.cancelSubject}」に改行`,
    );
  });
});

describe('the invitation is unchanged', () => {
  it('renderMail("invitation") is renderInvitation, .ics included', () => {
    const now = sample.now;
    const a = renderInvitation(sample);
    const b = renderMail('invitation', { ...sample, now });
    expect(b).toEqual(a);
    expect(a.ics).not.toBeNull();
    expect(validateTemplate('x', 'body')[0]).toContain('招待メールには必ず入れてください');
  });
});

describe('the ledger remembers the follow-ups', () => {
  const old = '{"v":1,"e":{"R1":["sent","2026-12-07",600,"u","a","example.jp",1764547200000]}}';

  it('reads an entry written before issue 15 (no follow-ups) and writes it back the same', () => {
    const ledger = parseLedger(old);
    const entry = ledger.get('R1')!;
    expect(entry.state).toBe('sent');
    expect(entry.reminder).toBeUndefined();
    expect(entry.cancelNotice).toBeUndefined();
    expect(serializeLedger(ledger)).toBe(old);
  });

  it('keeps the reminder and cancellation notice states through a round trip', () => {
    const ledger: Ledger = parseLedger(old);
    ledger.set('R1', { ...ledger.get('R1')!, reminder: 'sent' });
    ledger.set('R2', { ...ledger.get('R1')!, reminder: undefined, cancelNotice: 'failed' });
    const again = parseLedger(serializeLedger(ledger));
    expect(again.get('R1')!.reminder).toBe('sent');
    expect(again.get('R1')!.cancelNotice).toBeUndefined();
    expect(again.get('R2')!.reminder).toBeUndefined();
    expect(again.get('R2')!.cancelNotice).toBe('failed');
  });
});
