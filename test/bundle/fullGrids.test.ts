// Issue 12 "Done when": 操作ログ, 予約 and 予約_保管 filled to the last row of their grids (Sheets
// refuses a range past the grid; the emulator does too), and every entry point still works and
// logs: the menus, the three ticks, onEdit and the sidebar's add.
import { describe, expect, it } from 'vitest';
import type { Emulator, RunResult } from '../../emulator/index';
import { underHeaders } from '../../runner/staff';
import { BOOKING, LOG, SETTING, SHEET, STATUS, TRIGGER_HANDLERS } from '../../src/core/schema';
import { bookingOf, bookingRow, setSetting, sidebarForm, workbookWith } from './helpers';

const grid = (emu: Emulator, sheet: string) => emu.workbook.sheetByName(sheet)!.maxRows;
const logLines = (emu: Emulator) => emu.person.values(SHEET.log).length - 1;

/** Fills `sheet` from the row below its data to the last row of its grid with `row`. */
function fillToLastRow(emu: Emulator, sheet: string, row: (i: number) => unknown[]): void {
  // Below the last row with content: a checkbox rule may have filled FALSE down the grid (the
  // FALSE worlds), and such rows are free (they are no bookings).
  const values = emu.person.values(sheet);
  let used = values.length;
  while (used > 1 && values[used - 1]!.every((v) => v === '' || v === false)) used--;
  const first = used + 1;
  const last = grid(emu, sheet);
  const rows = Array.from({ length: last - first + 1 }, (_, i) => row(i));
  emu.person.setValues(sheet, `A${first}`, rows as never);
  expect(emu.person.values(sheet)).toHaveLength(last);
}

function pastBooking(i: number): Partial<Record<keyof typeof BOOKING, string>> {
  const day = String(1 + (i % 28)).padStart(2, '0');
  return {
    ...(bookingOf(i % 2, { date: `2026/10/${day}`, start: '10:00' }) as Record<string, string>),
    id: `Y${String(900000 + i)}`,
    status: STATUS.held,
    takenAt: '2026/09/01 9:00',
  };
}

/** A workbook whose three growing sheets are full to the last row, with one ready booking. */
function fullWorkbook(): Emulator {
  const emu = workbookWith([bookingRow({ date: '2026/12/03' })]);
  setSetting(emu, SETTING.autoSend, 'はい');
  const headersOf = (sheet: string) => emu.person.values(sheet)[0]!;
  const bookingHeaders = headersOf(SHEET.bookings);
  fillToLastRow(
    emu,
    SHEET.bookings,
    (i) => underHeaders(bookingHeaders, BOOKING, [pastBooking(i)])[0]!,
  );
  const archiveHeaders = headersOf(SHEET.archive);
  fillToLastRow(
    emu,
    SHEET.archive,
    (i) => underHeaders(archiveHeaders, BOOKING, [pastBooking(100000 + i)])[0]!,
  );
  const logHeaders = headersOf(SHEET.log);
  fillToLastRow(
    emu,
    SHEET.log,
    (i) =>
      underHeaders(logHeaders, LOG, [
        {
          at: '2026/11/01 9:00',
          actor: 'staff@example.jp',
          action: '過去の操作',
          detail: String(i),
        },
      ])[0]!,
  );
  return emu;
}

function expectWorked(emu: Emulator, run: RunResult, what: string, dialogsBefore: number): void {
  expect(run.error, `${what}: ${run.error?.message}`).toBeUndefined();
  const messages = emu.ui.dialogs.slice(dialogsBefore).map((d) => d.message);
  expect(messages.join('\n'), what).not.toMatch(/予期しないエラー/);
}

describe('every entry point with 操作ログ, 予約 and 予約_保管 full to the last row of their grids', () => {
  it('menus run and log below the full grid', () => {
    const emu = fullWorkbook();
    for (const sheet of [SHEET.log, SHEET.bookings, SHEET.archive]) {
      expect(emu.person.values(sheet)).toHaveLength(grid(emu, sheet));
    }
    const logGrid = grid(emu, SHEET.log);
    emu.ui.setDefault('accept');
    emu.select(SHEET.bookings, ['A2']);
    for (const caption of [
      '選択行をチェック',
      'すべての予約をチェック',
      '招待メールを送信',
      '招待メールをプレビュー',
      '空き枠を表示',
      '月次集計を更新',
      '過去の予約を保管',
      '初期設定',
    ]) {
      const lines = logLines(emu);
      const dialogs = emu.ui.dialogs.length;
      const run = emu.menu(caption);
      expectWorked(emu, run, caption, dialogs);
      if (!['招待メールをプレビュー', '空き枠を表示', '初期設定'].includes(caption)) {
        expect(logLines(emu), `${caption} logs`).toBeGreaterThan(lines);
      }
    }
    expect(emu.mail.sent.map((m) => m.to)).toEqual(['ichiro@example.jp']);
    expect(grid(emu, SHEET.log)).toBeGreaterThan(logGrid);
    const actions = emu
      .records(SHEET.log)
      .slice(logGrid - 1)
      .map((r) => r[LOG.action]);
    expect(actions).toContain('招待メール送信');
    expect(actions).toContain('過去の予約を保管');
  });

  it('the ticks run and log: the automatic send goes out and its log line lands', () => {
    const emu = fullWorkbook();
    emu.advance({ hours: 1 });
    const lines = logLines(emu);
    const tick = emu.fireTimeTrigger(TRIGGER_HANDLERS.everyTenMinutes);
    expectWorked(emu, tick, 'tick', emu.ui.dialogs.length);
    expect(emu.mail.sent.map((m) => m.to)).toEqual(['ichiro@example.jp']);
    expect(logLines(emu)).toBeGreaterThan(lines);
    for (const handler of [TRIGGER_HANDLERS.daily, TRIGGER_HANDLERS.monthly]) {
      const run = emu.fireTimeTrigger(handler);
      expect(run.error, `${handler}: ${run.error?.message}`).toBeUndefined();
    }
  });

  it('onEdit still works on a full 予約 (a person types into the last row)', () => {
    const emu = fullWorkbook();
    const last = grid(emu, SHEET.bookings);
    const headers = emu.person.values(SHEET.bookings)[0]!.map(String);
    const noteColumn = String.fromCharCode(65 + headers.indexOf(BOOKING.note));
    const runs = emu.edit(SHEET.bookings, `${noteColumn}${last}`, '電話で変更');
    expect(runs.length).toBeGreaterThan(0);
    for (const run of runs) expect(run.error, run.error?.message).toBeUndefined();
    const row = emu.records(SHEET.bookings)[last - 2]!;
    expect(row[BOOKING.updatedAt]).toBeInstanceOf(Date);
  });

  it('the sidebar adds a booking below the full grid and logs it', () => {
    const emu = fullWorkbook();
    const last = grid(emu, SHEET.bookings);
    const lines = logLines(emu);
    const run = emu.callServer<{ ok: boolean; added: boolean; rowNumber: number }>(
      'sidebarAddBooking',
      sidebarForm(),
    );
    expect(run.error, run.error?.message).toBeUndefined();
    expect(run.value).toMatchObject({ ok: true, added: true, rowNumber: last + 1 });
    expect(logLines(emu)).toBeGreaterThan(lines);
  });
});
