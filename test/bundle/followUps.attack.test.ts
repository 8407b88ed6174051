// Attacks on the 前日リマインダー and キャンセル通知 (issue 15), on dist/Code.js in the emulator:
// the edges the main suite (followUps.test.ts) does not walk.
import { describe, expect, it } from 'vitest';
import type { Emulator, SentMail } from '../../emulator/index';
import { FOLLOW_UP_LOG_ACTION } from '../../src/core/followUpWords';
import { dataCallsOf } from '../../bench/measure';
import { typeRows } from '../../runner/staff';
import {
  BOOKING,
  CLOSED_DAY,
  LOG,
  SETTING,
  SHEET,
  STATUS,
  TRIGGER_HANDLERS,
} from '../../src/core/schema';
import {
  bookingRow,
  bookings,
  column,
  office,
  setSetting,
  typeBookings,
  workbookWith,
} from './helpers';

const TICK = TRIGGER_HANDLERS.everyTenMinutes;
const MONDAY = '2026/12/07';

type Row = ReturnType<typeof bookingRow>;

function world(rows: Row[], now = '2026-12-01T09:00:00+09:00') {
  const emu = office(workbookWith([], { now }));
  setSetting(emu, SETTING.autoSend, 'はい');
  setSetting(emu, SETTING.reminder, 'はい');
  setSetting(emu, SETTING.cancelNotice, 'はい');
  if (rows.length > 0) typeBookings(emu, rows);
  return emu;
}

function tick(emu: Emulator, at: string): void {
  emu.setTime(at);
  const result = emu.fireTimeTrigger(TICK);
  expect(result.error, `tick at ${at}`).toBeUndefined();
}

const isReminder = (m: SentMail) => m.subject.includes('ご予約が近づきました');
const isNotice = (m: SentMail) => m.subject.includes('キャンセルを承りました');
const isInvitation = (m: SentMail) => m.subject.includes('オンライン職業相談のご案内');
const reminders = (emu: Emulator) => emu.mail.sent.filter(isReminder);
const notices = (emu: Emulator) => emu.mail.sent.filter(isNotice);
const invitations = (emu: Emulator) => emu.mail.sent.filter(isInvitation);
const logOf = (emu: Emulator, action: string) =>
  emu.records(SHEET.log).filter((r) => r[LOG.action] === action);

function edit(emu: Emulator, header: string, value: string, at: string, row = 2): void {
  emu.setTime(at);
  emu.edit(SHEET.bookings, `${column(emu, header)}${row}`, [[value]]);
}

function invitedFor(day: string, overrides: Row = {}): Emulator {
  const emu = world([bookingRow({ date: day, ...overrides })]);
  tick(emu, '2026-12-01T09:30:00+09:00');
  expect(invitations(emu)).toHaveLength(1);
  return emu;
}

