// 設定 自動保管 (issue 17 §2): the monthly trigger archives by itself, before 月次集計. A year on
// the simulated clock: every month staff record four finished consultations, the 10-minute tick
// gives them their 予約ID, and on the 1st at 05:00 the monthly trigger runs. Twin registers, one
// with 自動保管 はい (as shipped) and one with いいえ, get exactly the same bookings: 月次集計 must
// be identical in both every month, 予約 must stay small only in the first, and no booking may
// ever be lost or be in both sheets.
import { describe, expect, it } from 'vitest';
import type { CellValue, Emulator } from '../../emulator/index';
import { isBusinessDay } from '../../src/core/calendar';
import { BOOKING, LOG, SETTING, SHEET, STATUS, TRIGGER_HANDLERS } from '../../src/core/schema';
import type { LocalDate } from '../../src/core/time';
import { bookingOf, setSetting, typeBookings, workbookWith } from './helpers';

const CAPTION = '過去の予約を保管';
const TRIGGER_ACTOR = '自動（時間主導トリガー）';
const STAFF = 'staff@example.jp';
const SLOTS = ['10:00', '11:00', '14:00', '15:00'];
const FINISHED = [STATUS.held, STATUS.cancelled, STATUS.noShow, STATUS.held];
/** 2026-12 … 2027-11: bookings; the monthly trigger fires on 2027-01-01 … 2027-12-01. */
const MONTHS = 12;

const pad = (n: number) => String(n).padStart(2, '0');

/** The m-th month from 2026-12 (0-based) as [year, month]. */
function monthOf(m: number): [number, number] {
  const index = 2026 * 12 + 11 + m;
  return [Math.floor(index / 12), (index % 12) + 1];
}

/** The first business day from the 8th of the month, as typed (yyyy/MM/dd) and as a LocalDate. */
function consultationDay(m: number): { typed: string; day: string } {
  const [y, mo] = monthOf(m);
  for (let d = 8; ; d++) {
    const day = `${y}-${pad(mo)}-${pad(d)}` as LocalDate;
    if (isBusinessDay(day, null, [])) return { typed: `${y}/${pad(mo)}/${pad(d)}`, day };
  }
}

function register(autoArchive: 'はい' | 'いいえ'): Emulator {
  const emu = workbookWith([]);
  setSetting(emu, SETTING.alertTo, STAFF);
  setSetting(emu, SETTING.autoArchive, autoArchive);
  return emu;
}

function fire(emu: Emulator, handler: string, at: string): void {
  emu.setTime(at);
  const run = emu.fireTimeTrigger(handler);
  expect(run.error, `${handler} at ${at}`).toBeUndefined();
}

/** Month m: four finished consultations typed after the day (and, in month 0, one left 受付). */
function recordMonth(emu: Emulator, m: number): void {
  const [y, mo] = monthOf(m);
  const { typed } = consultationDay(m);
  emu.setTime(`${y}-${pad(mo)}-20T17:00:00+09:00`);
  const rows = SLOTS.map((start, n) =>
    bookingOf(n, { date: typed, start, status: FINISHED[n]!, joined: FINISHED[n] === STATUS.held }),
  );
  // Never finished: it stays in 予約 however old it gets.
  if (m === 0) rows.push(bookingOf(0, { date: typed, start: '15:00', status: STATUS.taken }));
  typeBookings(emu, rows);
  fire(emu, TRIGGER_HANDLERS.everyTenMinutes, `${y}-${pad(mo)}-20T17:10:00+09:00`);
}

function monthlyTick(emu: Emulator, m: number): void {
  const [y, mo] = monthOf(m + 1);
  fire(emu, TRIGGER_HANDLERS.monthly, `${y}-${pad(mo)}-01T05:00:00+09:00`);
}

const ids = (emu: Emulator, sheet: string) =>
  emu
    .records(sheet)
    .map((r) => String(r[BOOKING.id]))
    .filter((id) => id !== '');

const triggerLines = (emu: Emulator, action: string) =>
  emu.records(SHEET.log).filter((r) => r[LOG.action] === action && r[LOG.actor] === TRIGGER_ACTOR);

/** The row of every booking, whichever sheet holds it, keyed by 予約ID (without チェック結果). */
function everyBooking(emu: Emulator): Map<string, Record<string, CellValue>> {
  const all = [...emu.records(SHEET.bookings), ...emu.records(SHEET.archive)];
  return new Map(
    all.map((r) => {
      const { [BOOKING.checkResult]: _check, ...rest } = r;
      return [String(r[BOOKING.id]), rest];
    }),
  );
}

