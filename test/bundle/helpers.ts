// Shared set-up for bundle tests: a spreadsheet after 初期設定 with a roster, settings and
// bookings typed in as staff would type them (by header, never by column position).
import { expect } from 'vitest';
import type { Emulator } from '../../emulator/index';
import type { Variants } from '../../emulator/variants';
import type { BookingForm } from '../../src/ui/shared/sidebarApi';
import { setSetting, typeRows } from '../../runner/staff';
import { createEmulator } from '../world';

export { setSetting };
import {
  BOOKING,
  type BookingField,
  ROSTER,
  type RosterField,
  SETTING,
  SHEET,
} from '../../src/core/schema';

/** Tuesday 2026-12-01, 09:00 in Tokyo: a business day with business days around it. */
export const START = '2026-12-01T09:00:00+09:00';

export const SAMPLE_ROSTER: Partial<Record<RosterField, string | boolean>>[] = [
  {
    seekerNo: '33010-00000001',
    name: '見本 一郎',
    office: '倉敷わかもの',
    officer: '担当 甲',
    supportStart: '2026/04/01',
  },
  {
    seekerNo: '33010-00000002',
    name: '試験 花子',
    office: '倉敷中央',
    officer: '担当 乙',
    supportStart: '2026/04/01',
  },
  {
    seekerNo: '33010-00000003',
    name: '例示 三郎',
    office: '倉敷わかもの',
    officer: '担当 丙',
    supportStart: '2026/04/01',
  },
  {
    seekerNo: '33010-00000004',
    name: '仮名 四子',
    office: '倉敷中央',
    officer: '担当 丁',
    supportStart: '2026/04/01',
  },
];

/** A booking that passes every check on START: Wednesday 2026-12-02 10:00 at 倉敷わかもの. */
export function bookingRow(
  overrides: Partial<Record<BookingField, string | boolean>> = {},
): Partial<Record<BookingField, string | boolean>> {
  return {
    channel: '電話',
    name: '見本 一郎',
    seekerNo: '33010-00000001',
    email: 'ichiro@example.jp',
    date: '2026/12/02',
    start: '10:00',
    office: '倉敷わかもの',
    officer: '担当 甲',
    meetingUrl: 'https://teleoffice.example.jp/meet/abc123',
    ...overrides,
  };
}

const SAMPLE_ADDRESSES = [
  'ichiro@example.jp',
  'hanako@example.jp',
  'saburo@example.jp',
  'shiko@example.jp',
];

/** A clean booking for the n-th person of SAMPLE_ROSTER: their 氏名, 求職番号, 窓口, 担当者, an address. */
export function bookingOf(
  n: number,
  overrides: Partial<Record<BookingField, string | boolean>> = {},
): Partial<Record<BookingField, string | boolean>> {
  const person = SAMPLE_ROSTER[n]!;
  return bookingRow({
    seekerNo: String(person.seekerNo),
    name: String(person.name),
    office: String(person.office),
    officer: String(person.officer),
    email: SAMPLE_ADDRESSES[n]!,
    ...overrides,
  });
}

/** Three bookings on Wednesday 12/2 that pass every check (distinct slots or 窓口). */
export const READY_BOOKINGS = [bookingOf(0), bookingOf(1), bookingOf(2, { start: '11:00' })];

export interface EmulatorChoice {
  now?: string;
  mailQuota?: number;
  /** Pin an undocumented answer for a test about one of its alternatives. */
  variants?: Partial<Variants>;
}

export function newEmulator(options: EmulatorChoice = {}): Emulator {
  return createEmulator({
    now: options.now ?? START,
    ...(options.mailQuota !== undefined ? { mailQuota: options.mailQuota } : {}),
    ...(options.variants !== undefined ? { variants: options.variants } : {}),
  });
}

/** Opens the spreadsheet and runs 初期設定, saying yes to its questions. */
export function setUp(emu: Emulator): void {
  emu.open();
  // Not queued: 初期設定 asks only when triggers belong to someone else; the default answer
  // (YES to a question, OK to the report) fits whichever dialogs it shows.
  emu.ui.setDefault('accept');
  emu.menu('初期設定');
}

export function typeRoster(emu: Emulator, rows = SAMPLE_ROSTER): number {
  return typeRows(emu, SHEET.roster, ROSTER, rows);
}

/** Types bookings; returns the sheet row of the first one. */
export function typeBookings(
  emu: Emulator,
  rows: readonly Partial<Record<BookingField, string | boolean>>[],
): number {
  return typeRows(emu, SHEET.bookings, BOOKING, rows);
}

/** A spreadsheet after 初期設定 with the sample roster and the given bookings typed in. */
export function workbookWith(
  bookings: readonly Partial<Record<BookingField, string | boolean>>[],
  options: EmulatorChoice = {},
): Emulator {
  const emu = newEmulator(options);
  setUp(emu);
  // The one setting 初期設定 cannot know (a fictional number: the real one is the office's to enter).
  setSetting(emu, '電話番号（倉敷中央）', '086-000-0000');
  typeRoster(emu);
  if (bookings.length > 0) typeBookings(emu, bookings);
  return emu;
}

/** 予約 rows as { header: value } objects. */
export function bookings(emu: Emulator): Record<string, unknown>[] {
  return emu.records(SHEET.bookings);
}

/** Types rows into 予約_保管 under its headers (as if an earlier archive run had put them there). */
export function typeArchivedBookings(
  emu: Emulator,
  rows: readonly Partial<Record<BookingField, string | boolean>>[],
): number {
  return typeRows(emu, SHEET.archive, BOOKING, rows);
}

/** What the sidebar's form sends for a bookable 12/2 11:00 at 倉敷わかもの (override any field). */
export function sidebarForm(overrides: Partial<BookingForm> = {}): BookingForm {
  return {
    date: '2026-12-02',
    start: '11:00',
    office: '倉敷わかもの',
    name: '例示 三郎',
    seekerNo: '33010-00000003',
    email: 'saburo@example.jp',
    meetingUrl: 'https://teleoffice.example.jp/meet/def456',
    channel: '電話',
    ...overrides,
  };
}

/** An office that can send: 返信先 set (the rest as 初期設定 left it). */
export function office(emu: Emulator): Emulator {
  setSetting(emu, SETTING.replyTo, 'soudan@hellowork.example.jp');
  return emu;
}

/** 招待メールを送信, confirmed with はい; the run must not fail. */
export function send(emu: Emulator): void {
  emu.ui.queueResponse('YES');
  const run = emu.menu('招待メールを送信');
  expect(run.error).toBeUndefined();
}

/** The column letter of `header` in 予約's header row, as the person sees it. */
export function column(emu: Emulator, header: string): string {
  const index = (emu.person.values(SHEET.bookings)[0] ?? []).map(String).indexOf(header);
  if (index < 0) throw new Error(`no column ${header}`);
  return String.fromCharCode(65 + index);
}
