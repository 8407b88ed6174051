import vm from 'node:vm';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import {
  MAX_SUBJECT_CHARS,
  renderInvitation,
  validateTemplate,
  type InvitationInput,
} from '../../src/core/invitation';
import type { LocalDate } from '../../src/core/time';
import { DEFAULT_BODY, DEFAULT_SUBJECT, PLACEHOLDERS } from '../../src/core/invitationTemplate';
import { SETTING } from '../../src/core/schema';
import { SETTING_DEFAULTS } from '../../src/core/settings';

const TERMS = '令和4年5月30日制定（令和4年8月24日改正）';
const URL = 'https://teleoffice.example.jp/join/abc123?pw=x1&lang=ja';

const sample: InvitationInput = {
  name: '倉敷 太郎',
  day: '2026-12-01' as LocalDate,
  startMinutes: 600,
  durationMinutes: 30,
  office: '倉敷わかもの',
  officer: '山田 花子',
  phone: '086-430-0705',
  meetingUrl: URL,
  termsVersion: TERMS,
  senderName: '倉敷わかものハローワーク',
  bookingId: 'R000123',
  noShowMinutes: 10,
  officeClosesAt: 17 * 60 + 15,
  phoneHours: '月～金 8:30～{受付終了時刻}、祝日・年末年始を除く',
  uidDomain: 'kurashiki-online.example.jp',
  now: new Date('2026-11-20T09:15:00+09:00'),
};

describe('default invitation', () => {
  const mail = renderInvitation(sample);

  it('renders without problems and leaves no placeholder behind', () => {
    expect(mail.problems).toEqual([]);
    expect(mail.subject).not.toMatch(/[{}｛｝]/);
    expect(mail.body).not.toMatch(/[{}｛｝]/);
  });

  it('has the subject the office expects', () => {
    expect(mail.subject).toBe(
      '【倉敷わかものハローワーク】オンライン職業相談のご案内（12月1日(火) 10:00～）',
    );
  });

  it('addresses the job seeker and says the booking is confirmed by this mail', () => {
    expect(mail.body.startsWith('倉敷 太郎 様\n')).toBe(true);
    expect(mail.body).toContain('このメールの送信をもって、ご予約が確定しました。');
  });

  it('states day with weekday, time range, 窓口, officer, booking id and the URL', () => {
    const lines = mail.body.split('\n');
    expect(lines).toContain('・相談日：12月1日(火)');
    expect(lines).toContain('・時間：10:00～10:30');
    expect(lines).toContain('・窓口：倉敷わかもの（担当：山田 花子）');
    expect(lines).toContain('・予約番号：R000123');
    expect(lines).toContain(URL);
  });

  it('carries the joining steps ①–⑤ from the office leaflet, in order', () => {
    const steps = ['①', '②', '③', '④', '⑤'].map((mark) => mail.body.indexOf(`\n${mark}`));
    expect(steps.every((at) => at > 0)).toBe(true);
    expect([...steps].sort((a, b) => a - b)).toEqual(steps);
    expect(mail.body).toContain('「会議への参加／アプリケーションのダウンロード」');
    expect(mail.body).toContain('「参加」をクリック');
    expect(mail.body).toContain('「TeleOffice」が起動');
    expect(mail.body).toContain('アプリのインストールは不要');
    expect(mail.body).toContain('「ログイン」をクリック');
    expect(mail.body).toContain('「ビデオ会議」又は画面右側の「参加する」');
    expect(mail.body).toContain('⑤相談が終わりましたら、「退出」をクリック');
    expect(mail.body).toContain('予約時間（10:00）より前に参加することはできません');
  });

  it('repeats the cautions: phone cancellation, 10-minute rule, no recording, costs, private room', () => {
    expect(mail.body).toContain(
      'キャンセルの場合は、倉敷わかもの（電話 086-430-0705）までお電話で',
    );
    expect(mail.body).toContain('予約時間を10分経過した場合は、キャンセルとみなします');
    expect(mail.body).toContain('今後のご利用をお断りすることがあります');
    expect(mail.body).toContain('録画・録音は、その方法を問わず禁止');
    expect(mail.body).toContain('ご利用にかかる費用はご本人のご負担');
    expect(mail.body).toContain('個室又は周囲に他人がいない環境');
    expect(mail.body).toContain('TeleOfficeの設定・操作方法のご案内は行っておりません');
  });

  it('names the terms version and that booking means consent', () => {
    expect(mail.body).toContain(`・適用する規約：${TERMS}`);
    expect(mail.body).toContain('予約のお申込みにより、規約に同意いただいたものとみなします');
  });

  it('ends with a footer naming sender, 窓口 and phone', () => {
    const footer = mail.body.trimEnd().split('\n').slice(-5);
    expect(footer).toEqual([
      '────────────────────',
      '倉敷わかものハローワーク',
      'オンライン職業相談 窓口：倉敷わかもの',
      '電話：086-430-0705（月～金 8:30～17:15、祝日・年末年始を除く）',
      '────────────────────',
    ]);
  });

  it('has an HTML part that is the same text, pre-wrapped, with the meeting URL as a link', () => {
    expect(mail.htmlBody).toContain('white-space: pre-wrap');
    const href = URL.replace(/&/g, '&amp;');
    expect(mail.htmlBody).toContain(`<a href="${href}">${href}</a>`);
    expect(htmlToText(mail.htmlBody)).toBe(mail.body);
  });

  it('attaches a calendar file for 10:00–10:30 Tokyo time', () => {
    expect(mail.ics?.fileName).toBe('online-soudan-R000123.ics');
    const calendar = new ICAL.Component(ICAL.parse(mail.ics?.content ?? ''));
    const event = new ICAL.Event(calendar.getFirstSubcomponent('vevent') ?? undefined);
    expect(event.uid).toBe('R000123@kurashiki-online.example.jp');
    expect(event.startDate.toJSDate().getTime()).toBe(Date.parse('2026-12-01T10:00:00+09:00'));
    expect(event.endDate.toJSDate().getTime()).toBe(Date.parse('2026-12-01T10:30:00+09:00'));
    expect(event.location).toBe(URL);
    expect(event.description).toContain(URL);
    expect(event.description).toContain('086-430-0705');
  });
});

