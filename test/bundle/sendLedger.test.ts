// Issue 13 on the built bundle: writes that touch exactly the cells they change and are verified
// by 予約ID (finding 1), the invitation ledger (findings 4 and 8, pruning) and 招待メールを再送.
// A person's act lands at the exact spreadsheet call with the emulator's hooks; every test that
// uses a hook asserts that it fired.
import { describe, expect, it } from 'vitest';
import type { Emulator } from '../../emulator/index';
import { BOOKING, LOG, SETTING, SHEET, STATUS } from '../../src/core/schema';
import {
  bookingOf,
  bookings,
  column,
  office,
  send,
  setSetting,
  typeBookings,
  workbookWith,
} from './helpers';

const SEND = '招待メールを送信';
const RESEND = '招待メールを再送';
const CHECK_ALL = 'すべての予約をチェック';
const LEDGER = 'invitationLedger';

/** The send menu when nothing is ready: one OK dialog. */
function sendNothing(emu: Emulator): string {
  emu.ui.queueResponse('OK');
  const run = emu.menu(SEND);
  expect(run.error).toBeUndefined();
  return emu.ui.lastDialog()?.message ?? '';
}

function columnNumber(emu: Emulator, header: string): number {
  return column(emu, header).charCodeAt(0) - 64;
}

function byId(emu: Emulator, id: string): Record<string, unknown> {
  const row = bookings(emu).find((r) => r[BOOKING.id] === id);
  if (!row) throw new Error(`no row ${id}`);
  return row;
}

function rowOf(emu: Emulator, id: string): number {
  return bookings(emu).findIndex((r) => r[BOOKING.id] === id) + 2;
}

const logRows = (emu: Emulator) => emu.records(SHEET.log);
const ledgerIds = (emu: Emulator) =>
  Object.keys(
    (JSON.parse(emu.properties.document.get(LEDGER) ?? '{"e":{}}') as { e: object }).e,
  ).sort();

/** A (ready), X (キャンセル typed by staff), C (ready): the rows of finding 1. */
function findingOneWorkbook(): Emulator {
  return office(
    workbookWith([
      bookingOf(0),
      bookingOf(1, { status: STATUS.cancelled }),
      bookingOf(2, { start: '11:00' }),
    ]),
  );
}

