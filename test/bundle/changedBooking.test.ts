// Issue 15 §2 on the built bundle: a 確定 booking changed after its invitation is flagged at once
// by onEdit (and by the check), its old slot is free again, and 招待メールを再送 sends the new
// details once (【日時変更】 only when the day or time changed).
import { describe, expect, it } from 'vitest';
import type { Emulator, RunResult } from '../../emulator/index';
import { BOOKING, LOG, SETTING, SHEET, STATUS } from '../../src/core/schema';
import type { FreeSlotsResponse } from '../../src/ui/shared/sidebarApi';
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

const CHECK_ALL = 'すべての予約をチェック';
const RESEND = '招待メールを再送';
const CHANGED =
  /^エラー: 招待メールを送った後に(「[^」]+」)+が変わりました。招待メールの内容と違います。招待メールを再送してください/;

function sentBookings(n = 1): Emulator {
  const emu = office(workbookWith([bookingOf(0), bookingOf(1)].slice(0, n)));
  send(emu);
  expect(bookings(emu).every((r) => r[BOOKING.status] === STATUS.confirmed)).toBe(true);
  return emu;
}

function edit(emu: Emulator, header: string, row: number, value: string): RunResult {
  const [run] = emu.edit(SHEET.bookings, `${column(emu, header)}${row}`, [[value]]);
  expect(run?.error).toBeUndefined();
  return run!;
}

const resultOf = (emu: Emulator, row = 2) => String(bookings(emu)[row - 2]![BOOKING.checkResult]);

function resend(emu: Emulator, row: number, answers: ('YES' | 'OK')[]): string[] {
  const before = emu.ui.dialogs.length;
  emu.select(SHEET.bookings, [`A${row}`]);
  for (const a of answers) emu.ui.queueResponse(a);
  expect(emu.menu(RESEND).error).toBeUndefined();
  return emu.ui.dialogs.slice(before).map((d) => d.message);
}

function slots(emu: Emulator): FreeSlotsResponse {
  const run = emu.callServer<FreeSlotsResponse>('sidebarGetFreeSlots', { office: '' });
  expect(run.error).toBeUndefined();
  return run.value!;
}

const slotIn = (view: FreeSlotsResponse, start: string) =>
  view.days
    .find((d) => d.date === '2026-12-02')
    ?.offices.find((o) => o.office === '倉敷わかもの')
    ?.slots.find((s) => s.start === start);

describe('onEdit flags a changed 確定 booking at once', () => {
  it('names the fields, keeps the other lines, one changed line whatever the number of edits', () => {
    const emu = sentBookings();
    expect(resultOf(emu)).toBe('OK');
    edit(emu, BOOKING.date, 2, '2026/12/03');
    const [count, line] = resultOf(emu).split('\n');
    expect(count).toBe('エラー1件');
    expect(line).toMatch(CHANGED);
    expect(line).toContain('「相談日」が変わりました');
    // A line a check wrote stays, and the count line is made right.
    emu.person.setValues(SHEET.bookings, `${column(emu, BOOKING.checkResult)}2`, [
      ['注意1件\n注意: 別の注意'],
    ]);
    edit(emu, BOOKING.start, 2, '11:00');
    const lines = resultOf(emu).split('\n');
    expect(lines[0]).toBe('エラー1件・注意1件');
    expect(lines[1]).toContain('「相談日」「開始時刻」が変わりました');
    expect(lines[2]).toBe('注意: 別の注意');
    expect(lines).toHaveLength(3);
    // The check writes the same line from the ledger.
    emu.menu(CHECK_ALL);
    expect(resultOf(emu).split('\n')[1]).toBe(lines[1]);
  });

  it('URL and address edits are flagged; a 受付 row and an unwatched column are not', () => {
    const emu = sentBookings();
    typeBookings(emu, [bookingOf(1)]);
    emu.menu(CHECK_ALL);
    edit(emu, BOOKING.meetingUrl, 2, 'https://teleoffice.example.jp/meet/zzz999');
    expect(resultOf(emu)).toContain('「会議URL」が変わりました');
    edit(emu, BOOKING.email, 2, 'ichiro@example.com');
    expect(resultOf(emu)).toContain('「会議URL」「メールアドレス」が変わりました');
    edit(emu, BOOKING.date, 3, '2026/12/03');
    expect(resultOf(emu, 3)).toBe('OK');
  });

  it('an edit that changes nothing relevant costs no extra data calls', () => {
    const emu = sentBookings();
    typeBookings(emu, [bookingOf(1)]);
    emu.menu(CHECK_ALL);
    const baseline = edit(emu, BOOKING.note, 2, 'メモ').counters.byMethod;
    // 氏名 of a 確定 row, 相談日 of a 受付 row: the same calls as a 備考 edit.
    expect(edit(emu, BOOKING.name, 2, '見本 一郎').counters.byMethod).toEqual(baseline);
    expect(edit(emu, BOOKING.date, 3, '2026/12/03').counters.byMethod).toEqual(baseline);
    // 相談日 of the 確定 row: the ledger is read and the flag written.
    const watched = edit(emu, BOOKING.date, 2, '2026/12/03').counters.byMethod;
    expect(watched).not.toEqual(baseline);
    expect(resultOf(emu)).toMatch(/「相談日」が変わりました/);
  });

  it('a sort before the write: no other booking is flagged', () => {
    const emu = sentBookings(2);
    const nameColumn = column(emu, BOOKING.name).charCodeAt(0) - 64;
    let fired = 0;
    // Reads: the header, the rows, then the rows again just before writing.
    emu.hooks.before(
      'Sheet.getSheetValues',
      ({ emu: e }) => {
        fired++;
        e.person.sortRows(SHEET.bookings, { column: nameColumn, ascending: false });
      },
      { nth: 3 },
    );
    const first = String(bookings(emu)[0]![BOOKING.name]);
    edit(emu, BOOKING.date, 2, '2026/12/03');
    expect(fired).toBe(1);
    const other = bookings(emu).find((r) => r[BOOKING.name] !== first)!;
    expect(String(other[BOOKING.checkResult])).toBe('OK');
  });
});

