// The footer of every mail to a job seeker (issue 15 §5, 合理的配慮 and the terms) on the built
// bundle: 電話以外の連絡先 and 規約URL when set and only then, the 第5条 block when
// 端末・通信環境の案内 is はい, in the invitation as sent, previewed, re-sent and as 自己診断's
// sample; escaped in the HTML part, the 規約URL a link; a malformed 規約URL a 設定 problem.
import { describe, expect, it } from 'vitest';
import type { Emulator, SentMail } from '../../emulator/index';
import { DEVICE_REQUIREMENTS } from '../../src/core/followUpTemplates';
import { BOOKING, SETTING, SHEET } from '../../src/core/schema';
import { bookingOf, bookings, column, office, send, setSetting, workbookWith } from './helpers';

const CONTACT = 'FAX 086-000-0001 <b>&"';
const CONTACT_HTML = 'FAX 086-000-0001 &lt;b&gt;&amp;&quot;';
const TERMS_URL = 'https://www.example.go.jp/online/kiyaku.html';
const CONTACT_HEADING = '■お電話が難しい方へ';
const TERMS_HEADING = '■オンライン職業相談等利用規約（全文）';
const DEVICE_HEADING = '■ご利用の端末・通信環境（利用規約 第5条）';
const DEVICE_LINE = 'ファイル共有ソフト（Winny、Share 等）';

function withFooter(emu: Emulator): Emulator {
  setSetting(emu, SETTING.alternativeContact, CONTACT);
  setSetting(emu, SETTING.termsUrl, TERMS_URL);
  setSetting(emu, SETTING.deviceNotice, 'はい');
  return emu;
}

/** The plain text ends with the three blocks; the HTML part escapes the contact, links the URL. */
function expectFooter(body: string, html: string | undefined): void {
  expect(body).toContain(`${CONTACT_HEADING}\n`);
  expect(body).toContain(`こちらへご連絡ください：${CONTACT}`);
  expect(body).toContain(`${TERMS_HEADING}\n${TERMS_URL}`);
  expect(body).toContain(DEVICE_HEADING);
  expect(body).toContain(DEVICE_LINE);
  // After the template (its signature), a blank line between; the 第5条 block ends the mail.
  expect(body).toContain(`────────────────────\n\n${CONTACT_HEADING}\n`);
  expect(body.endsWith(`${DEVICE_REQUIREMENTS.at(-1)}\n`)).toBe(true);
  expect(body.indexOf(CONTACT_HEADING)).toBeGreaterThan(body.indexOf('■利用規約'));
  if (html === undefined) return;
  expect(html).toContain(CONTACT_HTML);
  expect(html).not.toContain('<b>&"');
  expect(html).toContain(`<a href="${TERMS_URL}">${TERMS_URL}</a>`);
  expect(html).toContain(DEVICE_HEADING);
}

function expectNoFooter(body: string): void {
  for (const text of [CONTACT_HEADING, TERMS_HEADING, DEVICE_HEADING, DEVICE_LINE])
    expect(body).not.toContain(text);
}

const lastMail = (emu: Emulator): SentMail => emu.mail.sent.at(-1)!;