describe('writes touch exactly the cells they change, then verify by 予約ID (finding 1)', () => {
  it('a sort between the outcome re-read and its write: no duplicate, X keeps キャンセル', () => {
    const emu = findingOneWorkbook();
    emu.menu(CHECK_ALL);
    const [a, x, c] = bookings(emu).map((r) => String(r[BOOKING.id]));
    let sorted = 0;
    // After the last mail, the next write is the outcome write: the sort lands just before it.
    emu.hooks.after(
      'MailApp.sendEmail',
      (ctx) =>
        ctx.emu.hooks.before('RangeList.setValue', (inner) => {
          // By 宛先: hanako (X), ichiro (A), saburo (C) — X moves onto A's row.
          inner.emu.person.sortRows(SHEET.bookings, {
            column: columnNumber(inner.emu, BOOKING.email),
            ascending: true,
          });
          sorted++;
        }),
      { nth: 2 },
    );
    send(emu);
    expect(sorted).toBe(1);
    expect(emu.mail.sent.map((m) => m.to).sort()).toEqual([
      'ichiro@example.jp',
      'saburo@example.jp',
    ]);
    expect(rowOf(emu, x!)).toBe(2); // the sort did move X onto A's old row
    expect(byId(emu, x!)[BOOKING.status]).toBe(STATUS.cancelled);
    expect(byId(emu, x!)[BOOKING.invitedAt]).toBe('');
    for (const id of [a!, c!]) {
      expect(byId(emu, id)[BOOKING.status]).toBe(STATUS.confirmed);
      expect(byId(emu, id)[BOOKING.invitedAt]).toBeInstanceOf(Date);
    }
    const repaired = logRows(emu).filter((r) => String(r[LOG.action]).includes('書き込みの確認'));
    expect(repaired.length).toBeGreaterThan(0);
    expect(repaired.every((r) => String(r[LOG.detail]).includes('正しい行に書き直しました'))).toBe(
      true,
    );
    // The next runs find nothing to send: A is not mailed again.
    expect(sendNothing(emu)).toContain('送信できる招待メールはありません');
    emu.advance({ minutes: 30 });
    setSetting(emu, SETTING.autoSend, 'はい');
    emu.fireTimeTrigger('onTenMinuteTick');
    expect(emu.mail.sent).toHaveLength(2);
    expect(byId(emu, x!)[BOOKING.status]).toBe(STATUS.cancelled);
  });

  it('a row inserted above in that window: the blank row is left blank, the rows put right', () => {
    const emu = findingOneWorkbook();
    emu.menu(CHECK_ALL);
    const [a, x, c] = bookings(emu).map((r) => String(r[BOOKING.id]));
    let inserted = 0;
    emu.hooks.after(
      'MailApp.sendEmail',
      (ctx) =>
        ctx.emu.hooks.before('RangeList.setValue', (inner) => {
          inner.emu.person.insertRows(SHEET.bookings, 2, 1);
          inserted++;
        }),
      { nth: 2 },
    );
    send(emu);
    expect(inserted).toBe(1);
    const rows = bookings(emu);
    expect(rows[0]![BOOKING.status]).toBe('');
    expect(rows[0]![BOOKING.invitedAt]).toBe('');
    expect(byId(emu, x!)[BOOKING.status]).toBe(STATUS.cancelled);
    expect(byId(emu, x!)[BOOKING.invitedAt]).toBe('');
    for (const id of [a!, c!]) {
      expect(byId(emu, id)[BOOKING.status]).toBe(STATUS.confirmed);
      expect(byId(emu, id)[BOOKING.invitedAt]).toBeInstanceOf(Date);
    }
    expect(sendNothing(emu)).toContain('送信できる招待メールはありません');
    expect(emu.mail.sent).toHaveLength(2);
  });

  it('a row from outside the re-read lands on a written row: flagged for a person and logged', () => {
    // D (row 5, キャンセル) is not in the block the outcome write re-read (rows 2–3).
    const emu = office(
      workbookWith([
        bookingOf(0),
        bookingOf(2, { start: '11:00' }),
        bookingOf(3, { status: STATUS.cancelled, email: 'aaa@example.jp' }),
      ]),
    );
    emu.menu(CHECK_ALL);
    const [a, , d] = bookings(emu).map((r) => String(r[BOOKING.id]));
    let sorted = 0;
    emu.hooks.after(
      'MailApp.sendEmail',
      (ctx) =>
        ctx.emu.hooks.before(/^(Range\.setValues|RangeList\.setValue)$/, (inner) => {
          // By 宛先: aaa (D), ichiro (A), saburo — D moves from row 4 onto A's row 2.
          inner.emu.person.sortRows(SHEET.bookings, {
            column: columnNumber(inner.emu, BOOKING.email),
            ascending: true,
          });
          sorted++;
        }),
      { nth: 2 },
    );
    send(emu);
    expect(sorted).toBe(1);
    expect(rowOf(emu, d!)).toBe(2);
    // D's earlier 状態 was never read by this write: it cannot be put back, so a person is told.
    const flagged = String(byId(emu, d!)[BOOKING.checkResult]);
    expect(flagged).toMatch(
      /^エラー: 書き込みの確認（[^）]+）: 書き込みの最中に行が移動したため、この行の「状態」に予約ID/m,
    );
    expect(flagged).toContain(a!);
    expect(flagged).toContain('「招待メール送信日時」');
    // A itself got its send time and 確定 on its new row.
    expect(byId(emu, a!)[BOOKING.status]).toBe(STATUS.confirmed);
    expect(byId(emu, a!)[BOOKING.invitedAt]).toBeInstanceOf(Date);
    const logged = logRows(emu).filter(
      (r) => r[LOG.bookingId] === a && /戻せません/.test(String(r[LOG.detail])),
    );
    expect(logged.length).toBe(2); // 状態 and 招待メール送信日時
    expect(JSON.stringify(logRows(emu).map((r) => r[LOG.detail]))).not.toContain('@');
    expect(emu.mail.sent).toHaveLength(2);
  });

  it('a send writes no unchanged cell: the rows between the sent ones are not touched', () => {
    const emu = findingOneWorkbook();
    emu.menu(CHECK_ALL);
    const writes: string[] = [];
    emu.hooks.after(
      'MailApp.sendEmail',
      (ctx) =>
        ctx.emu.hooks.before(
          /^(Range\.setValues?|RangeList\.setValue)$/,
          (inner) => writes.push(inner.method),
          { times: Infinity },
        ),
      { nth: 2 },
    );
    send(emu);
    expect(writes.length).toBeGreaterThan(0);
    // Rows 2 and 4 are not adjacent: single cells grouped by value (send time, 確定), never a
    // span over row 3; then the one 操作ログ append.
    expect(writes).toEqual(['RangeList.setValue', 'RangeList.setValue', 'Range.setValues']);
  });
});

