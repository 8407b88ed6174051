// 第6条(4) on the built bundle: a booking taken during a consultation (受付方法 オンライン相談中)
// that staff set 確定 at once is "確定, invitation pending": sent like a 受付 row (once, after the
// quiet minutes, protected by the ledger), still 確定 after the send, and watched like a 受付 row
// when its invitation is late. A 確定 row of another channel with a blank send time is not sent.
import { describe, expect, it } from 'vitest';
import type { Emulator } from '../../emulator/index';
import { BOOKING, SETTING, SHEET, STATUS, TRIGGER_HANDLERS } from '../../src/core/schema';
import {
  bookingOf,
  bookings,
  column,
  newEmulator,
  office,
  send,
  setSetting,
  typeBookings,
  typeRoster,
  workbookWith,
} from './helpers';

const TICK = TRIGGER_HANDLERS.everyTenMinutes;
const STAFF = 'staff@example.jp';
const PENDING_NOTE =
  /^注意: 「受付方法」が「オンライン相談中」の、相談中に確定した予約です。招待メール（会議URL）はまだ送っていません。/m;
const LEDGER = 'invitationLedger';

const pendingRow = (n = 0, extra = {}) =>
  bookingOf(n, { channel: 'オンライン相談中', status: STATUS.confirmed, ...extra });

const ledgerIds = (emu: Emulator) =>
  Object.keys((JSON.parse(emu.properties.document.get(LEDGER) ?? '{"e":{}}') as { e: object }).e);

function tick(emu: Emulator, at?: string): void {
  if (at !== undefined) emu.setTime(at);
  expect(emu.fireTimeTrigger(TICK).error).toBeUndefined();
}

function sendNothing(emu: Emulator): string {
  emu.ui.queueResponse('OK');
  expect(emu.menu('招待メールを送信').error).toBeUndefined();
  return emu.ui.lastDialog()?.message ?? '';
}

describe('確定 during a consultation, invitation pending (第6条(4))', () => {
  it('the check says so; sent once from the menu; 確定 stays; never sent again', () => {
    const emu = office(workbookWith([pendingRow()]));
    emu.menu('すべての予約をチェック');
    const result = String(bookings(emu)[0]![BOOKING.checkResult]);
    expect(result.split('\n')[0]).toBe('注意1件');
    expect(result).toMatch(PENDING_NOTE);
    const id = String(bookings(emu)[0]![BOOKING.id]);
    send(emu);
    // The question named the row among those to send.
    const question = emu.ui.dialogs.find(
      (d) => d.buttons.includes('YES') && d.message.includes(id),
    );
    expect(question?.message).toContain(`・${id}（2行目）`);
    expect(emu.mail.sent.map((m) => m.to)).toEqual(['ichiro@example.jp']);
    const [row] = bookings(emu);
    expect(row![BOOKING.status]).toBe(STATUS.confirmed);
    expect(row![BOOKING.invitedAt]).toBeInstanceOf(Date);
    expect(ledgerIds(emu)).toEqual([id]);
    emu.menu('すべての予約をチェック');
    expect(bookings(emu)[0]![BOOKING.checkResult]).toBe('OK');
    expect(sendNothing(emu)).toContain('状態が「受付」以外');
    setSetting(emu, SETTING.autoSend, 'はい');
    emu.advance({ minutes: 30 });
    tick(emu);
    expect(emu.mail.sent).toHaveLength(1);
  });

  it('the tick sends it after the quiet minutes, like a 受付 row, once', () => {
    const emu = office(workbookWith([pendingRow()]));
    setSetting(emu, SETTING.autoSend, 'はい');
    tick(emu);
    expect(emu.mail.sent).toHaveLength(0); // just typed: 送信待ち時間
    for (let i = 0; i < 4; i++) {
      emu.advance({ minutes: 10 });
      tick(emu);
    }
    expect(emu.mail.sent).toHaveLength(1);
    expect(bookings(emu)[0]![BOOKING.status]).toBe(STATUS.confirmed);
    expect(bookings(emu)[0]![BOOKING.invitedAt]).toBeInstanceOf(Date);
  });

  it('its send time cleared after the send: the ledger stops a second invitation', () => {
    const emu = office(workbookWith([pendingRow()]));
    send(emu);
    emu.edit(SHEET.bookings, `${column(emu, BOOKING.invitedAt)}2`, [['']]);
    expect(sendNothing(emu)).toContain('招待メールの送信記録がある');
    const result = String(bookings(emu)[0]![BOOKING.checkResult]);
    expect(result).toContain('エラー: 招待メールは送信済みです');
    expect(result).not.toMatch(PENDING_NOTE);
    expect(emu.mail.sent).toHaveLength(1);
  });

  it('a 電話 row set 確定 by hand with a blank send time is not sent and not flagged', () => {
    const emu = office(workbookWith([bookingOf(0, { status: STATUS.confirmed })]));
    expect(sendNothing(emu)).toContain('状態が「受付」以外（確定済み・キャンセルなど）: 1件');
    expect(emu.mail.sent).toHaveLength(0);
    expect(String(bookings(emu)[0]![BOOKING.checkResult])).not.toMatch(PENDING_NOTE);
  });
});

