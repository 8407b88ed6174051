// Issue 13, what the interleavings sweep found after the first round of fixes: a person's act
// that lands in the one call between the script's re-read and its write. The window cannot be
// closed in Sheets, so the row must come out right or flagged, and the flag must outlive the next
// check. Every test that uses a hook asserts that it fired.
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
const CHECK_ALL = 'すべての予約をチェック';
const WRITES = ['Range.setValue', 'Range.setValues', 'RangeList.setValue'] as const;

function tick(emu: Emulator): void {
  emu.advance({ minutes: 30 });
  const run = emu.fireTimeTrigger('onTenMinuteTick');
  expect(run.error).toBeUndefined();
}

/** Runs `act` once, just before the first sheet write that follows the first mail. */
function beforeOutcomeWrite(emu: Emulator, act: (emu: Emulator) => void): () => number {
  let fired = 0;
  emu.hooks.after('MailApp.sendEmail', () => {
    for (const method of WRITES) {
      emu.hooks.before(method, (ctx) => {
        if (fired > 0) return;
        fired++;
        act(ctx.emu);
      });
    }
  });
  return () => fired;
}

describe('a booking whose cells were cleared is still the booking that was mailed', () => {
  it('予約ID, 状態 and 招待メール送信日時 cleared after the mail: the check gives its 予約ID back, no second mail', () => {
    const emu = office(workbookWith([bookingOf(0)]));
    emu.advance({ minutes: 1 });
    send(emu);
    expect(emu.mail.sent).toHaveLength(1);
    const id = String(bookings(emu)[0]![BOOKING.id]);
    for (const header of [BOOKING.id, BOOKING.status, BOOKING.invitedAt]) {
      emu.edit(SHEET.bookings, `${column(emu, header)}2`, [['']]);
    }
    emu.menu(CHECK_ALL);
    const [row] = bookings(emu);
    expect(row![BOOKING.id]).toBe(id); // not a new id: the ledger knows this invitation
    expect(String(row![BOOKING.checkResult])).toContain('エラー: 招待メールは送信済みです');
    setSetting(emu, SETTING.autoSend, 'はい');
    tick(emu);
    expect(emu.mail.sent).toHaveLength(1);
  });

  it('the same booking typed again under a new 予約ID while the first row is there: not mailed, flagged naming it', () => {
    const emu = office(workbookWith([bookingOf(0)]));
    emu.advance({ minutes: 1 });
    send(emu);
    const first = String(bookings(emu)[0]![BOOKING.id]);
    typeBookings(emu, [bookingOf(0)]);
    emu.menu(CHECK_ALL);
    const again = bookings(emu)[1]!;
    expect(again[BOOKING.id]).not.toBe(first);
    expect(String(again[BOOKING.checkResult])).toContain(
      `エラー: この行と同じ宛先・相談日・開始時刻・会議URLの招待メールを、予約ID ${first} として送信済みです`,
    );
    setSetting(emu, SETTING.autoSend, 'はい');
    tick(emu);
    emu.ui.queueResponse('OK');
    emu.menu(SEND);
    expect(emu.mail.sent).toHaveLength(1);
  });
});

describe('状態 typed in the one call before the outcome write', () => {
  it('is flagged on its row and in 操作ログ, and the flag stays until a person edits the row', () => {
    const emu = office(workbookWith([bookingOf(0)]));
    emu.advance({ minutes: 1 });
    const fired = beforeOutcomeWrite(emu, (e) =>
      e.edit(SHEET.bookings, `${column(e, BOOKING.status)}2`, [[STATUS.cancelled]]),
    );
    send(emu);
    expect(fired()).toBe(1);
    expect(emu.mail.sent).toHaveLength(1);
    const flagged = () => String(bookings(emu)[0]![BOOKING.checkResult]);
    // The mail went, so 確定 is written; what the person typed may be lost, and the row says so.
    expect(bookings(emu)[0]![BOOKING.status]).toBe(STATUS.confirmed);
    expect(flagged()).toMatch(
      /^エラー: 書き込みの確認（2026\/\d\d\/\d\d \d\d:\d\d）: 「状態」を「確定」に書き込む直前に、この行が編集されました/m,
    );
    expect(
      emu.records(SHEET.log).some((r) => r[LOG.action] === '書き込みの確認（同時の編集）'),
    ).toBe(true);
    // The check rewrites チェック結果 on every run: the flag is kept.
    emu.advance({ minutes: 5 });
    emu.menu(CHECK_ALL);
    expect(flagged()).toContain('書き込みの確認');
    // A person looks and types キャンセル again: the next check drops the flag.
    emu.advance({ minutes: 5 });
    emu.edit(SHEET.bookings, `${column(emu, BOOKING.status)}2`, [[STATUS.cancelled]]);
    emu.menu(CHECK_ALL);
    expect(flagged()).not.toContain('書き込みの確認');
    expect(bookings(emu)[0]![BOOKING.status]).toBe(STATUS.cancelled);
    expect(emu.mail.sent).toHaveLength(1);
  });

  it('an edit of another row in that call flags nothing', () => {
    const emu = office(workbookWith([bookingOf(0), bookingOf(1, { status: STATUS.cancelled })]));
    emu.advance({ minutes: 1 });
    const fired = beforeOutcomeWrite(emu, (e) =>
      e.edit(SHEET.bookings, `${column(e, BOOKING.note)}3`, [['電話あり']]),
    );
    send(emu);
    expect(fired()).toBe(1);
    expect(bookings(emu)[0]![BOOKING.status]).toBe(STATUS.confirmed);
    expect(String(bookings(emu)[0]![BOOKING.checkResult])).not.toContain('書き込みの確認');
  });
});