describe('telephone hours ({受付時間})', () => {
  const footerPhone = (mail: { body: string }) => /^電話：.*$/m.exec(mail.body)?.[0];

  it('say the 窓口 its own 受付時間, with {受付終了時刻} from 設定', () => {
    const mail = renderInvitation({ ...sample, officeClosesAt: 17 * 60 });
    expect(footerPhone(mail)).toBe(
      '電話：086-430-0705（月～金 8:30～17:00、祝日・年末年始を除く）',
    );
  });

  it('are left out, not invented, when the 窓口 has none', () => {
    const mail = renderInvitation({
      ...sample,
      office: '倉敷中央',
      phone: '086-424-3333',
      phoneHours: '',
    });
    expect(footerPhone(mail)).toBe('電話：086-424-3333');
    expect(mail.body).not.toContain('8:30');
    expect(mail.problems).toEqual([]);
  });
});

describe('dates and times', () => {
  it('computes the weekday for Tokyo days regardless of the host zone', () => {
    expect(process.env.TZ).toBe('America/Los_Angeles');
    const dayOfMail = (day: string) =>
      /・相談日：(.+)/.exec(renderInvitation({ ...sample, day: day as LocalDate }).body)?.[1];
    expect(dayOfMail('2026-12-01')).toBe('12月1日(火)');
    expect(dayOfMail('2027-01-01')).toBe('1月1日(金)');
    expect(dayOfMail('2026-03-08')).toBe('3月8日(日)'); // US DST starts that night
  });

  it('renders the afternoon slot and a custom duration', () => {
    const mail = renderInvitation({ ...sample, startMinutes: 15 * 60, durationMinutes: 45 });
    expect(mail.body).toContain('・時間：15:00～15:45');
    expect(mail.subject).toContain('15:00～');
  });

  it('reports an impossible day or slot instead of inventing one, and attaches no calendar', () => {
    const badDay = renderInvitation({ ...sample, day: '2026-02-30' as LocalDate });
    expect(badDay.problems.join('\n')).toContain('相談日が正しい日付ではありません');
    expect(badDay.ics).toBeNull();
    const late = renderInvitation({ ...sample, startMinutes: 23 * 60 + 50 });
    expect(late.problems.join('\n')).toContain('開始時刻');
    expect(late.ics).toBeNull();
  });
});