describe('キャンセル通知 attacks', () => {
  it('a cancellation recorded after the consultation is over sends no notice', () => {
    const emu = invitedFor('2026/12/02');
    // Staff record on the afternoon of the day that the 10:00 booking was called off.
    edit(emu, BOOKING.status, STATUS.cancelled, '2026-12-02T09:20:00+09:00');
    tick(emu, '2026-12-02T09:40:00+09:00');
    expect(notices(emu)).toHaveLength(1); // before the consultation: told
    // Called a few minutes after 10:00, before it could be a 無断キャンセル (判定 10分): told.
    const justAfter = invitedFor('2026/12/02');
    edit(justAfter, BOOKING.status, STATUS.cancelled, '2026-12-02T10:05:00+09:00');
    tick(justAfter, '2026-12-02T10:20:00+09:00');
    expect(notices(justAfter)).toHaveLength(1);
    const late = invitedFor('2026/12/02');
    edit(late, BOOKING.status, STATUS.cancelled, '2026-12-02T15:00:00+09:00');
    tick(late, '2026-12-02T15:30:00+09:00');
    expect(notices(late)).toEqual([]);
  });

  it('a 無断キャンセル later set to キャンセル by staff sends no notice', () => {
    const emu = invitedFor('2026/12/02');
    tick(emu, '2026-12-02T10:20:00+09:00');
    expect(bookings(emu)[0]![BOOKING.status]).toBe(STATUS.noShow);
    edit(emu, BOOKING.status, STATUS.cancelled, '2026-12-02T11:00:00+09:00');
    tick(emu, '2026-12-02T11:30:00+09:00');
    expect(notices(emu)).toEqual([]);
  });

  it('address changed after the invitation, then cancelled: no notice to an address never invited', () => {
    const emu = invitedFor(MONDAY);
    edit(emu, BOOKING.email, 'someone.else@example.jp', '2026-12-02T10:00:00+09:00');
    edit(emu, BOOKING.status, STATUS.cancelled, '2026-12-02T10:01:00+09:00');
    tick(emu, '2026-12-02T10:30:00+09:00');
    tick(emu, '2026-12-02T10:40:00+09:00');
    expect(notices(emu)).toEqual([]);
    expect(emu.mail.sent.map((m) => m.to)).not.toContain('someone.else@example.jp');
  });

  it('キャンセル通知 turned on later: no backlog for cancellations recorded more than 24 hours ago', () => {
    const emu = invitedFor(MONDAY);
    setSetting(emu, SETTING.cancelNotice, 'いいえ');
    edit(emu, BOOKING.status, STATUS.cancelled, '2026-12-02T10:00:00+09:00');
    tick(emu, '2026-12-02T10:30:00+09:00');
    expect(notices(emu)).toEqual([]);
    // Turned on two days later: the old cancellation is not mailed now.
    setSetting(emu, SETTING.cancelNotice, 'はい');
    tick(emu, '2026-12-04T10:00:00+09:00');
    tick(emu, '2026-12-04T10:10:00+09:00');
    expect(notices(emu)).toEqual([]);
    // A cancellation recorded after that is told as usual.
    const fresh = invitedFor(MONDAY);
    edit(fresh, BOOKING.status, STATUS.cancelled, '2026-12-04T10:00:00+09:00');
    tick(fresh, '2026-12-04T10:20:00+09:00');
    expect(notices(fresh)).toHaveLength(1);
  });

  it('moved to another day after the invitation, then cancelled: no notice naming a day never mailed', () => {
    const emu = invitedFor(MONDAY);
    edit(emu, BOOKING.date, '2026/12/08', '2026-12-02T10:00:00+09:00');
    edit(emu, BOOKING.status, STATUS.cancelled, '2026-12-02T10:01:00+09:00');
    tick(emu, '2026-12-02T10:30:00+09:00');
    expect(notices(emu)).toEqual([]);
    // The same edit put back before the cancellation: the notice goes, naming Monday.
    const back = invitedFor(MONDAY);
    edit(back, BOOKING.date, '2026/12/08', '2026-12-02T10:00:00+09:00');
    edit(back, BOOKING.date, MONDAY, '2026-12-02T10:01:00+09:00');
    edit(back, BOOKING.status, STATUS.cancelled, '2026-12-02T10:02:00+09:00');
    tick(back, '2026-12-02T10:30:00+09:00');
    expect(notices(back)).toHaveLength(1);
    expect(notices(back)[0]!.body).toContain('・相談日：12月7日(月)');
  });

  it('cancelled, quiet, then set back to 確定 before a tick: nothing; cancelled again: one notice only', () => {
    const emu = invitedFor(MONDAY);
    edit(emu, BOOKING.status, STATUS.cancelled, '2026-12-02T10:00:00+09:00');
    tick(emu, '2026-12-02T10:05:00+09:00');
    edit(emu, BOOKING.status, STATUS.confirmed, '2026-12-02T10:08:00+09:00');
    tick(emu, '2026-12-02T10:30:00+09:00');
    expect(notices(emu)).toEqual([]);
    edit(emu, BOOKING.status, STATUS.cancelled, '2026-12-02T11:00:00+09:00');
    tick(emu, '2026-12-02T11:30:00+09:00');
    edit(emu, BOOKING.status, STATUS.confirmed, '2026-12-02T12:00:00+09:00');
    edit(emu, BOOKING.status, STATUS.cancelled, '2026-12-02T12:01:00+09:00');
    tick(emu, '2026-12-02T12:30:00+09:00');
    expect(notices(emu)).toHaveLength(1);
  });
  it('a booking cancelled after its 相談日 passed: no notice', () => {
    const emu = invitedFor('2026/12/02');
    tick(emu, '2026-12-02T10:05:00+09:00');
    edit(emu, BOOKING.status, STATUS.cancelled, '2026-12-03T09:00:00+09:00');
    tick(emu, '2026-12-03T09:30:00+09:00');
    expect(notices(emu)).toEqual([]);
  });
});

