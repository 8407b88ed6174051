// The footer of every mail to a job seeker (core/mailFooter.ts, issue 15 §5): which blocks, in
// which order, how it joins the template, how the renderer's HTML part treats it, and how 設定
// reads the three rows behind it.
import { describe, expect, it } from 'vitest';
import { DEVICE_REQUIREMENTS } from '../../src/core/followUpTemplates';
import { type InvitationInput, renderInvitation } from '../../src/core/invitation';
import { type FooterSettings, mailFooter } from '../../src/core/mailFooter';
import { SETTING } from '../../src/core/schema';
import { parseSettings, SETTING_DEFAULTS, type SettingRow } from '../../src/core/settings';
import type { LocalDate } from '../../src/core/time';

const NONE: FooterSettings = { alternativeContact: '', termsUrl: '', deviceNotice: false };
const CONTACT = 'FAX 086-000-0001 ／ メール soudan@example.jp';
const TERMS_URL = 'https://www.example.go.jp/online/kiyaku.html';
const CONTACT_HEADING = '■お電話が難しい方へ';
const TERMS_HEADING = '■オンライン職業相談等利用規約（全文）';

describe('mailFooter', () => {
  it('is empty when nothing is set', () => {
    expect(mailFooter(NONE)).toBe('');
  });

  it('prints the contact alone', () => {
    expect(mailFooter({ ...NONE, alternativeContact: CONTACT })).toBe(
      `\n\n${CONTACT_HEADING}\nお電話でのご連絡が難しい場合は、こちらへご連絡ください：${CONTACT}\n`,
    );
  });

  it('prints the 規約URL alone, on its own line', () => {
    expect(mailFooter({ ...NONE, termsUrl: TERMS_URL })).toBe(
      `\n\n${TERMS_HEADING}\n${TERMS_URL}\n`,
    );
  });

  it('prints the 第5条 block alone when asked', () => {
    expect(mailFooter({ ...NONE, deviceNotice: true })).toBe(
      `\n\n${DEVICE_REQUIREMENTS.join('\n')}\n`,
    );
    expect(DEVICE_REQUIREMENTS[0]).toContain('第5条');
  });

  it('prints contact, terms, device in that order, a blank line between blocks', () => {
    const text = mailFooter({
      alternativeContact: CONTACT,
      termsUrl: TERMS_URL,
      deviceNotice: true,
    });
    const blocks = text.trim().split('\n\n');
    expect(blocks.map((b) => b.split('\n')[0])).toEqual([
      CONTACT_HEADING,
      TERMS_HEADING,
      DEVICE_REQUIREMENTS[0],
    ]);
    expect(text.startsWith('\n\n■')).toBe(true);
    expect(text.endsWith('\n')).toBe(true);
    expect(text.endsWith('\n\n')).toBe(false);
  });
});

const sample: InvitationInput = {
  name: '倉敷 太郎',
  day: '2026-12-01' as LocalDate,
  startMinutes: 600,
  durationMinutes: 30,
  office: '倉敷わかもの',
  officer: '山田 花子',
  phone: '086-430-0705',
  meetingUrl: 'https://teleoffice.example.jp/join/abc123',
  termsVersion: '令和4年5月30日制定（令和4年8月24日改正）',
  senderName: '倉敷わかものハローワーク',
  bookingId: 'R000123',
  noShowMinutes: 10,
  officeClosesAt: 17 * 60 + 15,
  phoneHours: '',
  uidDomain: 'kurashiki-online.example.jp',
  now: new Date('2026-11-20T09:15:00+09:00'),
};

describe('the footer in a rendered invitation', () => {
  const hostile = 'FAX <b>&"\' {会議URL}';
  const footer = mailFooter({
    alternativeContact: hostile,
    termsUrl: TERMS_URL,
    deviceNotice: true,
  });
  // 設定 hands the template over trimmed: it does not end with a line break.
  const template = '{氏名} 様\n{相談日} {開始時刻} {会議URL}\n{窓口} {電話番号} {予約ID} {規約版}';
  const mail = renderInvitation({ ...sample, bodyTemplate: template, footer });

  it('comes after the template, a blank line after its last line', () => {
    expect(mail.problems).toEqual([]);
    expect(mail.body).toContain(`R000123 ${sample.termsVersion}\n\n${CONTACT_HEADING}\n`);
    expect(mail.body.endsWith(`${DEVICE_REQUIREMENTS.at(-1)}\n`)).toBe(true);
  });

  it('is office text: a placeholder in it stays as typed', () => {
    expect(mail.body).toContain('こちらへご連絡ください：FAX <b>&"\' {会議URL}');
  });

  it('is escaped in the HTML part, with the 規約URL as a link', () => {
    expect(mail.htmlBody).toContain('FAX &lt;b&gt;&amp;&quot;&#39; {会議URL}');
    expect(mail.htmlBody).not.toContain('<b>&');
    expect(mail.htmlBody).toContain(`<a href="${TERMS_URL}">${TERMS_URL}</a>`);
  });

  it('adds nothing when nothing is set', () => {
    const plain = renderInvitation({ ...sample, bodyTemplate: template, footer: mailFooter(NONE) });
    expect(plain.body).toBe(renderInvitation({ ...sample, bodyTemplate: template }).body);
    expect(plain.body).not.toContain('■');
  });
});

/** The shipped rows (starting at sheet row 2), with some values replaced. */
function rows(overrides: Record<string, unknown> = {}): SettingRow[] {
  return SETTING_DEFAULTS.map((d, i) => ({
    key: d.key,
    value: d.key in overrides ? overrides[d.key] : d.value,
    rowNumber: i + 2,
  }));
}

const rowOf = (key: string) => SETTING_DEFAULTS.findIndex((d) => d.key === key) + 2;
const footerProblems = (problems: string[]) =>
  problems.filter((p) =>
    [SETTING.termsUrl, SETTING.alternativeContact, SETTING.deviceNotice].some((k) =>
      p.includes(`「${k}」`),
    ),
  );

describe('設定 behind the footer', () => {
  it('ships blank, blank and いいえ: no footer, no problem', () => {
    const { settings, problems } = parseSettings(rows());
    expect(mailFooter(settings)).toBe('');
    expect(footerProblems(problems)).toEqual([]);
  });

  it('reads an https 規約URL, a contact (one line) and はい', () => {
    const { settings, problems } = parseSettings(
      rows({
        [SETTING.termsUrl]: ` ${TERMS_URL} `,
        [SETTING.alternativeContact]: 'FAX 086-000-0001\nメール soudan@example.jp',
        [SETTING.deviceNotice]: 'はい',
      }),
    );
    expect(footerProblems(problems)).toEqual([]);
    expect(settings.termsUrl).toBe(TERMS_URL);
    expect(settings.alternativeContact).toBe('FAX 086-000-0001 メール soudan@example.jp');
    expect(settings.deviceNotice).toBe(true);
  });

  it('refuses a 規約URL that is not https, naming the row, and prints nothing', () => {
    for (const bad of ['http://www.example.go.jp/kiyaku.html', 'www.example.go.jp', 'https://']) {
      const { settings, problems } = parseSettings(rows({ [SETTING.termsUrl]: bad }));
      expect(settings.termsUrl).toBe('');
      expect(footerProblems(problems)).toEqual([
        `設定「${SETTING.termsUrl}」（${rowOf(SETTING.termsUrl)}行目）の値「${bad}」はhttps:// で始まる正しいURLではありません（メールには載せません。https:// で始まるURLにするか、空にしてください）。`,
      ]);
      expect(mailFooter(settings)).toBe('');
    }
  });
});
