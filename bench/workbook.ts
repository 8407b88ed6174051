// Synthetic booking registers for the benchmark. Built once per size through the emulator's
// host-side person API (uncounted, no onEdit), then kept as a WorkbookSnapshot plus the document
// properties, so every measured run starts from a fresh copy of the same sheet.
//
// Shape (all dates in Asia/Tokyo; "now" is Tuesday 2026-12-01):
//   - 対象者: 5,000 job seekers, half at each 窓口, 40 officers;
//   - finished bookings (実施 80 %, キャンセル 15 %, 無断キャンセル 5 %) on the business days before
//     2026-11-01, four slots × two 窓口 a day, walking back in time as far as the size needs;
//   - a constant set of live bookings (LIVE_ROWS): 20 受付 rows ready to invite in the coming
//     days, 60 確定 rows in the next three weeks, 4 確定 rows this morning (two become
//     無断キャンセル and one 実施 at the tick), 2 受付 rows taken long ago that cannot be sent
//     (no 会議URL) and are overdue (alerted by the build's own tick at 09:00).
// The sheet is in the order bookings were taken (oldest first), as staff type them.
import { Emulator, type CellValue, type WorkbookSnapshot } from '../emulator/index';
import { isBusinessDay } from '../src/core/calendar';
import {
  BOOKING,
  type BookingField,
  ROSTER,
  type RosterField,
  SETTING,
  SHEET,
  STATUS,
  TRIGGER_HANDLERS,
} from '../src/core/schema';
import { dayOf } from '../src/core/time';
import { setSetting, underHeaders } from '../runner/staff';

export const NOW = '2026-12-01T10:40:00+09:00';
/** When the register was last worked on before NOW: the build's check and tick run then. */
export const BUILT_AT = '2026-12-01T09:00:00+09:00';
export const ROSTER_SIZE = 5_000;
export const READY_ROWS = 20;
export const ALERT_TO = 'staff@example.jp';
const OFFICES = ['倉敷中央', '倉敷わかもの'] as const;
const SLOTS = ['10:00', '11:00', '14:00', '15:00'] as const;
const DAY_MS = 86_400_000;

export interface BenchWorkbook {
  snapshot: WorkbookSnapshot;
  documentProperties: Record<string, string>;
  bookingRows: number;
  liveRows: number;
  archivedRows: number;
}

/** Deterministic PRNG (mulberry32): the same workbook on every run. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A Tokyo wall-clock time as an instant. */
export function tokyo(y: number, m: number, d: number, hh = 0, mm = 0): Date {
  return new Date(Date.UTC(y, m - 1, d, hh - 9, mm));
}

/** A business day by the product's own calendar (weekends, 祝日, 年末年始; no 休業日 rows). */
export function isWeekday(date: Date): boolean {
  return isBusinessDay(dayOf(date), null, []);
}

/** Business days from `from` on. */
function weekdaysForward(from: Date, count: number): Date[] {
  const days: Date[] = [];
  for (let t = from.getTime(); days.length < count; t += DAY_MS) {
    const day = new Date(t);
    if (isWeekday(day)) days.push(day);
  }
  return days;
}

function weekdaysBackward(before: Date, count: number): Date[] {
  const days: Date[] = [];
  for (let t = before.getTime() - DAY_MS; days.length < count; t -= DAY_MS) {
    const day = new Date(t);
    if (isWeekday(day)) days.push(day);
  }
  return days.reverse();
}

export interface Seeker {
  seekerNo: string;
  name: string;
  office: string;
  officer: string;
}

export function roster(): Seeker[] {
  return Array.from({ length: ROSTER_SIZE }, (_, i) => {
    const office = OFFICES[i % 2]!;
    return {
      seekerNo: `33010-${String(i + 1).padStart(8, '0')}`,
      name: `利用者 ${i + 1}`,
      office,
      officer: `担当 ${office}${(i >> 1) % 20}`,
    };
  });
}

export type Row = Partial<Record<BookingField, CellValue>>;