describe('自動保管: a year of the monthly trigger on the simulated clock', () => {
  it('archives each month before 月次集計: 予約 stays small, 月次集計 is what it is without archiving', () => {
    const on = register('はい');
    const off = register('いいえ');
    const dates = new Map<string, string>(); // 予約ID → 相談日 (LocalDate)
    for (let m = 0; m < MONTHS; m++) {
      const known = new Set([...ids(on, SHEET.bookings), ...ids(on, SHEET.archive)]);
      for (const emu of [on, off]) recordMonth(emu, m);
      for (const id of ids(on, SHEET.bookings)) {
        if (!known.has(id)) dates.set(id, consultationDay(m).day);
      }
      // The same ids in both registers (the counter is the same).
      expect(ids(off, SHEET.bookings).sort()).toEqual([...dates.keys()].sort());
      for (const emu of [on, off]) monthlyTick(emu, m);

      // The monthly run ran, in both registers, once a month.
      expect(triggerLines(on, '月次集計を更新')).toHaveLength(m + 1);
      expect(triggerLines(off, '月次集計を更新')).toHaveLength(m + 1);
      expect(triggerLines(on, CAPTION)).toHaveLength(m + 1);
      expect(triggerLines(off, CAPTION)).toHaveLength(0);
      // Archive first, then the report: the report's log line comes after the archive's.
      const actions = on.records(SHEET.log).map((r) => r[LOG.action]);
      expect(actions.lastIndexOf(CAPTION)).toBeLessThan(actions.lastIndexOf('月次集計を更新'));

      // 月次集計 counts 予約 and 予約_保管 together: the same sheet either way.
      expect(on.sheetValues(SHEET.monthly)).toEqual(off.sheetValues(SHEET.monthly));
      expect(bookedInReport(on)).toBe(dates.size);

      // Exactly the finished bookings older than 保管までの月数 (6) moved; nothing lost or doubled.
      const [y, mo] = monthOf(m + 1 - 6);
      const cutoff = `${y}-${pad(mo)}-01`;
      const live = ids(on, SHEET.bookings);
      const archived = ids(on, SHEET.archive);
      expect(new Set([...live, ...archived]).size).toBe(live.length + archived.length);
      expect([...live, ...archived].sort()).toEqual([...dates.keys()].sort());
      const old = [...dates].filter(([, day]) => day < cutoff).map(([id]) => id);
      expect(archived.sort()).toEqual(old.filter((id) => id !== firstTaken(on, off)).sort());
      expect(ids(off, SHEET.archive)).toEqual([]);
      expect(ids(off, SHEET.bookings)).toHaveLength(dates.size);
    }
    // A year on: 予約 holds the last six months (and the one row never finished), 予約_保管 the rest.
    expect(ids(on, SHEET.bookings)).toHaveLength(6 * 4 + 1);
    expect(ids(on, SHEET.archive)).toHaveLength(6 * 4);
    // Every value of every booking is where it was, in one sheet or the other.
    expect(everyBooking(on)).toEqual(everyBooking(off));
    const lastLine = String(triggerLines(on, CAPTION).at(-1)![LOG.detail]);
    expect(lastLine).toMatch(/^自動保管: 4件を予約から削除（うち今回書き写し4件）/);
    expect(
      triggerLines(on, CAPTION).filter((r) => /0件を予約から削除/.test(String(r[LOG.detail]))),
    ).toHaveLength(6); // the first six months had nothing old enough
    // All went as planned: no mail to 通知先 about it.
    expect(on.mail.sent.filter((mail) => mail.to === STAFF)).toEqual([]);
  });
});

/** The sum of 予約数 over the 月別・窓口別 table of 月次集計 (its 合計 rows left out). */
function bookedInReport(emu: Emulator): number {
  const grid = emu.sheetValues(SHEET.monthly);
  const title = grid.findIndex((row) => row[0] === '月別・窓口別');
  expect(title).toBeGreaterThan(0);
  const column = grid[title + 1]!.map(String).indexOf('予約数');
  expect(column).toBeGreaterThan(0);
  let sum = 0;
  for (const row of grid.slice(title + 2)) {
    if (row.every((v) => v === '')) break;
    if (row[1] !== '合計') sum += Number(row[column]);
  }
  return sum;
}

