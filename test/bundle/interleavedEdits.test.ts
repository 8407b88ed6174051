// Issue 13: a person acting during the sidebar's add and during 初期設定, at the one spreadsheet
// call that broke an invariant in the interleavings sweep (test/reliability/interleavings*.ts):
// the cells afterwards, not only "no error".
import { describe, expect, it } from 'vitest';
import type { Emulator } from '../../emulator/index';
import { BOOKING, ERROR_PREFIX, LOG, SHEET } from '../../src/core/schema';
import type { AddBookingResult } from '../../src/ui/shared/sidebarApi';
import { bookingRow, bookings, sidebarForm, typeBookings, workbookWith } from './helpers';

const FILL_WORLD = { variants: { checkboxFill: 'false' as const } };

function columnOf(emu: Emulator): (header: string) => string {
  const headers = emu.sheetValues(SHEET.bookings)[0]!.map(String);
  return (header) => String.fromCharCode(65 + headers.indexOf(header));
}

/** Two checked bookings in rows 2 and 3, then rows of unticked checkboxes only (free rows). */
function twoBookingsAndFreeRows(): Emulator {
  const emu = workbookWith([
    bookingRow({ name: '見本 一郎', start: '10:00' }),
    bookingRow({
      name: '見本 二郎',
      seekerNo: '33010-00000002',
      email: 'hanako@example.jp',
      start: '14:00',
      meetingUrl: 'https://teleoffice.example.jp/meet/jiro22',
    }),
  ]);
  const col = columnOf(emu);
  emu.person.setValues(SHEET.bookings, `${col(BOOKING.joined)}4:${col(BOOKING.joined)}8`, [
    [false],
    [false],
    [false],
    [false],
    [false],
  ]);
  expect(emu.menu('すべての予約をチェック').error).toBeUndefined();
  return emu;
}

function logLines(emu: Emulator): string[] {
  return emu.records(SHEET.log).map((r) => `${String(r[LOG.bookingId])} ${String(r[LOG.detail])}`);
}

describe('the sidebar add, when a person inserts rows just before its write (issue 13, finding 3)', () => {
  it('a row pushed into the free row is rebuilt as it was, flagged エラー:, logged, and the page is told', () => {
    const emu = twoBookingsAndFreeRows();
    const col = columnOf(emu);
    const jiro = bookings(emu)[1]!;
    expect(jiro[BOOKING.id]).toMatch(/^Y\d{6}$/);
    let fired = 0;
    // The sidebar's only Range.setValues is its write into the free row (row 4).
    emu.hooks.before('Range.setValues', ({ emu: e }) => {
      fired++;
      e.person.insertRows(SHEET.bookings, 3, 1); // 見本 二郎 moves from row 3 to row 4
      e.person.setValues(SHEET.bookings, `${col(BOOKING.name)}3`, [['見本 六郎']]);
    });
    const run = emu.callServer<AddBookingResult>('sidebarAddBooking', sidebarForm());
    expect(run.error).toBeUndefined();
    expect(fired).toBe(1);
    const result = run.value!;
    expect(result).toMatchObject({ ok: false, added: true, rowNumber: 4 });
    expect(result.messages.join('\n')).toContain('上書き');
    expect(result.messages.join('\n')).toContain(String(jiro[BOOKING.id]));

    const rows = bookings(emu).filter((r) => String(r[BOOKING.name]) !== '');
    const names = rows.map((r) => String(r[BOOKING.name]));
    expect(names.filter((n) => n === '見本 二郎')).toHaveLength(1);
    expect(names).toEqual(expect.arrayContaining(['見本 一郎', '見本 六郎', '例示 三郎']));
    const rebuilt = rows.find((r) => r[BOOKING.name] === '見本 二郎')!;
    for (const header of [
      BOOKING.id,
      BOOKING.seekerNo,
      BOOKING.email,
      BOOKING.date,
      BOOKING.start,
      BOOKING.office,
      BOOKING.meetingUrl,
      BOOKING.status,
    ]) {
      expect(rebuilt[header], header).toEqual(jiro[header]);
    }
    expect(String(rebuilt[BOOKING.checkResult])).toContain(ERROR_PREFIX);
    expect(String(rebuilt[BOOKING.checkResult])).toContain('作り直し');
    // The new booking is where it was written, once.
    expect(emu.sheetValues(SHEET.bookings)[3]![0]).toBe(result.id);
    expect(rows.filter((r) => r[BOOKING.id] === result.id)).toHaveLength(1);
    // The log names ids and rows, never a name or an address.
    const log = logLines(emu).join('\n');
    expect(log).toContain(String(jiro[BOOKING.id]));
    expect(log).toContain('上書き');
    expect(log).not.toMatch(/見本|例示|@|33010-/);
  });

  it('a row inserted and typed right at the free row cannot be rebuilt: the new row is flagged', () => {
    const emu = twoBookingsAndFreeRows();
    const col = columnOf(emu);
    let fired = 0;
    emu.hooks.before('Range.setValues', ({ emu: e }) => {
      fired++;
      e.person.insertRows(SHEET.bookings, 4, 1);
      e.person.setValues(SHEET.bookings, `${col(BOOKING.name)}4`, [['見本 七郎']]);
    });
    const run = emu.callServer<AddBookingResult>('sidebarAddBooking', sidebarForm());
    expect(run.error).toBeUndefined();
    expect(fired).toBe(1);
    const result = run.value!;
    expect(result).toMatchObject({ ok: false, added: true, rowNumber: 4 });
    expect(result.messages.join('\n')).toContain('上書き');
    const row4 = bookings(emu)[2]!;
    expect(row4[BOOKING.id]).toBe(result.id);
    expect(String(row4[BOOKING.checkResult])).toContain(ERROR_PREFIX);
    expect(String(row4[BOOKING.checkResult])).toContain('入力し直して');
    expect(logLines(emu).join('\n')).toContain(`${result.id} 4行目に追加。`);
  });

  it('without anyone acting, the write goes into the first free row and nothing is flagged', () => {
    const emu = twoBookingsAndFreeRows();
    const result = emu.callServer<AddBookingResult>('sidebarAddBooking', sidebarForm()).value!;
    expect(result).toMatchObject({ ok: true, added: true, rowNumber: 4 });
    const rows = bookings(emu).slice(0, 3);
    expect(rows.map((r) => String(r[BOOKING.name]))).toEqual([
      '見本 一郎',
      '見本 二郎',
      '例示 三郎',
    ]);
    expect(
      rows.map((r) => String(r[BOOKING.checkResult])).filter((c) => c.includes(ERROR_PREFIX)),
    ).toEqual([]);
  });
});