describe('the invitation ledger', () => {
  it('finding 8: clearing 状態 and 招待メール送信日時 of a 確定 row sends no second invitation', () => {
    const emu = office(workbookWith([bookingOf(0)]));
    send(emu);
    expect(emu.mail.sent).toHaveLength(1);
    const id = String(bookings(emu)[0]![BOOKING.id]);
    expect(ledgerIds(emu)).toEqual([id]);
    emu.edit(SHEET.bookings, `${column(emu, BOOKING.status)}2`, [['']]);
    emu.edit(SHEET.bookings, `${column(emu, BOOKING.invitedAt)}2`, [['']]);
    expect(sendNothing(emu)).toContain('招待メールの送信記録がある');
    emu.advance({ minutes: 30 });
    setSetting(emu, SETTING.autoSend, 'はい');
    emu.fireTimeTrigger('onTenMinuteTick');
    expect(emu.mail.sent).toHaveLength(1);
    const result = String(bookings(emu)[0]![BOOKING.checkResult]);
    expect(result).toContain('エラー: 招待メールは送信済みです（操作ログ参照）');
    expect(result).toContain('「状態」を「確定」に');
  });

  it('a row overwritten and its booking pasted elsewhere with the same 予約ID is not mailed again', () => {
    const emu = office(workbookWith([bookingOf(0)]));
    send(emu);
    const [row] = emu.person.values(SHEET.bookings).slice(1, 2);
    const copy = [...row!];
    const headers = emu.person.values(SHEET.bookings)[0]!.map(String);
    copy[headers.indexOf(BOOKING.status)] = '';
    copy[headers.indexOf(BOOKING.invitedAt)] = '';
    copy[headers.indexOf(BOOKING.checkResult)] = '';
    emu.person.setValues(SHEET.bookings, 'A2', [copy.map(() => '')]);
    emu.person.setValues(SHEET.bookings, 'A5', [copy]);
    expect(sendNothing(emu)).toContain('招待メールの送信記録がある');
    expect(emu.mail.sent).toHaveLength(1);
  });

  it('keeps only bookings whose 相談日 has not passed', () => {
    const emu = office(workbookWith([bookingOf(0), bookingOf(1, { date: '2026/12/03' })]));
    send(emu);
    const [first, second] = bookings(emu).map((r) => String(r[BOOKING.id]));
    expect(ledgerIds(emu)).toEqual([first, second].sort());
    // Thursday 12/3: 12/2 has passed. A new booking's send saves the ledger without it.
    emu.setTime('2026-12-03T09:00:00+09:00');
    const typed = typeBookings(emu, [bookingOf(2, { date: '2026/12/04', start: '11:00' })]);
    send(emu);
    expect(emu.mail.sent).toHaveLength(3);
    const third = String(bookings(emu)[typed - 2]![BOOKING.id]);
    expect(ledgerIds(emu)).toEqual([second, third].sort());
  });

  it('finding 4: an address corrected while the batch is sending is flagged, not silently 確定', () => {
    // A valid but wrong address (a typo domain such as gmial.com is an エラー and never sent).
    const emu = office(workbookWith([bookingOf(0, { email: 'ichiro@example.org' }), bookingOf(1)]));
    let fixed = 0;
    emu.hooks.before('MailApp.sendEmail', (ctx) => {
      ctx.emu.person.setValues(SHEET.bookings, `${column(ctx.emu, BOOKING.email)}2`, [
        ['ichiro@example.jp'],
      ]);
      fixed++;
    });
    send(emu);
    expect(fixed).toBe(1);
    expect(emu.mail.sent.map((m) => m.to)).toContain('ichiro@example.org');
    const [row] = bookings(emu);
    // The mail did go (to the old address): 確定, with an エラー saying what to do.
    expect(row![BOOKING.status]).toBe(STATUS.confirmed);
    expect(row![BOOKING.invitedAt]).toBeInstanceOf(Date);
    expect(String(row![BOOKING.checkResult])).toMatch(
      /^エラー: 招待メールを送った後に「メールアドレス」が変わりました.*「招待メールを再送」/m,
    );
    expect(emu.ui.lastDialog()?.message).toContain('送信中に宛先や日時が変更された予約');
    expect(logRows(emu).some((r) => r[LOG.action] === '招待メール送信中の変更')).toBe(true);
    // The check keeps saying so (from the ledger) until 招待メールを再送.
    emu.menu(CHECK_ALL);
    expect(String(bookings(emu)[0]![BOOKING.checkResult])).toContain(
      '「メールアドレス」が変わりました',
    );
  });
});