function bookingFor(seeker: Seeker, i: number, day: Date, slot: string): Row {
  return {
    channel: i % 5 === 0 ? '窓口' : '電話',
    name: seeker.name,
    seekerNo: seeker.seekerNo,
    email: `p${i}@example.jp`,
    date: day,
    start: slot,
    office: seeker.office,
    officer: seeker.officer,
    meetingUrl: `https://teleoffice.example.jp/meet/${i.toString(36)}`,
  };
}

export function finishedRows(count: number, seekers: Seeker[], rand: () => number): Row[] {
  // Eight bookings a business day (4 slots × 2 窓口), history ends with October 2026.
  const perDay = SLOTS.length * OFFICES.length;
  const days = weekdaysBackward(tokyo(2026, 11, 1), Math.ceil(count / perDay));
  return Array.from({ length: count }, (_, i) => {
    const day = days[Math.floor(i / perDay)]!;
    const slot = SLOTS[Math.floor(i / OFFICES.length) % SLOTS.length]!;
    const office = i % 2;
    const seeker = seekers[office + 2 * Math.floor(rand() * (ROSTER_SIZE / 2))]!;
    const r = rand();
    const status = r < 0.8 ? STATUS.held : r < 0.95 ? STATUS.cancelled : STATUS.noShow;
    const taken = new Date(day.getTime() - (3 + Math.floor(rand() * 10)) * DAY_MS + 10 * 3_600_000);
    return {
      ...bookingFor(seeker, i, day, slot),
      takenAt: taken,
      status,
      joined: status === STATUS.held,
      invitedAt:
        status === STATUS.cancelled && rand() < 0.3 ? '' : new Date(taken.getTime() + 3_600_000),
    };
  });
}

/** The live rows: the same 86 at every size. */
export function liveRows(seekers: Seeker[], firstIndex: number): Row[] {
  const rows: Row[] = [];
  let n = 0;
  // Seekers 4000+ are used only here, one booking each, so no clash or duplicate warning.
  const seeker = (office: number) => seekers[4000 + office + 2 * n++]!;
  const yesterday = tokyo(2026, 11, 30, 16, 0);
  // This morning: 確定 at 10:00 (no 参加 → 無断キャンセル; 参加 → 実施) and 11:00 (not yet due).
  const today = tokyo(2026, 12, 1);
  for (const [slot, office, joined] of [
    ['10:00', 0, false],
    ['10:00', 1, true],
    ['11:00', 0, false],
    ['11:00', 1, false],
  ] as const) {
    rows.push({
      ...bookingFor(seeker(office), firstIndex + rows.length, today, slot),
      takenAt: tokyo(2026, 11, 25, 10),
      status: STATUS.confirmed,
      joined,
      invitedAt: tokyo(2026, 11, 25, 11),
    });
  }
  // Next three weeks: one booking per (day, slot, 窓口) — 20 ready 受付 first, then 60 確定.
  const days = weekdaysForward(tokyo(2026, 12, 2), 15);
  const slots = days.flatMap((day) =>
    SLOTS.flatMap((slot) => OFFICES.map((_, office) => ({ day, slot, office }))),
  );
  slots.slice(0, READY_ROWS + 60).forEach(({ day, slot, office }, k) => {
    const ready = k < READY_ROWS;
    rows.push({
      ...bookingFor(seeker(office), firstIndex + rows.length, day, slot),
      takenAt: ready ? yesterday : tokyo(2026, 11, 20, 10),
      status: ready ? STATUS.taken : STATUS.confirmed,
      invitedAt: ready ? '' : tokyo(2026, 11, 20, 11),
    });
  });
  // Two 受付 rows taken on 11/20 without 会議URL: not sendable, overdue since 11/23 17:15.
  for (const office of [0, 1]) {
    const { day, slot } = slots[100 + office]!;
    rows.push({
      ...bookingFor(seeker(office), firstIndex + rows.length, day, slot),
      meetingUrl: '',
      takenAt: tokyo(2026, 11, 20, 10),
      status: STATUS.taken,
      invitedAt: '',
    });
  }
  return rows;
}

export const LIVE_ROWS = 4 + READY_ROWS + 60 + 2;

export function must(result: { error?: Error }, what: string): void {
  if (result.error) throw new Error(`bench: ${what} failed: ${result.error.message}`);
}

