// Invitations on the built bundle (issue 4): the mail that confirms a booking, sent at most once
// per booking whatever overlaps, crashes or fails; the confirmation and report dialogs; preview.
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import type { Emulator, SentMail } from '../../emulator/index';
import { BOOKING, LOG, SENDING_MARK, SETTING, SHEET, STATUS } from '../../src/core/schema';
import {
  bookingOf,
  bookingRow,
  bookings,
  READY_BOOKINGS,
  setSetting,
  workbookWith,
} from './helpers';

const CAPTION_SEND = '招待メールを送信';
const CAPTION_PREVIEW = '招待メールをプレビュー';
const TERMS = '令和4年5月30日制定（令和4年8月24日改正）';
const CENTRAL_PHONE = '086-000-0000'; // a placeholder number for the test office

const READY = READY_BOOKINGS;

/** Not ready: today's date (an エラー), and a cancelled booking. */
const NOT_READY = [
  bookingRow({
    seekerNo: '33010-00000004',
    name: '仮名 四子',
    office: '倉敷中央',
    officer: '担当 丁',
    email: 'yotsuko@example.jp',
    date: '2026/12/01',
  }),
  bookingRow({ start: '14:00', status: STATUS.cancelled }),
];

function office(emu: Emulator): Emulator {
  setSetting(emu, SETTING.phoneCentral, CENTRAL_PHONE);
  setSetting(emu, SETTING.replyTo, 'soudan@hellowork.example.jp');
  return emu;
}

function sendByMenu(emu: Emulator, answer: 'YES' | 'NO' = 'YES') {
  emu.ui.queueResponse(answer);
  const run = emu.menu(CAPTION_SEND);
  expect(run.error).toBeUndefined();
  return run;
}

const addressesSent = (emu: Emulator) => emu.mail.sent.map((m) => m.to).sort();
const logRows = (emu: Emulator) => emu.records(SHEET.log);
const dialogsSince = (emu: Emulator, n: number) => emu.ui.dialogs.slice(n).map((d) => d.message);

function columnOf(emu: Emulator, header: string): string {
  const index = (emu.person.values(SHEET.bookings)[0] ?? []).map(String).indexOf(header);
  if (index < 0) throw new Error(`no column ${header}`);
  return String.fromCharCode(65 + index);
}

function icsOf(mail: SentMail): ICAL.Component {
  const attachment = mail.attachments.find((a) => a.fileName.endsWith('.ics'));
  expect(attachment).toBeDefined();
  return new ICAL.Component(ICAL.parse(new TextDecoder().decode(attachment!.bytes)));
}