describe('招待メールを再送 (menu)', () => {
  function sentBooking(): { emu: Emulator; id: string } {
    const emu = office(workbookWith([bookingOf(0)]));
    send(emu);
    return { emu, id: String(bookings(emu)[0]![BOOKING.id]) };
  }

  function resend(emu: Emulator, answers: ('YES' | 'NO' | 'OK')[]): string[] {
    const before = emu.ui.dialogs.length;
    for (const a of answers) emu.ui.queueResponse(a);
    const run = emu.menu(RESEND);
    expect(run.error).toBeUndefined();
    return emu.ui.dialogs.slice(before).map((d) => d.message);
  }

  it('is in the menu', () => {
    const { emu } = sentBooking();
    expect(emu.menuCaptions()).toContain(RESEND);
  });

  it('after a change of date: names it, sends 【日時変更】, logs ids and fields only, once', () => {
    const { emu, id } = sentBooking();
    emu.edit(SHEET.bookings, `${column(emu, BOOKING.date)}2`, [['2026/12/03']]);
    emu.menu(CHECK_ALL);
    expect(String(bookings(emu)[0]![BOOKING.checkResult])).toContain('「相談日」が変わりました');
    emu.select(SHEET.bookings, ['C2']);
    let lockDuringQuestion: Record<string, number> | undefined;
    emu.hooks.before('Ui.alert', (ctx) => {
      lockDuringQuestion = ctx.emu.locks.held();
    });
    const dialogs = resend(emu, ['YES', 'OK']);
    expect(lockDuringQuestion).toEqual({});
    expect(dialogs[0]).toContain(`予約ID ${id}（2行目）に招待メールを再送します`);
    expect(dialogs[0]).toContain('・相談日: 12月2日(水) → 12月3日(木)');
    expect(dialogs[0]).not.toContain('開始時刻:');
    expect(dialogs[1]).toContain('再送しました');
    expect(emu.mail.sent).toHaveLength(2);
    expect(emu.mail.sent[1]!.subject.startsWith('【日時変更】')).toBe(true);
    expect(emu.mail.sent[1]!.body).toContain('12月3日(木)');
    const line = logRows(emu).find((r) => r[LOG.action] === '招待メール再送');
    expect(line?.[LOG.bookingId]).toBe(id);
    expect(line?.[LOG.detail]).toBe('変更: 相談日');
    expect(JSON.stringify(logRows(emu))).not.toMatch(/ichiro|見本|33010-/);
    emu.menu(CHECK_ALL);
    expect(bookings(emu)[0]![BOOKING.checkResult]).toBe('OK');
    expect(bookings(emu)[0]![BOOKING.status]).toBe(STATUS.confirmed);
    // Once per change: nothing changed since this mail.
    const again = resend(emu, ['OK']);
    expect(again[0]).toMatch(/どれも変わっていないため、再送しません/);
    expect(emu.mail.sent).toHaveLength(2);
  });

  it('after an address correction: says so without the old address, mails the new one', () => {
    const { emu } = sentBooking();
    emu.edit(SHEET.bookings, `${column(emu, BOOKING.email)}2`, [['ichiro@example.com']]);
    emu.select(SHEET.bookings, ['A2']);
    const dialogs = resend(emu, ['YES', 'OK']);
    expect(dialogs[0]).toContain('・メールアドレス: 送信時と違うアドレスになっています');
    expect(dialogs[0]).toContain('…@example.jp 宛');
    expect(dialogs[0]).not.toContain('ichiro@example.jp');
    expect(emu.mail.sent.at(-1)!.to).toBe('ichiro@example.com');
    expect(emu.mail.sent.at(-1)!.subject.startsWith('【日時変更】')).toBe(false);
  });

  it('answering いいえ sends nothing and changes nothing', () => {
    const { emu } = sentBooking();
    emu.edit(SHEET.bookings, `${column(emu, BOOKING.start)}2`, [['14:00']]);
    emu.select(SHEET.bookings, ['A2']);
    const ledger = emu.properties.document.get(LEDGER);
    const dialogs = resend(emu, ['NO', 'OK']);
    expect(dialogs[0]).toContain('・開始時刻: 10:00 → 14:00');
    expect(dialogs[1]).toContain('取りやめました');
    expect(emu.mail.sent).toHaveLength(1);
    expect(emu.properties.document.get(LEDGER)).toBe(ledger);
  });

  it('refuses: another sheet, several rows, a 受付 row never sent, a row changed after the question', () => {
    const { emu } = sentBooking();
    emu.edit(SHEET.bookings, `${column(emu, BOOKING.start)}2`, [['14:00']]);
    emu.person.setActiveSheet(SHEET.settings);
    expect(resend(emu, ['OK'])[0]).toContain(
      '「予約」シートで、再送したい「確定」の予約を1行だけ選んで',
    );
    emu.select(SHEET.bookings, ['A2:A3']);
    expect(resend(emu, ['OK'])[0]).toContain('いま2行が選ばれています');
    typeBookings(emu, [bookingOf(1)]);
    emu.menu(CHECK_ALL);
    emu.select(SHEET.bookings, ['B3']);
    expect(resend(emu, ['OK'])[0]).toMatch(/再送できません。.*「状態」: 受付/);
    // Changed again while the question was open: nothing goes.
    emu.select(SHEET.bookings, ['B2']);
    let edited = 0;
    emu.hooks.after('Ui.alert', (ctx) => {
      ctx.emu.person.setValues(SHEET.bookings, `${column(ctx.emu, BOOKING.start)}2`, [['15:00']]);
      edited++;
    });
    const dialogs = resend(emu, ['YES', 'OK']);
    expect(edited).toBe(1);
    expect(dialogs[1]).toContain('確認のあとにこの予約の内容か送信記録が変わりました');
    expect(emu.mail.sent).toHaveLength(1);
  });

  it('a first mail of unknown fate (送信中 left by a crash) can be sent from here after a look', () => {
    const emu = office(workbookWith([bookingOf(0)]));
    emu.faults.failAtCall(1, { only: 'MailApp.sendEmail' });
    emu.ui.queueResponse('YES');
    expect(emu.menu(SEND).error?.message).toMatch(/Exceeded maximum execution time/);
    expect(emu.mail.sent).toHaveLength(0);
    emu.advance({ minutes: 20 });
    // The person looked in Gmail, found nothing and cleared the mark: still never sent by a run.
    emu.edit(SHEET.bookings, `${column(emu, BOOKING.invitedAt)}2`, [['']]);
    expect(sendNothing(emu)).toContain('招待メールの送信記録がある');
    expect(String(bookings(emu)[0]![BOOKING.checkResult])).toContain(
      '送られたかどうか分かりません',
    );
    emu.select(SHEET.bookings, ['A2']);
    const dialogs = resend(emu, ['YES', 'OK']);
    expect(dialogs[0]).toContain('送られていないことを確かめてから');
    expect(emu.mail.sent).toHaveLength(1);
    expect(bookings(emu)[0]![BOOKING.status]).toBe(STATUS.confirmed);
    expect(bookings(emu)[0]![BOOKING.invitedAt]).toBeInstanceOf(Date);
  });
});