describe('the old slot of a moved 確定 booking is free again', () => {
  it('for the check and the sidebar; the moved booking holds its new slot', () => {
    const emu = sentBookings();
    expect(slotIn(slots(emu), '10:00')).toMatchObject({ full: true, free: 0 });
    edit(emu, BOOKING.start, 2, '11:00');
    const view = slots(emu);
    expect(slotIn(view, '10:00')).toMatchObject({ full: false, free: 1 });
    expect(slotIn(view, '11:00')).toMatchObject({ full: true, free: 0 });
    // Another person at 11:00: the slot is full (the moved booking holds it); at 10:00: free.
    const row = typeBookings(emu, [bookingOf(2, { start: '11:00' })]);
    emu.menu(CHECK_ALL);
    expect(resultOf(emu, row)).toMatch(
      /この枠（[^）]*11:00、倉敷わかもの）は定員1件に達しています/,
    );
    edit(emu, BOOKING.start, row, '10:00');
    emu.menu(CHECK_ALL);
    expect(resultOf(emu, row)).toBe('OK');
  });
});

describe('a change is re-sent once', () => {
  it('date: flagged, 【日時変更】 with the new day, refused again, never by a tick', () => {
    const emu = sentBookings();
    const id = String(bookings(emu)[0]![BOOKING.id]);
    edit(emu, BOOKING.date, 2, '2026/12/03');
    expect(resultOf(emu)).toContain('「相談日」が変わりました');
    emu.menu(CHECK_ALL);
    expect(resultOf(emu)).toContain('「相談日」が変わりました');
    const dialogs = resend(emu, 2, ['YES', 'OK']);
    expect(dialogs[1]).toContain('再送しました');
    expect(emu.mail.sent).toHaveLength(2);
    const mail = emu.mail.sent[1]!;
    expect(mail.subject.startsWith('【日時変更】')).toBe(true);
    expect(mail.body).toContain('12月3日(木)');
    expect(resend(emu, 2, ['OK'])[0]).toMatch(/どれも変わっていないため、再送しません/);
    setSetting(emu, SETTING.autoSend, 'はい');
    for (let i = 0; i < 4; i++) {
      emu.advance({ minutes: 10 });
      expect(emu.fireTimeTrigger('onTenMinuteTick').error).toBeUndefined();
    }
    expect(emu.mail.sent).toHaveLength(2);
    const logs = emu.records(SHEET.log).filter((r) => r[LOG.action] === '招待メール再送');
    expect(logs.map((r) => [r[LOG.bookingId], r[LOG.detail]])).toEqual([[id, '変更: 相談日']]);
    expect(JSON.stringify(emu.records(SHEET.log))).not.toMatch(/ichiro|見本|33010-|meet\/abc/);
  });

  it('URL only: re-sent without 【日時変更】, with the new URL', () => {
    const emu = sentBookings();
    const url = 'https://teleoffice.example.jp/meet/zzz999';
    edit(emu, BOOKING.meetingUrl, 2, url);
    expect(resultOf(emu)).toContain('「会議URL」が変わりました');
    resend(emu, 2, ['YES', 'OK']);
    expect(emu.mail.sent).toHaveLength(2);
    expect(emu.mail.sent[1]!.subject.startsWith('【日時変更】')).toBe(false);
    expect(emu.mail.sent[1]!.body).toContain(url);
    const log = emu.records(SHEET.log).find((r) => r[LOG.action] === '招待メール再送');
    expect(log?.[LOG.detail]).toBe('変更: 会議URL');
  });
});