describe('the mail footer (電話以外の連絡先, 規約URL, 端末・通信環境の案内)', () => {
  it('is in the invitation as sent, when set', () => {
    const emu = withFooter(office(workbookWith([bookingOf(0)])));
    send(emu);
    expect(emu.mail.sent).toHaveLength(1);
    expectFooter(lastMail(emu).body, lastMail(emu).htmlBody);
  });

  it('is not there while the settings are blank and いいえ (as shipped)', () => {
    const emu = office(workbookWith([bookingOf(0)]));
    send(emu);
    expect(emu.mail.sent).toHaveLength(1);
    expectNoFooter(lastMail(emu).body);
    expectNoFooter(lastMail(emu).htmlBody ?? '');
  });

  it('prints each block on its own: the contact alone, the 第5条 block alone', () => {
    const contactOnly = office(workbookWith([bookingOf(0)]));
    setSetting(contactOnly, SETTING.alternativeContact, CONTACT);
    send(contactOnly);
    const a = lastMail(contactOnly).body;
    expect(a).toContain(CONTACT_HEADING);
    expect(a).not.toContain(TERMS_HEADING);
    expect(a).not.toContain(DEVICE_HEADING);

    const deviceOnly = office(workbookWith([bookingOf(0)]));
    setSetting(deviceOnly, SETTING.deviceNotice, 'はい');
    send(deviceOnly);
    const b = lastMail(deviceOnly).body;
    expect(b).toContain(DEVICE_HEADING);
    expect(b).not.toContain(CONTACT_HEADING);
    expect(b).not.toContain(TERMS_HEADING);
  });

  it('is in the preview, escaped', () => {
    const emu = withFooter(office(workbookWith([bookingOf(0)])));
    emu.select(SHEET.bookings, ['C2']);
    expect(emu.menu('招待メールをプレビュー').error).toBeUndefined();
    const shown = emu.ui.shown.at(-1)!;
    expect(shown.kind).toBe('modal');
    expect(shown.content).toContain(CONTACT_HTML);
    expect(shown.content).not.toContain('<b>&"');
    // The preview shows the plain text (escaped, in a <pre>); the link is the sent HTML part's.
    expect(shown.content).toContain(`${TERMS_HEADING}\n${TERMS_URL}`);
    expect(shown.content).toContain(DEVICE_HEADING);
    expect(emu.mail.sent).toHaveLength(0);
  });

  it('is in the mail of 招待メールを再送', () => {
    const emu = withFooter(office(workbookWith([bookingOf(0)])));
    send(emu);
    emu.edit(SHEET.bookings, `${column(emu, BOOKING.date)}2`, [['2026/12/03']]);
    emu.select(SHEET.bookings, ['C2']);
    emu.ui.queueResponse('YES');
    emu.ui.queueResponse('OK');
    expect(emu.menu('招待メールを再送').error).toBeUndefined();
    expect(emu.mail.sent).toHaveLength(2);
    expect(lastMail(emu).subject.startsWith('【日時変更】')).toBe(true);
    expectFooter(lastMail(emu).body, lastMail(emu).htmlBody);
  });

  it('is in 自己診断’s sample invitation', () => {
    const emu = withFooter(office(workbookWith([])));
    setSetting(emu, SETTING.alertTo, 'staff@example.jp');
    emu.ui.queueResponse('OK', 'YES', 'OK');
    expect(emu.menu('自己診断').error).toBeUndefined();
    expect(emu.mail.sent).toHaveLength(1);
    expectFooter(lastMail(emu).body, lastMail(emu).htmlBody);
  });

  it('a 規約URL that is not https: a 設定 problem naming the row; the mail carries no URL', () => {
    const emu = office(workbookWith([bookingOf(0)]));
    const rowNumber =
      emu.person.values(SHEET.settings).findIndex((r) => String(r[0]) === SETTING.termsUrl) + 1;
    setSetting(emu, SETTING.termsUrl, 'http://www.example.go.jp/kiyaku.html');
    emu.ui.queueResponse('OK', 'NO');
    expect(emu.menu('自己診断').error).toBeUndefined();
    const report = emu.ui.dialogs.map((d) => d.message).join('\n');
    expect(report).toContain(
      `設定「規約URL」（${rowNumber}行目）の値「http://www.example.go.jp/kiyaku.html」はhttps:// で始まる正しいURLではありません（メールには載せません。https:// で始まるURLにするか、空にしてください）。`,
    );
    send(emu);
    expect(emu.mail.sent).toHaveLength(1);
    expect(bookings(emu)[0]![BOOKING.invitedAt]).toBeInstanceOf(Date); // the invitation still goes
    expect(lastMail(emu).body).not.toContain('kiyaku');
    expect(lastMail(emu).htmlBody).not.toContain('kiyaku');
    expectNoFooter(lastMail(emu).body);
  });
});