describe('招待メールを送信 (menu)', () => {
  it('asks with the count, sends one invitation per ready row and none for the others', () => {
    const emu = office(workbookWith([...READY, ...NOT_READY]));
    const before = emu.ui.dialogs.length;
    sendByMenu(emu);
    const [question, report] = dialogsSince(emu, before);
    expect(question).toContain('3件の招待メールを送信します');
    // Each row with its 相談日・開始時刻, and how many carry a 注意 (issue 16 §4).
    expect(question).toMatch(/^・Y\d{6}（2行目） 12月2日\(水\) 10:00$/m);
    expect(question).toMatch(/^・Y\d{6}（4行目） 12月2日\(水\) 11:00$/m);
    expect(question).toContain('「注意」のある予約はありません。');
    expect(question).toMatch(/チェック結果にエラーがある: 1件/);
    // The cancelled row is history, not a booking left unsent (issue 16 §2).
    expect(question).not.toMatch(/状態が「受付」以外/);
    expect(report).toContain('招待メールを3件送信しました');

    expect(addressesSent(emu)).toEqual([
      'hanako@example.jp',
      'ichiro@example.jp',
      'saburo@example.jp',
    ]);
    for (const mail of emu.mail.sent) {
      expect(mail.service).toBe('MailApp');
      expect(mail.replyTo).toBe('soudan@hellowork.example.jp');
      expect(mail.attachments).toHaveLength(1);
    }
    const rows = bookings(emu);
    for (const row of rows.slice(0, 3)) {
      expect(row[BOOKING.status]).toBe(STATUS.confirmed);
      expect(row[BOOKING.invitedAt]).toBeInstanceOf(Date);
      expect(report).toContain(String(row[BOOKING.id]));
    }
    expect(rows[3]![BOOKING.invitedAt]).toBe('');
    expect(rows[3]![BOOKING.status]).toBe('');
    expect(rows[4]![BOOKING.invitedAt]).toBe('');
    expect(rows[4]![BOOKING.status]).toBe(STATUS.cancelled);

    // 操作ログ: one line per send with the terms version; ids only, no personal data.
    const sentLines = logRows(emu).filter((r) => r[LOG.action] === '招待メール送信');
    expect(sentLines.map((r) => r[LOG.bookingId]).sort()).toEqual(
      rows
        .slice(0, 3)
        .map((r) => String(r[BOOKING.id]))
        .sort(),
    );
    for (const line of sentLines) expect(String(line[LOG.detail])).toContain(TERMS);
    // (実行者 is the staff account that ran the menu; job seekers' data must not appear.)
    const logText = JSON.stringify(emu.sheetValues(SHEET.log)) + emu.logText();
    for (const personal of ['見本', '試験', '例示', 'ichiro@', 'hanako@', 'saburo@', '33010-']) {
      expect(logText).not.toContain(personal);
    }
  });

  it('a 窓口 that 設定 blocks (its 電話番号 empty): an エラー on its rows at check time, counted out', () => {
    const emu = workbookWith(READY);
    setSetting(emu, SETTING.phoneCentral, ''); // as shipped
    setSetting(emu, SETTING.replyTo, 'soudan@hellowork.example.jp');
    const before = emu.ui.dialogs.length;
    sendByMenu(emu);
    const [question, report] = dialogsSince(emu, before);
    expect(question).toContain('2件の招待メールを送信します');
    expect(question).toMatch(/チェック結果にエラーがある: 1件/);
    expect(report).toContain('招待メールを2件送信しました');
    expect(report).not.toMatch(/送れませんでした|失敗/);
    expect(addressesSent(emu)).toEqual(['ichiro@example.jp', 'saburo@example.jp']);
    const central = bookings(emu).find((r) => r[BOOKING.office] === '倉敷中央')!;
    expect(central[BOOKING.invitedAt]).toBe('');
    const cell = String(central[BOOKING.checkResult]);
    expect(cell).toMatch(
      /^エラー1件\nエラー: 設定「電話番号（倉敷中央）」が空か、使えない値です。/,
    );
    expect(cell).toContain('予約の行を直す必要はありません');
    expect(cell).not.toContain('「メールアドレス」など');
    // Filled in, the same row goes with the next send.
    setSetting(emu, SETTING.phoneCentral, CENTRAL_PHONE);
    sendByMenu(emu);
    expect(emu.mail.sent).toHaveLength(3);
  });

  it('a typo domain is not sent; the question marks a row with a 注意 and counts them', () => {
    const emu = office(
      workbookWith([
        bookingOf(0, { email: 'ichiro@gmail.con' }),
        bookingOf(1, { email: 'hanako@docomo.ne.jp' }),
        bookingOf(2, { start: '11:00' }),
      ]),
    );
    const before = emu.ui.dialogs.length;
    sendByMenu(emu);
    const [question] = dialogsSince(emu, before);
    expect(question).toContain('2件の招待メールを送信します');
    expect(question).toMatch(/^・Y\d{6}（3行目） 12月2日\(水\) 10:00（注意1件）$/m);
    expect(question).toMatch(/^・Y\d{6}（4行目） 12月2日\(水\) 11:00$/m);
    expect(question).toContain('うち1件に「注意」があります');
    expect(question).toMatch(/チェック結果にエラーがある: 1件/);
    expect(addressesSent(emu)).toEqual(['hanako@docomo.ne.jp', 'saburo@example.jp']);
  });

  it('sends nothing when the person answers NO', () => {
    const emu = office(workbookWith(READY));
    sendByMenu(emu, 'NO');
    expect(emu.mail.sent).toHaveLength(0);
    expect(bookings(emu).map((r) => r[BOOKING.invitedAt])).toEqual(['', '', '']);
  });

  it('running it twice sends no duplicate', () => {
    const emu = office(workbookWith(READY));
    sendByMenu(emu);
    expect(emu.mail.sent).toHaveLength(3);
    const before = emu.ui.dialogs.length;
    emu.ui.queueResponse('OK');
    emu.menu(CAPTION_SEND);
    expect(emu.mail.sent).toHaveLength(3);
    expect(dialogsSince(emu, before)[0]).toMatch(
      /送信できる招待メールはありません[\s\S]*状態が「受付」以外.*: 3件/,
    );
  });

  it('a trigger run started mid-send (from a hook) sends no duplicate', () => {
    const emu = office(workbookWith(READY));
    setSetting(emu, SETTING.autoSend, 'はい');
    emu.advance({ minutes: 30 }); // every row is quiet: the overlapping tick would send them all
    const nested: { error?: Error }[] = [];
    const markedWhenSent: string[] = [];
    emu.hooks.after('MailApp.sendEmail', (ctx) => {
      // The mail is out: its row must already say 送信中 (written and flushed before the send).
      markedWhenSent.push(String(bookings(ctx.emu)[0]![BOOKING.invitedAt]));
      nested.push(ctx.emu.run('onTenMinuteTick', [], { kind: 'time' }));
    });
    sendByMenu(emu);
    expect(nested).toHaveLength(1);
    expect(nested[0]!.error).toBeUndefined();
    expect(emu.logText()).toContain('onTenMinuteTick: another run holds the lock; skipped');
    expect(markedWhenSent[0]).toMatch(new RegExp(`^${SENDING_MARK} 2026/12/01 09:\\d\\d$`));
    expect(emu.mail.sent).toHaveLength(3);
    expect(new Set(addressesSent(emu)).size).toBe(3);
    // The next tick, with the lock free, finds nothing left to send.
    emu.advance({ minutes: 10 });
    emu.fireTimeTrigger('onTenMinuteTick');
    expect(emu.mail.sent).toHaveLength(3);
  });

  it('a menu send started while the trigger is mid-send sends no duplicate', () => {
    const emu = office(workbookWith(READY));
    setSetting(emu, SETTING.autoSend, 'はい');
    emu.advance({ minutes: 30 });
    const busy: unknown[] = [];
    emu.hooks.after('MailApp.sendEmail', (ctx) => {
      // The menu waits for the lock the trigger holds, then says it is busy.
      ctx.emu.ui.queueResponse('OK');
      busy.push(ctx.emu.menu(CAPTION_SEND));
    });
    const tick = emu.fireTimeTrigger('onTenMinuteTick');
    expect(tick.error).toBeUndefined();
    expect(busy).toHaveLength(1);
    expect(emu.ui.dialogs.at(-1)?.message).toContain('別の処理');
    expect(emu.mail.sent).toHaveLength(3);
    expect(new Set(addressesSent(emu)).size).toBe(3);
    expect(bookings(emu).every((r) => r[BOOKING.status] === STATUS.confirmed)).toBe(true);
  });

  it('a crash between the mark and the send leaves 送信中, is reported, and is never resent', () => {
    const emu = office(workbookWith([READY[0]!]));
    emu.faults.failAtCall(1, { only: 'MailApp.sendEmail' });
    emu.ui.queueResponse('YES');
    const crashed = emu.menu(CAPTION_SEND);
    expect(crashed.error?.message).toMatch(/Exceeded maximum execution time/);
    expect(emu.mail.sent).toHaveLength(0);
    const [row] = bookings(emu);
    expect(String(row![BOOKING.invitedAt])).toMatch(
      new RegExp(`^${SENDING_MARK} 2026/12/01 09:\\d\\d$`),
    );
    expect(row![BOOKING.status]).toBe('');

    // Automatic runs never resend it ...
    setSetting(emu, SETTING.autoSend, 'はい');
    emu.advance({ minutes: 30 });
    emu.fireTimeTrigger('onTenMinuteTick');
    expect(emu.mail.sent.filter((m) => m.to === 'ichiro@example.jp')).toHaveLength(0);
    // ... and the menu reports it for a person instead of sending.
    const before = emu.ui.dialogs.length;
    emu.ui.queueResponse('OK');
    emu.menu(CAPTION_SEND);
    const message = dialogsSince(emu, before)[0]!;
    expect(message).toContain('送信できる招待メールはありません');
    expect(message).toContain('「送信中」のままの予約が1件');
    expect(message).toContain(String(row![BOOKING.id]));
    expect(emu.mail.sent.filter((m) => m.to === 'ichiro@example.jp')).toHaveLength(0);
  });

  it('a crash right after the mark is flushed also leaves 送信中 and sends nothing', () => {
    const emu = office(workbookWith([READY[0]!]));
    // Flush 1 ends the check's lock hold (before the dialog); flush 2 follows the mark.
    emu.faults.failAtCall(2, { only: 'SpreadsheetApp.flush' });
    emu.ui.queueResponse('YES');
    expect(emu.menu(CAPTION_SEND).error).toBeDefined();
    expect(String(bookings(emu)[0]![BOOKING.invitedAt])).toMatch(new RegExp(`^${SENDING_MARK} `));
    emu.ui.queueResponse('OK');
    emu.menu(CAPTION_SEND);
    expect(emu.mail.sent).toHaveLength(0);
  });

  it('a run killed after the first of three mails leaves all three 送信中, none resent', () => {
    const emu = office(workbookWith(READY));
    emu.faults.failAtCall(2, { only: 'MailApp.sendEmail' });
    emu.ui.queueResponse('YES');
    expect(emu.menu(CAPTION_SEND).error?.message).toMatch(/Exceeded maximum execution time/);
    expect(emu.mail.sent).toHaveLength(1);
    // The batch was marked together; which mails went is for a person to see in Gmail.
    for (const row of bookings(emu)) {
      expect(String(row[BOOKING.invitedAt])).toMatch(new RegExp(`^${SENDING_MARK} `));
    }
    setSetting(emu, SETTING.autoSend, 'はい');
    emu.advance({ minutes: 30 });
    emu.fireTimeTrigger('onTenMinuteTick');
    emu.ui.queueResponse('OK');
    emu.menu(CAPTION_SEND);
    expect(emu.mail.sent).toHaveLength(1);
    expect(emu.ui.lastDialog()!.message).toContain('「送信中」のままの予約が3件');
  });

  it('with quota 1 and 3 ready rows: sends 1, leaves 2 受付 and says so', () => {
    const emu = office(workbookWith(READY, { mailQuota: 1 }));
    const before = emu.ui.dialogs.length;
    sendByMenu(emu);
    expect(emu.mail.sent).toHaveLength(1);
    const rows = bookings(emu);
    expect(rows.filter((r) => r[BOOKING.status] === STATUS.confirmed)).toHaveLength(1);
    const left = rows.filter((r) => r[BOOKING.invitedAt] === '');
    expect(left).toHaveLength(2);
    for (const r of left) expect(r[BOOKING.status]).toBe('');
    const report = dialogsSince(emu, before)[1]!;
    expect(report).toContain('送信上限に達したため、2件は送っていません');
    expect(report).toContain('通知先メール」が空');
    for (const r of left) expect(report).toContain(String(r[BOOKING.id]));
    expect(logRows(emu).some((r) => String(r[LOG.action]).includes('送信上限'))).toBe(true);
  });

  it('keeps one recipient back to alert 通知先メール once a day when the quota runs out', () => {
    const emu = office(workbookWith(READY, { mailQuota: 2 }));
    setSetting(emu, SETTING.alertTo, 'staff@hellowork.example.jp');
    sendByMenu(emu);
    const invitations = emu.mail.sent.filter((m) => m.to !== 'staff@hellowork.example.jp');
    const alerts = emu.mail.sent.filter((m) => m.to === 'staff@hellowork.example.jp');
    expect(invitations).toHaveLength(1);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]!.subject).toContain('送信上限');
    expect(alerts[0]!.body).not.toMatch(/見本|試験|例示|@example\.jp/);
    // Later the same day: the reserve is released, and staff are not alerted again.
    emu.mail.setQuota(1);
    emu.advance({ hours: 1 });
    sendByMenu(emu);
    expect(emu.mail.sent.filter((m) => m.to === 'staff@hellowork.example.jp')).toHaveLength(1);
    expect(emu.mail.sent).toHaveLength(3);
    expect(bookings(emu).filter((r) => r[BOOKING.status] === STATUS.confirmed)).toHaveLength(2);
  });

  it('a send that throws for one address does not stop the others; the row says why', () => {
    const emu = office(workbookWith(READY));
    emu.mail.failFor('saburo@example.jp'); // a server error: whether it went is unknown
    emu.mail.failFor('hanako@example.jp', 'Invalid email: hanako@example.jp'); // surely not sent
    const before = emu.ui.dialogs.length;
    sendByMenu(emu);
    expect(addressesSent(emu)).toEqual(['ichiro@example.jp']);
    const [ichiro, hanako, saburo] = bookings(emu);
    expect(ichiro![BOOKING.status]).toBe(STATUS.confirmed);
    // Refused by the mail service: surely not sent, marked 送信失敗 until a person fixes the row.
    expect(String(hanako![BOOKING.invitedAt])).toMatch(
      /^送信失敗 \d{4}\/\d\d\/\d\d \d\d:\d\d（.+）$/,
    );
    expect(String(hanako![BOOKING.checkResult])).toMatch(
      /^エラー: 招待メールを送れませんでした（.+）。メールは送られていません/m,
    );
    // Outcome unknown: 送信中 stays for a person.
    expect(String(saburo![BOOKING.invitedAt])).toMatch(new RegExp(`^${SENDING_MARK} `));
    expect(String(saburo![BOOKING.checkResult])).toMatch(
      /^エラー: 招待メールを送れませんでした（.+）。送られたかどうか分かりません/m,
    );
    const report = dialogsSince(emu, before)[1]!;
    expect(report).toContain('送れなかった予約が2件');
    expect(report).toContain(String(hanako![BOOKING.id]));
    expect(report).toContain(String(saburo![BOOKING.id]));
    const failures = logRows(emu).filter((r) => r[LOG.action] === '招待メール送信失敗');
    expect(failures).toHaveLength(2);
    expect(JSON.stringify(failures.map((r) => r[LOG.detail]))).not.toMatch(/hanako|saburo|@/);

    // Not retried while nobody has touched the row: the same refusal would only repeat.
    emu.mail.clearFailures();
    emu.advance({ minutes: 5 });
    emu.ui.queueResponse('OK'); // nothing is ready: the menu only explains
    expect(emu.menu(CAPTION_SEND).error).toBeUndefined();
    expect(emu.ui.lastDialog()!.message).toContain('前回の送信がメールサービスに断られたまま');
    expect(addressesSent(emu)).toEqual(['ichiro@example.jp']);
    expect(String(bookings(emu)[1]![BOOKING.checkResult])).toMatch(
      /^エラー: 招待メールを送れませんでした/m,
    );

    // A person fixes the row: the next check clears 送信失敗 and only that row goes out; the
    // 送信中 one is never retried.
    emu.advance({ minutes: 5 });
    emu.edit(SHEET.bookings, `${columnOf(emu, BOOKING.email)}3`, [['hanako@example.jp']]);
    sendByMenu(emu);
    expect(addressesSent(emu)).toEqual(['hanako@example.jp', 'ichiro@example.jp']);
  });

  it('does not send a row a person edited between the check and the send', () => {
    const emu = office(workbookWith([READY[0]!]));
    const email = `${columnOf(emu, BOOKING.email)}2`;
    emu.hooks.after('MailApp.getRemainingDailyQuota', (ctx) => {
      ctx.emu.person.setValues(SHEET.bookings, email, [['other@example.jp']]);
    });
    const before = emu.ui.dialogs.length;
    sendByMenu(emu);
    expect(emu.mail.sent).toHaveLength(0);
    const [row] = bookings(emu);
    expect(row![BOOKING.invitedAt]).toBe('');
    expect(dialogsSince(emu, before)[1]).toContain('編集・移動されたため送らなかった');
    sendByMenu(emu);
    expect(addressesSent(emu)).toEqual(['other@example.jp']);
  });

  it('uses the same spreadsheet calls for 2 mails as for 3, and for 3 rows as for 60', () => {
    const confirmed = (n: number) =>
      Array.from({ length: n }, (_, i) =>
        bookingRow({
          status: STATUS.confirmed,
          invitedAt: '2026/11/30 10:00',
          date: '2026/12/10',
          note: `n${i}`,
        }),
      );
    const callsFor = (
      rows: ReturnType<typeof bookingRow>[],
      extra: ReturnType<typeof bookingRow>[],
    ) => {
      const emu = office(workbookWith([...extra, ...rows]));
      emu.ui.setDefault('accept');
      return { calls: emu.menu(CAPTION_SEND).spreadsheetCalls, sent: emu.mail.sent.length };
    };
    // Rows that are not ready cost nothing per row (60 vs 3 rows: the same calls).
    const few = callsFor(confirmed(3), [READY[0]!]);
    const many = callsFor(confirmed(60), [READY[0]!]);
    expect(few.sent).toBe(1);
    expect(many.sent).toBe(1);
    expect(many.calls).toBe(few.calls);
    // The mails of a run are marked together, flushed once, and their outcomes written together:
    // 2 mails or 3, the same calls. (One mail logs one 操作ログ line, which goes in with a single
    // appendRow; several lines take getLastRow, getMaxRows, getMaxColumns, getRange and one
    // setValues: 4 calls more.)
    const two = callsFor(confirmed(3), READY.slice(0, 2));
    const three = callsFor(confirmed(3), READY);
    expect(two.sent).toBe(2);
    expect(three.sent).toBe(3);
    expect(three.calls).toBe(two.calls);
    expect(three.calls).toBe(few.calls + 4);
  });
});

