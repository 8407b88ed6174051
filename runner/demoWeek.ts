// The demo's working week, for any office profile: 初期設定 and the office's 設定 and 休業日,
// the roster and the bookings staff take by phone on Monday (a few with mistakes), the check,
// the send, a week of 10-minute ticks with staff ticking 参加 and one cancellation, 月次集計.
// runner/demo.ts runs it over an .xlsx; test/bundle/anotherOffice.test.ts runs it in the emulator.
import type { Emulator } from '../emulator/index';
import {
  BOOKING,
  type BookingField,
  CLOSED_DAY,
  ROSTER,
  type RosterField,
  SETTING,
  SHEET,
  STATUS,
  TRIGGER_HANDLERS,
} from '../src/core/schema';
import { a1 } from './a1';
import type { OfficeProfile } from './profiles/types';
import { setSetting, typeRows } from './staff';
import { formatTokyoDay, tokyoInstant, tokyoParts } from './tokyoTime';

type Row<F extends string> = Partial<Record<F, string | boolean>>;

/** What the week needs of a session: the emulator, a menu item and a trigger as Apps Script runs them. */
export interface WeekDriver {
  emu: Emulator;
  menu(caption: string): unknown;
  trigger(handler: string): unknown;
}

export const OFFICER = { a: '担当 青木', b: '担当 石田', c: '担当 上野' };

const PEOPLE: [seekerNo: string, name: string, officer: string][] = [
  ['33010-00000101', '見本 一郎', OFFICER.a],
  ['33010-00000102', '試験 花子', OFFICER.a],
  ['33010-00000103', '例示 三郎', OFFICER.b],
  ['33010-00000104', '仮名 四葉', OFFICER.b],
  ['33010-00000105', '見本 五月', OFFICER.c],
  ['33010-00000106', '試験 六助', OFFICER.c],
  ['33010-00000107', '例示 七海', OFFICER.a],
  ['33010-00000108', '仮名 八雲', OFFICER.b],
];

export function rosterRows(profile: OfficeProfile): Row<RosterField>[] {
  return PEOPLE.map(([seekerNo, name, officer], i) => ({
    seekerNo,
    name,
    office: profile.rosterOffices[i]!,
    officer,
    supportStart: '2026/04/01',
  }));
}

export const meetingUrl = (n: number) => `https://teleoffice.example.jp/meet/demo-${n}`;

/** The profile's slots as typed (開始時刻), or the shipped ones. */
export function profileSlots(profile: OfficeProfile): string[] {
  const typed = profile.layout.find(([key]) => key === SETTING.slots)?.[1];
  return (typed ?? '10:00,11:00,14:00,15:00').split(',').map((s) => s.trim());
}

/** Bookings staff take by phone on Monday morning; a few have mistakes the check explains. */
export function mondayBookings(profile: OfficeProfile): Row<BookingField>[] {
  const roster = rosterRows(profile);
  const slots = profileSlots(profile);
  const at = (start: number | string) =>
    typeof start === 'number' ? slots[start % slots.length]! : start;
  const booking = (
    n: number,
    seeker: number,
    date: string,
    start: number | string,
    extra: Row<BookingField> = {},
  ) => {
    const person = roster[seeker]!;
    return {
      channel: '電話',
      name: person.name,
      seekerNo: person.seekerNo,
      email: `demo${n}@example.jp`,
      date,
      start: at(start),
      office: person.office,
      officer: person.officer,
      meetingUrl: meetingUrl(n),
      ...extra,
    } as Row<BookingField>;
  };
  // Slot indexes: as shipped 0 = 10:00, 1 = 11:00, 2 = 14:00, 3 = 15:00.
  return [
    booking(1, 0, '2026/12/01', 0),
    booking(2, 1, '2026/12/01', 2),
    booking(3, 2, '2026/12/02', 0),
    booking(4, 3, '2026/12/02', 1),
    booking(5, 4, '2026/12/03', 3),
    booking(6, 5, '2026/12/04', 0),
    // Mistakes staff make on the phone, each explained in チェック結果:
    booking(7, 6, '2026/12/05', 0), // a Saturday
    booking(8, 7, '2026/12/03', profile.notASlot), // not a slot
    booking(9, 0, '2026/12/01', 0, { seekerNo: '33010-00009999', name: '見本 九太' }), // not on the roster
    booking(10, 1, '2026/12/04', 2, { email: 'demo10@docomo.ne.jp' }), // carrier domain (warning; a typo domain is an error)
    ...profile.extraBookings.map((b, i) =>
      booking(11 + i, b.seeker, b.date, b.start, b.officer ? { officer: b.officer } : {}),
    ),
  ];
}

/** Booking 6 is moved by phone on Wednesday to the profile's second slot, and re-sent at once. */
export const MOVED = { booking: 6, slot: 1, at: tokyoInstant(2026, 12, 2, 10, 0) };

/** A staff action: a cell typed, and (for a moved booking) 招待メールを再送 on its row. */
export interface StaffAction {
  at: Date;
  booking: number;
  header: string;
  value: string | boolean;
  resend?: true;
}