describe('the watchdog treats a pending 確定 row like a 受付 row', () => {
  function watched(): Emulator {
    const emu = newEmulator({ now: '2026-11-30T09:00:00+09:00' });
    emu.open();
    emu.menu('初期設定');
    typeRoster(emu);
    setSetting(emu, SETTING.alertTo, STAFF);
    // Taken Monday during a consultation for Wednesday 12/2; a 電話 確定 row beside it.
    typeBookings(emu, [pendingRow(0), bookingOf(2, { status: STATUS.confirmed, start: '11:00' })]);
    return emu;
  }
  const alerts = (emu: Emulator) => emu.mail.sent.filter((m) => m.to === STAFF);

  it('past 前日確定期限 the missing URL is flagged and alerted once; the 電話 row is not', () => {
    const emu = watched();
    tick(emu, '2026-12-01T14:50:00+09:00');
    tick(emu, '2026-12-01T15:00:00+09:00');
    const [pending, phoned] = bookings(emu);
    const result = String(pending![BOOKING.checkResult]);
    expect(result).toContain('予約は相談中に確定していますが、会議URLがまだご本人に届いていません');
    expect(String(phoned![BOOKING.checkResult])).not.toContain('招待メール送信日時」が空です');
    const mailed = alerts(emu);
    expect(mailed.length).toBeGreaterThan(0);
    expect(mailed.at(-1)!.body).toContain('確定期限');
    expect(mailed.every((m) => !m.body.includes(String(phoned![BOOKING.id])))).toBe(true);
    expect(mailed.some((m) => m.body.includes(String(pending![BOOKING.id])))).toBe(true);
    const count = mailed.length;
    tick(emu, '2026-12-01T15:10:00+09:00');
    tick(emu, '2026-12-01T16:20:00+09:00');
    expect(alerts(emu)).toHaveLength(count);
    // 自動送信 is いいえ: nothing went to the job seeker.
    expect(emu.mail.sent.filter((m) => m.to !== STAFF)).toEqual([]);
  });

  it('never made 無断キャンセル while its invitation never went; once sent, judged as usual', () => {
    // 自動送信 いいえ and nobody sent it: at 10:15 on the day the person had no URL to join with.
    const unsent = office(workbookWith([pendingRow()]));
    tick(unsent, '2026-12-02T10:15:00+09:00');
    expect(bookings(unsent)[0]![BOOKING.status]).toBe(STATUS.confirmed);
    expect(unsent.mail.sent.filter((m) => m.to !== STAFF)).toEqual([]);
    // The same booking with its invitation sent: 無断キャンセル 10 minutes after the start.
    const sent = office(workbookWith([pendingRow()]));
    send(sent);
    expect(sent.mail.sent).toHaveLength(1);
    tick(sent, '2026-12-02T10:15:00+09:00');
    expect(bookings(sent)[0]![BOOKING.status]).toBe(STATUS.noShow);
  });
});