describe('the invitation mail', () => {
  function sentSample(): { emu: Emulator; mail: SentMail; id: string } {
    const emu = office(workbookWith([READY[0]!]));
    sendByMenu(emu);
    expect(emu.mail.sent).toHaveLength(1);
    return { emu, mail: emu.mail.sent[0]!, id: String(bookings(emu)[0]![BOOKING.id]) };
  }

  it('carries everything the seed tells a job seeker', () => {
    const { mail, id } = sentSample();
    const body = mail.body;
    for (const item of [
      '見本 一郎 様',
      '12月2日(水)',
      '10:00～10:30',
      '倉敷わかもの',
      'https://teleoffice.example.jp/meet/abc123',
      '①',
      '②',
      '③',
      '④',
      '⑤',
      '086-430-0705',
      '10分',
      'キャンセルとみなします',
      '録画・録音',
      '費用',
      '個室',
      TERMS,
      id,
    ]) {
      expect(body, item).toContain(item);
    }
    expect(body).toMatch(/キャンセル.*倉敷わかもの（電話 086-430-0705）までお電話/);
    expect(mail.subject).toBe(
      '【倉敷わかものハローワーク】オンライン職業相談のご案内（12月2日(水) 10:00～）',
    );
    expect(mail.name).toBe('倉敷わかものハローワーク');
    expect(mail.htmlBody).toContain('<a href="https://teleoffice.example.jp/meet/abc123">');
    console.log(`--- rendered invitation (${mail.subject}) ---\n${body}`);
  });

  it('attaches an .ics that a real iCalendar parser reads: Asia/Tokyo, 30 minutes, the URL', () => {
    const { mail, id } = sentSample();
    const calendar = icsOf(mail);
    const vevent = calendar.getFirstSubcomponent('vevent')!;
    const event = new ICAL.Event(vevent);
    expect(event.uid).toBe(`${id}@hellowork.example.jp`);
    expect(event.startDate.toString()).toBe('2026-12-02T10:00:00');
    expect(event.startDate.zone?.tzid).toBe('Asia/Tokyo');
    expect(event.duration.toSeconds()).toBe(30 * 60);
    expect(event.startDate.toJSDate().getTime()).toBe(Date.parse('2026-12-02T10:00:00+09:00'));
    expect(String(vevent.getFirstPropertyValue('url'))).toBe(
      'https://teleoffice.example.jp/meet/abc123',
    );
  });

  it('lets no CR/LF from staff-typed cells or 設定 into the subject or the headers', () => {
    const emu = office(
      workbookWith([bookingRow({ name: '見本 一郎\r\nBcc: evil@attacker.example\r\n' })]),
    );
    setSetting(emu, SETTING.mailSubject, '{氏名}様 オンライン職業相談（{相談日}）');
    setSetting(emu, SETTING.senderWakamono, '倉敷わかもの\r\nBcc: evil@attacker.example');
    sendByMenu(emu);
    expect(emu.mail.sent).toHaveLength(1);
    const mail = emu.mail.sent[0]!;
    expect(mail.to).toBe('ichiro@example.jp');
    expect(mail.bcc).toBeUndefined();
    expect(mail.cc).toBeUndefined();
    for (const header of [mail.subject, mail.name ?? '', mail.replyTo ?? '', mail.to]) {
      expect(header).not.toMatch(/[\r\n]/);
    }
    expect(mail.subject).toContain('見本 一郎 Bcc: evil@attacker.example');
    expect(mail.body).not.toMatch(/^Bcc:/m);
    for (const attachment of mail.attachments) expect(attachment.fileName).not.toMatch(/[\r\n]/);
  });
});