describe('validateTemplate', () => {
  it('accepts the shipped templates', () => {
    expect(validateTemplate(DEFAULT_SUBJECT, 'subject')).toEqual([]);
    expect(validateTemplate(DEFAULT_BODY, 'body')).toEqual([]);
  });

  it('names an unknown placeholder and suggests the intended one', () => {
    const problems = validateTemplate('{氏 名} 様\n{相談日} {開始時刻}\n{URL}', 'body');
    // …and, since {URL} is not {会議URL}, the mail would go out without its meeting URL.
    expect(problems).toHaveLength(3);
    expect(problems[2]).toContain('{会議URL} がありません');
    expect(problems[0]).toContain('設定「メール本文」');
    expect(problems[0]).toContain('{氏 名} は使えません');
    expect(problems[0]).toContain('{氏名} のことですか');
    expect(problems[1]).toContain('{URL} は使えません');
    expect(problems[1]).toContain('{会議URL} のことですか');
    expect(problems.join('\n')).not.toMatch(/undefined/);
  });

  it('reports a required placeholder missing from the body', () => {
    const problems = validateTemplate('{氏名} 様\n{相談日} {開始時刻}', 'body');
    expect(problems).toEqual([expect.stringContaining('{会議URL} がありません')]);
  });

  it('reports unbalanced braces with the line number', () => {
    const problems = validateTemplate('{相談日} {開始時刻}\n{会議URL}\n{氏名 様\n氏名} 様', 'body');
    expect(problems).toHaveLength(2);
    expect(problems[0]).toContain('3行目に閉じていない「{」');
    expect(problems[1]).toContain('4行目に対応する「{」のない「}」');
  });

  it('accepts full-width braces as typed by a Japanese IME', () => {
    const mail = renderInvitation({ ...sample, subjectTemplate: '｛氏名｝様 ｛相談日｝' });
    expect(mail.subject).toBe('倉敷 太郎様 12月1日(火)');
    expect(mail.problems).toEqual([]);
  });

  it('rejects a subject with a line break, and one that is too long', () => {
    expect(validateTemplate('ご案内\r\nBcc: x@evil.example', 'subject')).toEqual([
      expect.stringContaining('件名は1行で'),
    ]);
    expect(validateTemplate('あ'.repeat(MAX_SUBJECT_CHARS + 1), 'subject')).toEqual([
      expect.stringContaining('長すぎます'),
    ]);
    expect(validateTemplate('あ'.repeat(MAX_SUBJECT_CHARS), 'subject')).toEqual([]);
  });

  it('rejects a body far beyond what Gmail should carry, and an empty one', () => {
    const huge = `{相談日} {開始時刻} {会議URL}\n${'あ'.repeat(40_000)}`;
    expect(validateTemplate(huge, 'body')).toEqual([expect.stringContaining('大きすぎます')]);
    expect(validateTemplate('  ', 'body').join('\n')).toContain('空です');
  });

  it('puts template problems into the rendering, which still shows the unknown text', () => {
    const mail = renderInvitation({
      ...sample,
      bodyTemplate: '{名前} 様 {相談日} {開始時刻} {会議URL}',
    });
    expect(mail.problems).toEqual([expect.stringContaining('{名前} は使えません')]);
    expect(mail.body.startsWith('{名前} 様 12月1日(火) 10:00 https://')).toBe(true);
  });

  it('uses the shipped templates when the settings are blank', () => {
    const mail = renderInvitation({ ...sample, subjectTemplate: '', bodyTemplate: ' \n' });
    expect(mail).toEqual(renderInvitation(sample));
  });

  it('exports every placeholder the default body uses', () => {
    // {受付終了時刻} is said by the shipped 受付時間 of 倉敷わかもの, which {受付時間} prints.
    const hours = SETTING_DEFAULTS.find((d) => d.key === SETTING.hoursWakamono)!.value;
    const used = [...`${DEFAULT_SUBJECT}${DEFAULT_BODY}${hours}`.matchAll(/\{([^{}]+)\}/g)].map(
      (m) => m[1],
    );
    const known: readonly string[] = PLACEHOLDERS;
    expect(used.filter((name) => !known.includes(name ?? ''))).toEqual([]);
    expect(new Set(used).size).toBe(PLACEHOLDERS.length);
  });
});

describe('missing values', () => {
  it('reports each value an invitation cannot go without', () => {
    const mail = renderInvitation({
      ...sample,
      name: ' ',
      phone: '',
      termsVersion: '',
      meetingUrl: 'http://teleoffice.example.jp/join/abc',
    });
    const text = mail.problems.join('\n');
    expect(text).toContain('氏名が空です');
    expect(text).toContain('電話番号が空です');
    expect(text).toContain('規約版が空です');
    expect(text).toContain('会議URLが https:// で始まる正しいURLではありません');
  });

  it('accepts a Date from another realm (the built bundle runs inside node:vm)', () => {
    const now = vm.runInNewContext('new Date("2026-11-20T00:15:00Z")') as Date;
    expect(now instanceof Date).toBe(false);
    expect(renderInvitation({ ...sample, now }).ics?.content).toContain('DTSTAMP:20261120T001500Z');
  });

  it('throws a developer error for an invalid clock value', () => {
    expect(() => renderInvitation({ ...sample, now: new Date(Number.NaN) })).toThrow(
      /renderInvitation: now/,
    );
  });
});

/** The text a reader sees in the HTML part: tags removed, entities decoded. */
function htmlToText(html: string): string {
  const inner = /<div[^>]*>([\s\S]*)<\/div>/.exec(html)?.[1] ?? '';
  return inner
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}