/** The 受付 row of month 0, the one booking that never finishes (same id in both registers). */
function firstTaken(on: Emulator, off: Emulator): string {
  const rows = on.records(SHEET.bookings).filter((r) => r[BOOKING.status] === STATUS.taken);
  expect(rows).toHaveLength(1);
  expect(off.records(SHEET.bookings).some((r) => r[BOOKING.id] === rows[0]![BOOKING.id])).toBe(
    true,
  );
  return String(rows[0]![BOOKING.id]);
}

/**
 * On 2026-12-01, checked (ids given): three finished bookings older than 2026-07-01, one on that
 * day (kept: the cutoff day itself stays), one upcoming. The monthly trigger then fires on
 * 2027-01-01 05:00 (cutoff 2026-07-01).
 */
const OLD_ROWS = 3;
function smallRegister(autoArchive?: 'いいえ'): Emulator {
  const emu = workbookWith([
    bookingOf(0, { date: '2026/05/12', status: STATUS.held, joined: true }),
    bookingOf(0, { date: '2026/05/13', status: STATUS.cancelled }),
    bookingOf(2, { date: '2026/04/01', status: STATUS.noShow, start: '14:00' }),
    bookingOf(0, { date: '2026/07/01', status: STATUS.held, joined: true }),
    bookingOf(1, { date: '2026/12/02' }),
  ]);
  setSetting(emu, SETTING.alertTo, STAFF);
  if (autoArchive) setSetting(emu, SETTING.autoArchive, autoArchive);
  expect(emu.menu('すべての予約をチェック').error).toBeUndefined();
  expect(ids(emu, SHEET.bookings)).toHaveLength(5);
  return emu;
}

const JANUARY = '2027-01-01T05:00:00+09:00';
const staffMails = (emu: Emulator) => emu.mail.sent.filter((mail) => mail.to === STAFF);
const lastDetail = (emu: Emulator, action: string) =>
  String(triggerLines(emu, action).at(-1)?.[LOG.detail] ?? '');

/** Every booking in exactly one sheet (ids), and 月次集計 counting each once. */
function expectEachOnce(emu: Emulator, all: readonly string[]): void {
  const live = ids(emu, SHEET.bookings);
  const archived = ids(emu, SHEET.archive);
  expect([...live, ...archived].sort()).toEqual([...all].sort());
}