describe('前日リマインダー attacks', () => {
  it('a 氏名 with <script> is escaped in the HTML part of reminder and notice', () => {
    const emu = invitedFor(MONDAY, { name: '見本 <script>alert(1)</script>' });
    tick(emu, '2026-12-04T12:00:00+09:00');
    const [reminder] = reminders(emu);
    expect(reminder).toBeDefined();
    expect(reminder!.htmlBody).not.toContain('<script>');
    edit(emu, BOOKING.status, STATUS.cancelled, '2026-12-04T13:00:00+09:00');
    tick(emu, '2026-12-04T13:30:00+09:00');
    const [notice] = notices(emu);
    expect(notice).toBeDefined();
    expect(notice!.htmlBody).not.toContain('<script>');
    // Neither 操作ログ nor the developer log names the person or the address.
    const lines = emu
      .records(SHEET.log)
      .filter((r) => String(r[LOG.action]).match(/リマインダー|キャンセル通知/));
    expect(lines).toHaveLength(2);
    expect(JSON.stringify(emu.records(SHEET.log))).not.toMatch(/ichiro|見本|script|33010-/);
    expect(emu.logText()).not.toMatch(/ichiro|見本|script/);
  });

  it('予約ID cleared after the reminder: the row gets its id back, no second reminder', () => {
    const emu = invitedFor(MONDAY);
    const id = String(bookings(emu)[0]![BOOKING.id]);
    tick(emu, '2026-12-04T12:00:00+09:00');
    expect(reminders(emu)).toHaveLength(1);
    edit(emu, BOOKING.id, '', '2026-12-04T12:05:00+09:00');
    tick(emu, '2026-12-04T12:20:00+09:00');
    tick(emu, '2026-12-04T12:30:00+09:00');
    expect(String(bookings(emu)[0]![BOOKING.id])).toBe(id);
    expect(reminders(emu)).toHaveLength(1);
  });

  it('quota 0: nothing sent, nothing recorded, sent when quota is back', () => {
    const emu = invitedFor(MONDAY);
    emu.mail.setQuota(0);
    tick(emu, '2026-12-04T12:00:00+09:00');
    expect(reminders(emu)).toEqual([]);
    expect(logOf(emu, FOLLOW_UP_LOG_ACTION.reminderFailed)).toEqual([]);
    emu.mail.setQuota(10);
    tick(emu, '2026-12-04T12:10:00+09:00');
    expect(reminders(emu)).toHaveLength(1);
  });

  it('quota 1: an invitation typed a minute ago (not yet left alone) keeps the quota from the reminder', () => {
    const emu = invitedFor(MONDAY);
    emu.setTime('2026-12-04T11:59:00+09:00');
    typeBookings(emu, [
      bookingRow({ date: '2026/12/08', name: '試験 花子', email: 'hanako@example.jp' }),
    ]);
    emu.mail.setQuota(1);
    tick(emu, '2026-12-04T12:00:00+09:00');
    tick(emu, '2026-12-04T12:10:00+09:00');
    expect(reminders(emu)).toEqual([]);
    expect(invitations(emu).map((m) => m.to)).toEqual(['ichiro@example.jp', 'hanako@example.jp']);
  });

  it('リマインダー送信時刻 malformed: falls back to 12:00, never before', () => {
    const emu = invitedFor(MONDAY);
    setSetting(emu, SETTING.reminderAt, '12時半ごろ');
    tick(emu, '2026-12-04T09:00:00+09:00');
    tick(emu, '2026-12-04T11:50:00+09:00');
    expect(reminders(emu)).toEqual([]);
    tick(emu, '2026-12-04T12:00:00+09:00');
    expect(reminders(emu)).toHaveLength(1);
  });

  it('a 休業日 of that 窓口 only: the reminder goes the business day before it', () => {
    const emu = invitedFor('2026/12/08');
    // 12/7 (Mon) closed at 倉敷わかもの only.
    emu.setTime('2026-12-01T10:00:00+09:00');
    typeRowsClosed(emu, '2026/12/07', '倉敷わかもの');
    tick(emu, '2026-12-07T12:00:00+09:00');
    expect(reminders(emu)).toEqual([]);
    const other = invitedFor('2026/12/08');
    typeRowsClosed(other, '2026/12/07', '倉敷わかもの');
    tick(other, '2026-12-04T12:00:00+09:00');
    expect(reminders(other)).toHaveLength(1);
  });
});