/**
 * The register with `bookings` rows (LIVE_ROWS of them live, the rest finished), already
 * checked once (ids, チェック結果, 相談月 filled in: the steady state a real register is in).
 * With `archived`, the finished rows were moved to 予約_保管 by the product's own archive run
 * (保管までの月数 set to 1 for that run, then back to 6), so 予約 holds only the live rows.
 */
/**
 * A register as the bench starts every workbook: 初期設定 run, 倉敷中央's phone and 通知先メール set,
 * and the roster typed in (support since 2015).
 */
export function startRegister(now: Date | string): { emu: Emulator; seekers: Seeker[] } {
  const emu = new Emulator({ now, variants: BENCH_VARIANTS });
  emu.open();
  emu.ui.setDefault('accept');
  must(emu.menu('初期設定'), '初期設定');
  setSetting(emu, SETTING.phoneCentral, '086-000-0000');
  setSetting(emu, SETTING.alertTo, ALERT_TO);
  const seekers = roster();
  const rosterHeaders = emu.person.values(SHEET.roster)[0] ?? [];
  const rosterRows: Partial<Record<RosterField, CellValue>>[] = seekers.map((s) => ({
    ...s,
    supportStart: tokyo(2015, 4, 1),
  }));
  emu.person.setValues(SHEET.roster, 'A2', underHeaders(rosterHeaders, ROSTER, rosterRows));
  return { emu, seekers };
}

export const BENCH_VARIANTS = { checkboxFill: 'none' } as const;

export function buildWorkbook(
  bookings: number,
  options: { archived?: boolean } = {},
): BenchWorkbook {
  // The bench measures reads in proportion to the rows; in the checkboxFill 'false' world a checkbox
  // rule fills FALSE down the grid, so getLastRow (and every -1 read) spans the whole grid
  // instead (README, known limitations). The bench keeps the empty cells empty.
  const { emu, seekers } = startRegister(BUILT_AT);
  const rand = random(20261201);

  const finishedCount = Math.max(0, bookings - LIVE_ROWS);
  const rows = [...finishedRows(finishedCount, seekers, rand), ...liveRows(seekers, finishedCount)];
  rows.forEach((row, i) => (row.id = `Y${String(i + 1).padStart(6, '0')}`));
  const bookingHeaders = emu.person.values(SHEET.bookings)[0] ?? [];
  emu.person.setValues(SHEET.bookings, 'A2', underHeaders(bookingHeaders, BOOKING, rows));
  emu.properties.document.set('lastBookingNumber', String(rows.length));

  must(emu.menu('すべての予約をチェック'), 'the first check');
  // One tick at 09:00, so 無断キャンセル回数 and the alerts already sent are in their steady state:
  // the measured ticks then do only what a tick at NOW has to do (two 10:00 bookings to settle).
  must(emu.run(TRIGGER_HANDLERS.everyTenMinutes, [], { kind: 'time' }), 'the first tick');
  if (options.archived) {
    setSetting(emu, SETTING.archiveAfterMonths, '1');
    must(emu.menu('過去の予約を保管'), 'archiving');
    setSetting(emu, SETTING.archiveAfterMonths, '6');
  }
  // records(): rows of unticked checkboxes alone (a checkbox rule's FALSE) are no bookings.
  const live = emu.records(SHEET.bookings).length;
  const archive = emu.records(SHEET.archive).length;
  if (live + archive !== rows.length) {
    throw new Error(`bench: ${live} + ${archive} rows after archiving, expected ${rows.length}`);
  }
  return {
    snapshot: emu.snapshot(),
    documentProperties: emu.properties.document.getAll(),
    bookingRows: rows.length,
    liveRows: live,
    archivedRows: archive,
  };
}

/** A fresh emulator on a copy of the workbook, at NOW, with menus built. */
export function emulatorOn(
  workbook: BenchWorkbook,
  options: { bundle?: { code: string; filename: string } } = {},
): Emulator {
  const emu = new Emulator({
    now: NOW,
    workbook: workbook.snapshot,
    variants: BENCH_VARIANTS,
    ...(options.bundle ? { bundle: options.bundle } : {}),
  });
  emu.properties.document.setAll(workbook.documentProperties);
  return emu;
}