describe('自動保管 in one monthly run', () => {
  it('いいえ: the monthly run leaves every row in 予約 and still rebuilds 月次集計', () => {
    const emu = smallRegister('いいえ');
    const before = emu.records(SHEET.bookings);
    fire(emu, TRIGGER_HANDLERS.monthly, JANUARY);
    expect(emu.records(SHEET.bookings)).toEqual(before);
    expect(ids(emu, SHEET.archive)).toEqual([]);
    expect(triggerLines(emu, CAPTION)).toEqual([]);
    expect(triggerLines(emu, '月次集計を更新')).toHaveLength(1);
    expect(bookedInReport(emu)).toBe(5);
  });

  it('a row a person edits during the run stays in 予約 with the edit; staff are told by mail and log', () => {
    const emu = smallRegister();
    const all = ids(emu, SHEET.bookings);
    const noteColumn = String.fromCharCode(
      65 + emu.sheetValues(SHEET.bookings)[0]!.indexOf(BOOKING.note),
    );
    let fired = 0;
    // The archive's first flush is right after it appended the copies: a person then edits one
    // of the rows about to go (row 2, the 5/12 booking).
    emu.hooks.after('SpreadsheetApp.flush', ({ emu: e }) => {
      fired++;
      e.person.setValues(SHEET.bookings, `${noteColumn}2`, [['電話あり']]);
    });
    fire(emu, TRIGGER_HANDLERS.monthly, JANUARY);
    expect(fired).toBe(1);
    expectEachOnce(emu, all);
    expect(ids(emu, SHEET.archive)).toHaveLength(OLD_ROWS - 1);
    const kept = emu.records(SHEET.bookings).find((r) => r[BOOKING.id] === all[0]);
    expect(kept?.[BOOKING.note]).toBe('電話あり');
    expect(lastDetail(emu, CAPTION)).toMatch(/^自動保管: 2件を予約から削除.*移さなかった1件/);
    expect(lastDetail(emu, CAPTION)).toContain('通知先メールに知らせました');
    const [mail, ...more] = staffMails(emu);
    expect(more).toEqual([]);
    expect(mail!.subject).toContain('自動保管');
    expect(mail!.body).toContain('1件');
    expect(mail!.body).toContain(String(all[0]));
    expect(mail!.body).not.toMatch(/見本|33010|example\.jp/);
    // 月次集計 ran after it and counts each booking once.
    expect(triggerLines(emu, '月次集計を更新')).toHaveLength(1);
    expect(bookedInReport(emu)).toBe(5);
    // Next month's run moves the edited row (it is still old and finished).
    fire(emu, TRIGGER_HANDLERS.monthly, '2027-02-01T05:00:00+09:00');
    expect(ids(emu, SHEET.archive)).toHaveLength(OLD_ROWS + 1); // and the 7/1 one, old by now
    expectEachOnce(emu, all);
  });

  it('a passing service error is tried again at once: rows moved, no error, no mail', () => {
    const emu = smallRegister();
    const all = ids(emu, SHEET.bookings);
    emu.faults.inject('Sheet.deleteRows', { error: 'Service Spreadsheets timed out' });
    fire(emu, TRIGGER_HANDLERS.monthly, JANUARY);
    expect(emu.faults.pending()).toEqual([]);
    expect(ids(emu, SHEET.archive)).toHaveLength(OLD_ROWS);
    expectEachOnce(emu, all);
    expect(lastDetail(emu, CAPTION)).toMatch(/^自動保管: 3件を予約から削除.*やり直しました/);
    expect(staffMails(emu)).toEqual([]);
    expect(bookedInReport(emu)).toBe(5);
  });

  it('a lasting failure does not stop 月次集計: logged, mailed, reported to the owner; next month finishes', () => {
    const emu = smallRegister();
    const all = ids(emu, SHEET.bookings);
    emu.faults.inject('Sheet.deleteRows', { error: 'Service Spreadsheets failed', times: 2 });
    emu.setTime(JANUARY);
    const run = emu.fireTimeTrigger(TRIGGER_HANDLERS.monthly);
    expect(String(run.error?.message)).toContain('Service Spreadsheets failed');
    expect(emu.faults.pending()).toEqual([]);
    expect(lastDetail(emu, CAPTION)).toMatch(/^自動保管: 保管できませんでした: 予期しないエラー/);
    expect(lastDetail(emu, CAPTION)).toContain('通知先メールに知らせました');
    const [mail] = staffMails(emu);
    expect(mail?.body).toContain('過去の予約を保管');
    expect(triggerLines(emu, '月次集計を更新')).toHaveLength(1);
    // Copied, not deleted: every booking is still in 予約 and its copy in 予約_保管; nothing
    // lost, and 月次集計 counts each of them once (the 予約 row).
    expect(ids(emu, SHEET.archive)).toHaveLength(OLD_ROWS);
    expect(bookedInReport(emu)).toBe(5);
    expect(ids(emu, SHEET.bookings).sort()).toEqual([...all].sort());
    // The lock was released, and next month's run settles it: each booking in one sheet.
    fire(emu, TRIGGER_HANDLERS.monthly, '2027-02-01T05:00:00+09:00');
    expect(ids(emu, SHEET.archive)).toHaveLength(OLD_ROWS + 1); // and the 7/1 one, old by now
    expectEachOnce(emu, all);
    expect(bookedInReport(emu)).toBe(5);
  });

  it('holds the script lock: a tick or a second monthly run meanwhile is skipped, the rows move once', () => {
    const emu = smallRegister();
    const all = ids(emu, SHEET.bookings);
    const nested: ReturnType<Emulator['fireTimeTrigger']>[] = [];
    emu.hooks.after('Sheet.deleteRows', ({ emu: e }) => {
      nested.push(e.fireTimeTrigger(TRIGGER_HANDLERS.monthly));
      nested.push(e.fireTimeTrigger(TRIGGER_HANDLERS.everyTenMinutes));
    });
    fire(emu, TRIGGER_HANDLERS.monthly, JANUARY);
    expect(nested).toHaveLength(2);
    for (const n of nested) expect(n.error).toBeUndefined();
    expect(emu.logText()).toContain('onMonthlyTick: another run holds the lock; skipped');
    expect(emu.logText()).toContain('onTenMinuteTick: another run holds the lock; skipped');
    expect(triggerLines(emu, CAPTION)).toHaveLength(1);
    expect(triggerLines(emu, '月次集計を更新')).toHaveLength(1);
    expect(ids(emu, SHEET.archive)).toHaveLength(OLD_ROWS);
    expectEachOnce(emu, all);
  });
});