describe('初期設定 when a person inserts rows at the top of 予約 meanwhile (issue 13)', () => {
  it('puts the checkbox rule on the rows that lack it and never turns a blank 参加 into FALSE', () => {
    const emu = workbookWith([], FILL_WORLD);
    typeBookings(emu, [
      bookingRow({ name: '見本 一郎' }),
      bookingRow({ name: '見本 二郎', start: '11:00' }),
    ]);
    const col = columnOf(emu);
    const joinedBefore = bookings(emu).map((r) => r[BOOKING.joined]);
    expect(joinedBefore.slice(0, 2)).toEqual(['', '']);
    let fired = 0;
    // Before 初期設定 looks at its first sheet: the person inserts two rows above the bookings and
    // types a booking into the first (rows a person inserts carry no rule in the emulator).
    emu.hooks.before('Sheet.getFrozenRows', ({ emu: e }) => {
      fired++;
      e.person.insertRows(SHEET.bookings, 2, 2);
      e.person.setValues(SHEET.bookings, `${col(BOOKING.name)}2`, [['見本 三郎']]);
    });
    expect(emu.menu('初期設定').error).toBeUndefined();
    expect(fired).toBe(1);
    const values = emu.sheetValues(SHEET.bookings);
    const headers = values[0]!.map(String);
    const joined = headers.indexOf(BOOKING.joined);
    const name = headers.indexOf(BOOKING.name);
    // Row 2: the typed row keeps its blank 参加 (no rule put over it); row 3: blank row, ruled;
    // rows 4–5: the bookings, 参加 as they were.
    expect(values[1]![name]).toBe('見本 三郎');
    expect(values[1]![joined]).toBe('');
    expect([values[3]![name], values[4]![name]]).toEqual(['見本 一郎', '見本 二郎']);
    expect([values[3]![joined], values[4]![joined]]).toEqual(['', '']);
    // The blank row inserted got the rule: in this world its empty 参加 became an unticked FALSE.
    expect(values[2]!.filter((v) => v !== '')).toEqual([false]);
    const report = emu.ui.dialogs.at(-1)!.message;
    expect(report).toContain('2行目');
    expect(report).toContain('チェックボックスを付けませんでした');
    expect(report).not.toMatch(/(?<!\d)3行目/); // row 3 of 予約 (設定's 13行目 may be named)
  });
});
