// 予約ID on the built bundle (issue 13, findings 5, 6 and 9): an id not of the script's form is an
// error and never reaches 操作ログ; a copied row's id is an error on both rows; ids are never
// issued twice, even after the counter property is lost and the old rows sit in 予約_保管.
import { describe, expect, it } from 'vitest';
import type { Emulator } from '../../emulator/index';
import { BOOKING, SETTING, SHEET, STATUS } from '../../src/core/schema';
import {
  bookingOf,
  bookings,
  setSetting,
  typeArchivedBookings,
  typeBookings,
  workbookWith,
} from './helpers';

const LAST_ID = 'lastBookingNumber';

function column(emu: Emulator, header: string): string {
  return String.fromCharCode(65 + emu.sheetValues(SHEET.bookings)[0]!.indexOf(header));
}

function check(emu: Emulator): void {
  expect(emu.menu('すべての予約をチェック').error).toBeUndefined();
}

function logText(emu: Emulator): string {
  return JSON.stringify(emu.sheetValues(SHEET.log));
}

describe('a copied row (the same 予約ID on two rows)', () => {
  it('is an エラー on both rows, naming the other row, and neither is sent', () => {
    const emu = workbookWith([bookingOf(0), bookingOf(1, { start: '11:00' })]);
    check(emu);
    const [first] = bookings(emu);
    // A person copies row 2 over row 3 (a new booking made from an old one): same 予約ID.
    const id = column(emu, BOOKING.id);
    emu.person.setValues(SHEET.bookings, `${id}3`, [[first![BOOKING.id] as string]]);
    check(emu);
    const [a, b] = bookings(emu);
    expect(a![BOOKING.checkResult]).toMatch(/エラー: 「予約ID」が 3行目 と同じです/);
    expect(b![BOOKING.checkResult]).toMatch(/エラー: 「予約ID」が 2行目 と同じです/);
    expect(String(b![BOOKING.checkResult])).toContain('コピーして作った行の「予約ID」を空にして');

    expect(emu.menu('招待メールを送信').error).toBeUndefined();
    expect(emu.mail.sent).toEqual([]);
    expect(emu.ui.lastDialog()!.buttons).toEqual(['OK']); // nothing to send: no confirmation

    // Clearing the copy's id: the next check gives it a new one, both are clean again.
    emu.person.setValues(SHEET.bookings, `${id}3`, [['']]);
    check(emu);
    const [c, d] = bookings(emu);
    expect(d![BOOKING.id]).not.toBe(c![BOOKING.id]);
    expect(String(c![BOOKING.checkResult])).not.toContain('予約ID');
    expect(String(d![BOOKING.checkResult])).not.toContain('予約ID');
  });
});

describe('an id not of the script’s form', () => {
  it('is an エラー that says to clear the cell, and the text typed there is never logged', () => {
    const emu = workbookWith([bookingOf(0, { id: '33010-00000001' })], {
      now: '2026-11-27T09:00:00+09:00',
    });
    setSetting(emu, SETTING.alertTo, 'staff@example.jp');
    check(emu);
    const [row] = bookings(emu);
    expect(row![BOOKING.id]).toBe('33010-00000001');
    expect(row![BOOKING.checkResult]).toMatch(/^エラー: 「予約ID」がこのスクリプトの付ける形/m);
    expect(String(row![BOOKING.checkResult])).not.toContain('33010-00000001');
    // Overdue by now: the tick alerts staff and logs the alert, with a placeholder for the id.
    emu.setTime('2026-12-01T15:10:00+09:00');
    expect(emu.fireTimeTrigger('onTenMinuteTick').error).toBeUndefined();
    const alertLines = emu.records(SHEET.log).filter((r) => r['操作'] === '送信漏れなどの通知');
    expect(alertLines.length).toBeGreaterThan(0);
    for (const line of alertLines) expect(line['予約ID']).toBe('（形式外の予約ID）');
    expect(logText(emu)).not.toContain('33010-00000001');
    expect(emu.logText()).not.toContain('33010-00000001');
  });
});

describe('ids are never reused', () => {
  it('after 予約_保管 holds old rows and the counter property is lost', () => {
    const emu = workbookWith([]);
    typeArchivedBookings(emu, [
      bookingOf(0, { id: 'Y000041', date: '2026/03/02', status: STATUS.held }),
      bookingOf(1, { id: 'Y000007', date: '2026/03/03', status: STATUS.held }),
    ]);
    emu.properties.document.delete(LAST_ID);
    typeBookings(emu, [bookingOf(2)]);
    check(emu);
    expect(bookings(emu)[0]![BOOKING.id]).toBe('Y000042');
    expect(emu.properties.document.get(LAST_ID)).toBe('000042');
  });

  it('the archive keeps the counter above every archived id', () => {
    const emu = workbookWith([
      bookingOf(0, { id: 'Y000090', date: '2026/03/02', status: STATUS.held }),
    ]);
    check(emu);
    emu.properties.document.set(LAST_ID, '3');
    emu.ui.queueResponse('YES');
    expect(emu.menu('過去の予約を保管').error).toBeUndefined();
    expect(emu.records(SHEET.archive).map((r) => r[BOOKING.id])).toEqual(['Y000090']);
    expect(emu.properties.document.get(LAST_ID)).toBe('000090');
  });
});