/** Staff at work during the week: ticking 参加 when someone joins, a cancellation, a move. */
export function staffActions(profile: OfficeProfile): StaffAction[] {
  const bookings = mondayBookings(profile);
  const movedTo = profileSlots(profile)[MOVED.slot]!;
  // Bookings 1, 3, 5 and 6 join at their start; booking 4 is cancelled by phone on Tuesday.
  // Booking 2 never joins and nobody phones: the tick marks it 無断キャンセル 10 minutes in.
  const joinsAt = (n: number): StaffAction => {
    const b = bookings[n - 1]!;
    const [y, m, d] = String(b.date).split('/').map(Number);
    const start = n === MOVED.booking ? movedTo : String(b.start);
    const [hh, mm] = start.split(':').map(Number);
    return {
      at: tokyoInstant(y!, m!, d!, hh!, mm!),
      booking: n,
      header: BOOKING.joined,
      value: true,
    };
  };
  return [
    joinsAt(1),
    {
      at: tokyoInstant(2026, 12, 1, 11, 0),
      booking: 4,
      header: BOOKING.status,
      value: STATUS.cancelled,
    },
    { at: MOVED.at, booking: MOVED.booking, header: BOOKING.start, value: movedTo, resend: true },
    joinsAt(3),
    joinsAt(5),
    joinsAt(6),
  ];
}

function act(driver: WeekDriver, profile: OfficeProfile, at: Date): void {
  for (const action of staffActions(profile).filter((a) => a.at.getTime() === at.getTime())) {
    const values = driver.emu.person.values(SHEET.bookings);
    const headers = (values[0] ?? []).map(String);
    const urlColumn = headers.indexOf(BOOKING.meetingUrl);
    const row = values.findIndex((r) => r[urlColumn] === meetingUrl(action.booking)) + 1;
    const column = headers.indexOf(action.header) + 1;
    if (row < 1 || column < 1) continue;
    driver.emu.edit(SHEET.bookings, a1(row, column), [[action.value]]);
    if (action.resend) {
      // The person selects the moved booking's row and sends it the new time (【日時変更】).
      driver.emu.select(SHEET.bookings, [a1(row, column)]);
      driver.menu('招待メールを再送');
    }
  }
}

/** The office's own 設定 and 休業日, typed after the first 初期設定 (which runs again if 窓口 … changed). */
export function applyProfile(
  driver: WeekDriver,
  profile: OfficeProfile,
  say: (s: string) => void,
): void {
  for (const [key, value] of profile.layout) setSetting(driver.emu, key, value);
  if (profile.layout.length > 0) {
    say(
      `      設定: ${profile.layout.map(([k, v]) => `${k}=${v}`).join('、')} → 初期設定をもう一度`,
    );
    driver.menu('初期設定');
  }
  for (const [key, value] of profile.settings) setSetting(driver.emu, key, value);
  if (profile.closedDays.length > 0) {
    typeRows(
      driver.emu,
      SHEET.closedDays,
      CLOSED_DAY,
      profile.closedDays.map((d) => ({ date: d.date, office: d.office, reason: d.reason })),
    );
    say(
      `      休業日: ${profile.closedDays.map((d) => `${d.date} ${d.office || 'すべての窓口'} ${d.reason}`).join('、')}`,
    );
  }
}

export interface WeekOptions {
  say?: (line: string) => void;
  /** Between 初期設定 and the office's settings (the demo tidies the tabs here). */
  afterSetup?: () => void;
  /** After すべての予約をチェック, before the send (a test reads チェック結果 here). */
  afterCheck?: () => void;
}

/** Runs the week; returns the number of ticks. The clock must stand at Monday 2026-11-30 09:00. */
export function runWeek(
  driver: WeekDriver,
  profile: OfficeProfile,
  options: WeekOptions = {},
): number {
  const say = options.say ?? (() => undefined);
  const emu = driver.emu;
  const total = 7;
  const step = (n: number, text: string) => say(`[${n}/${total}] ${text}`);
  const bookings = mondayBookings(profile);
  const roster = rosterRows(profile);

  step(1, `${formatTokyoDay(emu.clock.now())} 09:00 初期設定（シート・入力規則・保護・トリガー）`);
  driver.menu('初期設定');
  options.afterSetup?.();
  applyProfile(driver, profile, say);
  setSetting(emu, SETTING.alertTo, 'staff@example.jp');
  setSetting(emu, SETTING.autoSend, 'はい');
  setSetting(emu, SETTING.reminder, 'はい');
  setSetting(emu, SETTING.cancelNotice, 'はい');
  say('      設定: 招待メール自動送信・前日リマインダー・キャンセル通知を「はい」に');

  step(2, `対象者 ${roster.length}名、電話で受けた予約 ${bookings.length}件を入力`);
  typeRows(emu, SHEET.roster, ROSTER, roster);
  emu.advance({ minutes: 20 });
  typeRows(emu, SHEET.bookings, BOOKING, bookings);

  step(3, 'すべての予約をチェック');
  emu.advance({ minutes: 5 });
  driver.menu('すべての予約をチェック');
  options.afterCheck?.();

  step(4, '招待メールを送信');
  driver.menu('招待メールを送信');

  step(
    5,
    '1週間の自動実行（10分ごと）: 前日リマインダー・キャンセル通知・無断キャンセル・送信漏れの確認。水曜に予約6の時刻変更と再送',
  );
  const end = tokyoInstant(2026, 12, 5, 0, 0);
  // Apps Script's 10-minute trigger: on the :00, :10, :20 … of each hour.
  emu.setTime(tokyoInstant(2026, 11, 30, 10, 0));
  let ticks = 0;
  while (emu.clock.nowMs() < end.getTime()) {
    act(driver, profile, emu.clock.now());
    driver.trigger(TRIGGER_HANDLERS.everyTenMinutes);
    ticks++;
    emu.advance({ minutes: 10 });
    const p = tokyoParts(emu.clock.now());
    if (p.hour === 18 && p.minute === 0)
      say(`      ${formatTokyoDay(emu.clock.now())} まで ${ticks} 回実行`);
  }

  step(6, '月次集計を更新');
  driver.menu('月次集計を更新');
  return ticks;
}

/** Monday 2026-11-30 09:00 in Tokyo, when the week starts. */
export const WEEK_START = tokyoInstant(2026, 11, 30, 9, 0);