describe('automatic sending (10-minute trigger)', () => {
  it('waits 送信待ち時間 after the last edit, then sends once', () => {
    const emu = office(workbookWith([READY[0]!]));
    setSetting(emu, SETTING.autoSend, 'はい');
    emu.advance({ minutes: 5 });
    emu.fireTimeTrigger('onTenMinuteTick');
    expect(emu.mail.sent).toHaveLength(0);
    emu.advance({ minutes: 10 });
    emu.fireTimeTrigger('onTenMinuteTick');
    expect(emu.mail.sent).toHaveLength(1);
    emu.advance({ minutes: 10 });
    emu.fireTimeTrigger('onTenMinuteTick');
    expect(emu.mail.sent).toHaveLength(1);
    const log = logRows(emu).find((r) => r[LOG.action] === '招待メール送信');
    expect(String(log?.[LOG.detail])).toContain('自動送信');
  });

  it('sends nothing while 招待メール自動送信 is いいえ', () => {
    const emu = office(workbookWith([READY[0]!]));
    emu.advance({ hours: 2 });
    emu.fireTimeTrigger('onTenMinuteTick');
    expect(emu.mail.sent).toHaveLength(0);
  });
});

describe('招待メールをプレビュー', () => {
  it('shows the exact subject and body of the selected row, escaped, and sends nothing', () => {
    const emu = office(workbookWith([bookingRow({ name: '見本 <b>一郎</b>' })]));
    emu.select(SHEET.bookings, ['C2']);
    const run = emu.menu(CAPTION_PREVIEW);
    expect(run.error).toBeUndefined();
    expect(emu.mail.sent).toHaveLength(0);
    const shown = emu.ui.shown.at(-1)!;
    expect(shown.kind).toBe('modal');
    expect(shown.content).toContain('見本 &lt;b&gt;一郎&lt;/b&gt; 様');
    expect(shown.content).not.toContain('<b>一郎');
    expect(shown.content).toContain(
      '【倉敷わかものハローワーク】オンライン職業相談のご案内（12月2日(水) 10:00～）',
    );
    expect(shown.content).toContain('10:00～10:30');
    expect(bookings(emu)[0]![BOOKING.invitedAt]).toBe('');
  });

  it('shows the errors instead when the row has エラー', () => {
    const emu = office(workbookWith([bookingRow({ meetingUrl: 'http://insecure.example.jp/x' })]));
    emu.select(SHEET.bookings, ['A2']);
    const before = emu.ui.dialogs.length;
    emu.menu(CAPTION_PREVIEW);
    const [message] = dialogsSince(emu, before);
    expect(message).toContain('エラーがあるため、招待メールを送れません');
    expect(message).toMatch(/^エラー:.*会議URL/m);
    expect(emu.ui.shown.filter((s) => s.kind === 'modal')).toHaveLength(0);
    expect(emu.mail.sent).toHaveLength(0);
  });
});