function typeRowsClosed(emu: Emulator, day: string, officeName: string): void {
  typeRows(emu, SHEET.closedDays, CLOSED_DAY, [{ date: day, office: officeName, reason: '研修' }]);
}

describe('never on a closed consultation day', () => {
  it('a 休業日 added later on the consultation day itself: the booking is flagged, no reminder', () => {
    const emu = invitedFor(MONDAY);
    emu.setTime('2026-12-03T10:00:00+09:00');
    typeRowsClosed(emu, MONDAY, '倉敷わかもの');
    tick(emu, '2026-12-04T12:00:00+09:00');
    expect(String(bookings(emu)[0]![BOOKING.checkResult])).toContain('エラー');
    expect(reminders(emu)).toEqual([]);
  });
});

describe('once, whatever the ledger and the rows look like', () => {
  it('the ledger over several property chunks: the reminder is recorded once, the other entries kept', () => {
    const emu = world([bookingRow({ date: MONDAY })]);
    // 400 other bookings already mailed (for days to come): well over one 8,000-character part.
    const e: Record<string, unknown[]> = {};
    for (let i = 0; i < 400; i++) {
      e[`X${String(i).padStart(6, '0')}`] = [
        'sent',
        '2026-12-20',
        600,
        'h'.repeat(14),
        'a'.repeat(14),
        'example.jp',
        1,
      ];
    }
    const text = JSON.stringify({ v: 1, e });
    expect(text.length).toBeGreaterThan(16_000);
    for (let i = 0; i * 8000 < text.length; i++) {
      emu.properties.document.set(
        i === 0 ? 'invitationLedger' : `invitationLedger.${i}`,
        text.slice(i * 8000, (i + 1) * 8000),
      );
    }
    tick(emu, '2026-12-01T09:30:00+09:00');
    expect(invitations(emu)).toHaveLength(1);
    tick(emu, '2026-12-04T12:00:00+09:00');
    tick(emu, '2026-12-04T12:10:00+09:00');
    tick(emu, '2026-12-04T14:00:00+09:00');
    expect(reminders(emu)).toHaveLength(1);
    const all = emu.properties.document.getAll();
    const keys = Object.keys(all).filter(
      (k) => k === 'invitationLedger' || k.startsWith('invitationLedger.'),
    );
    expect(keys.length).toBeGreaterThan(1);
    const joined = keys
      .sort((a, b) => Number(a.split('.')[1] ?? 0) - Number(b.split('.')[1] ?? 0))
      .map((k) => String(all[k]))
      .join('');
    const stored = (JSON.parse(joined) as { e: Record<string, unknown[]> }).e;
    expect(Object.keys(stored)).toHaveLength(401);
    const id = String(bookings(emu)[0]![BOOKING.id]);
    expect(stored[id]?.[7]).toBe('sent');
  });

  it('the run dies at the reminder mail, after the ledger said sending: never sent by a later tick', () => {
    const emu = invitedFor(MONDAY);
    const id = String(bookings(emu)[0]![BOOKING.id]);
    emu.faults.failAtCall(1, { only: 'MailApp.sendEmail' });
    emu.setTime('2026-12-04T12:00:00+09:00');
    expect(emu.fireTimeTrigger(TICK).error?.message).toContain('Exceeded maximum execution time');
    const stored = JSON.parse(String(emu.properties.document.get('invitationLedger'))) as {
      e: Record<string, unknown[]>;
    };
    expect(stored.e[id]?.[7]).toBe('sending');
    tick(emu, '2026-12-04T12:10:00+09:00');
    tick(emu, '2026-12-04T15:00:00+09:00');
    expect(reminders(emu)).toEqual([]);
    edit(emu, BOOKING.status, STATUS.cancelled, '2026-12-04T15:10:00+09:00');
    emu.faults.failAtCall(1, { only: 'MailApp.sendEmail' });
    emu.setTime('2026-12-04T15:30:00+09:00');
    expect(emu.fireTimeTrigger(TICK).error).toBeDefined();
    tick(emu, '2026-12-04T15:40:00+09:00');
    tick(emu, '2026-12-04T16:00:00+09:00');
    expect(notices(emu)).toEqual([]);
    expect(emu.mail.sent.filter((m) => !isInvitation(m))).toEqual([]);
  });

  it('rows sorted by a person between the check and the reminders: each reminder goes to its own booking', () => {
    const emu = world([
      bookingRow({ date: MONDAY }),
      bookingRow({ date: MONDAY, start: '11:00', name: '試験 花子', email: 'hanako@example.jp' }),
    ]);
    tick(emu, '2026-12-01T09:30:00+09:00');
    expect(invitations(emu)).toHaveLength(2);
    let fired = 0;
    emu.hooks.before('MailApp.getRemainingDailyQuota', (ctx) => {
      if (fired++ > 0) return;
      const values = ctx.emu.person.values(SHEET.bookings);
      ctx.emu.edit(SHEET.bookings, 'A2', [values[2]!, values[1]!]);
    });
    tick(emu, '2026-12-04T12:00:00+09:00');
    expect(fired).toBeGreaterThan(0);
    const sent = reminders(emu).map((m) => [m.to, m.body.includes('・時間：11:00～')]);
    expect(sent.sort()).toEqual([
      ['hanako@example.jp', true],
      ['ichiro@example.jp', false],
    ]);
    expect(bookings(emu)[0]![BOOKING.email]).toBe('hanako@example.jp');
  });

  it('a row copied (same 予約ID) on the reminder day: never two reminders', () => {
    const emu = invitedFor(MONDAY);
    emu.setTime('2026-12-04T11:00:00+09:00');
    const row = emu.person.values(SHEET.bookings)[1]!;
    emu.edit(SHEET.bookings, 'A3', [row]);
    tick(emu, '2026-12-04T12:00:00+09:00');
    tick(emu, '2026-12-04T12:10:00+09:00');
    expect(reminders(emu).length).toBeLessThanOrEqual(1);
  });

  it('a quiet tick after the reminder and the notice went makes no more data calls than with both いいえ', () => {
    const calls = (on: boolean) => {
      const emu = world([
        bookingRow({ date: MONDAY }),
        bookingRow({ date: MONDAY, start: '11:00', email: 'b@example.jp' }),
      ]);
      tick(emu, '2026-12-01T09:30:00+09:00');
      edit(emu, BOOKING.status, STATUS.cancelled, '2026-12-02T10:00:00+09:00', 3);
      tick(emu, '2026-12-02T10:30:00+09:00');
      tick(emu, '2026-12-04T12:00:00+09:00');
      if (on) {
        expect(reminders(emu)).toHaveLength(1);
        expect(notices(emu)).toHaveLength(1);
      } else {
        setSetting(emu, SETTING.reminder, 'いいえ');
        setSetting(emu, SETTING.cancelNotice, 'いいえ');
        tick(emu, '2026-12-04T12:05:00+09:00');
      }
      emu.setTime('2026-12-04T12:20:00+09:00');
      const result = emu.fireTimeTrigger(TICK);
      expect(result.error).toBeUndefined();
      return dataCallsOf(result.counters.byMethod);
    };
    const off = calls(false);
    expect(off).toBeGreaterThan(0);
    expect(calls(true)).toBe(off);
    expect(off).toBeLessThanOrEqual(5);
  });
});
