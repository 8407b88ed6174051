// The demo: one working week of the register on synthetic data, run by the built bundle in the
// emulator over a real .xlsx. Everyone in it is fictional (見本, 試験, 例示 …) and every address is
// at example.jp, a domain reserved for examples. It writes out/demo.xlsx and
// out/demo.xlsx.outbox/*.eml.
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
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
import { a1 } from './a1';
import { setSetting, typeRows } from './staff';
import { openSession, outboxFor, type Session } from './session';
import { formatTokyoDay, tokyoInstant, tokyoParts } from './tokyoTime';

type Row<F extends string> = Partial<Record<F, string | boolean>>;

const OFFICER = { a: '担当 青木', b: '担当 石田', c: '担当 上野' };

const ROSTER_ROWS: Row<RosterField>[] = [
  ['33010-00000101', '見本 一郎', '倉敷わかもの', OFFICER.a],
  ['33010-00000102', '試験 花子', '倉敷わかもの', OFFICER.a],
  ['33010-00000103', '例示 三郎', '倉敷中央', OFFICER.b],
  ['33010-00000104', '仮名 四葉', '倉敷中央', OFFICER.b],
  ['33010-00000105', '見本 五月', '倉敷わかもの', OFFICER.c],
  ['33010-00000106', '試験 六助', '倉敷中央', OFFICER.c],
  ['33010-00000107', '例示 七海', '倉敷わかもの', OFFICER.a],
  ['33010-00000108', '仮名 八雲', '倉敷中央', OFFICER.b],
].map(([seekerNo, name, office, officer]) => ({
  seekerNo,
  name,
  office,
  officer,
  supportStart: '2026/04/01',
}));

const URL = (n: number) => `https://teleoffice.example.jp/meet/demo-${n}`;

/** Bookings staff take by phone on Monday morning; a few have mistakes the check explains. */
function mondayBookings(): Row<BookingField>[] {
  const booking = (
    n: number,
    seeker: number,
    date: string,
    start: string,
    extra: Row<BookingField> = {},
  ) => {
    const person = ROSTER_ROWS[seeker]!;
    return {
      channel: '電話',
      name: person.name,
      seekerNo: person.seekerNo,
      email: `demo${n}@example.jp`,
      date,
      start,
      office: person.office,
      officer: person.officer,
      meetingUrl: URL(n),
      ...extra,
    } as Row<BookingField>;
  };
  return [
    booking(1, 0, '2026/12/01', '10:00'),
    booking(2, 1, '2026/12/01', '14:00'),
    booking(3, 2, '2026/12/02', '10:00'),
    booking(4, 3, '2026/12/02', '11:00'),
    booking(5, 4, '2026/12/03', '15:00'),
    booking(6, 5, '2026/12/04', '10:00'),
    // Mistakes staff make on the phone, each explained in チェック結果:
    booking(7, 6, '2026/12/05', '10:00'), // a Saturday
    booking(8, 7, '2026/12/03', '13:00'), // not a slot
    booking(9, 0, '2026/12/01', '10:00', { seekerNo: '33010-00009999', name: '見本 九太' }), // not on the roster
    booking(10, 1, '2026/12/04', '14:00', { email: 'demo10@docomo.ne.jp' }), // carrier domain (warning; a typo domain is an error)
  ];
}

export interface DemoOptions {
  outDir: string;
}

function step(n: number, total: number, text: string): void {
  console.log(`[${n}/${total}] ${text}`);
}

/** Staff at work during the week: ticking 参加 when someone joins, a cancellation by phone. */
const STAFF_ACTIONS: { at: Date; booking: number; header: string; value: string | boolean }[] = [
  { at: tokyoInstant(2026, 12, 1, 10, 0), booking: 1, header: BOOKING.joined, value: true },
  {
    at: tokyoInstant(2026, 12, 1, 11, 0),
    booking: 4,
    header: BOOKING.status,
    value: STATUS.cancelled,
  },
  // Booking 2 (Tue 14:00) never joins and nobody phones: the tick marks it 無断キャンセル at 14:10.
  { at: tokyoInstant(2026, 12, 2, 10, 0), booking: 3, header: BOOKING.joined, value: true },
  { at: tokyoInstant(2026, 12, 3, 15, 0), booking: 5, header: BOOKING.joined, value: true },
  { at: tokyoInstant(2026, 12, 4, 10, 0), booking: 6, header: BOOKING.joined, value: true },
];

function staffActions(session: Session, at: Date): void {
  for (const action of STAFF_ACTIONS.filter((a) => a.at.getTime() === at.getTime())) {
    const values = session.emu.person.values(SHEET.bookings);
    const headers = (values[0] ?? []).map(String);
    const urlColumn = headers.indexOf(BOOKING.meetingUrl);
    const row = values.findIndex((r) => r[urlColumn] === URL(action.booking)) + 1;
    const column = headers.indexOf(action.header) + 1;
    if (row < 1 || column < 1) continue;
    session.emu.edit(SHEET.bookings, a1(row, column), [[action.value]]);
  }
}

/**
 * A new Google spreadsheet starts with one empty シート1 (the emulator makes it too), and 初期設定
 * adds its sheets after it, 設定 first. The script leaves シート1 alone — it never deletes a sheet
 * it did not make — so, as a clerk does once after 初期設定, the demo deletes the empty tab and
 * drags 予約, the sheet staff work in, to the front.
 */
function tidyTabs(session: Session): void {
  const workbook = session.emu.workbook;
  const first = workbook.sheetByName('シート1');
  if (first && session.emu.person.values('シート1').every((row) => row.every((v) => v === ''))) {
    workbook.removeSheet(first);
  }
  const bookings = workbook.sheetByName(SHEET.bookings);
  if (bookings) workbook.sheets = [bookings, ...workbook.sheets.filter((s) => s !== bookings)];
  console.log(`      空のシート1を削除し、「${SHEET.bookings}」を先頭へ`);
}

export async function runDemo(options: DemoOptions): Promise<void> {
  const workbook = join(options.outDir, 'demo.xlsx');
  const outbox = outboxFor(workbook);
  await rm(workbook, { force: true });
  await rm(`${workbook}.script-state.json`, { force: true });
  await rm(outbox, { recursive: true, force: true });
  const monday = tokyoInstant(2026, 11, 30, 9, 0);
  const session = await openSession({ workbook, outbox, now: monday });
  const emu = session.emu;
  const total = 7;

  step(1, total, `${formatTokyoDay(monday)} 09:00 初期設定（シート・入力規則・保護・トリガー）`);
  session.menu('初期設定');
  tidyTabs(session);
  setSetting(session.emu, SETTING.phoneCentral, '086-000-0000');
  setSetting(session.emu, SETTING.alertTo, 'staff@example.jp');
  setSetting(session.emu, SETTING.autoSend, 'はい');

  step(
    2,
    total,
    `対象者 ${ROSTER_ROWS.length}名、電話で受けた予約 ${mondayBookings().length}件を入力`,
  );
  typeRows(session.emu, SHEET.roster, ROSTER, ROSTER_ROWS);
  emu.advance({ minutes: 20 });
  typeRows(session.emu, SHEET.bookings, BOOKING, mondayBookings());

  step(3, total, 'すべての予約をチェック');
  emu.advance({ minutes: 5 });
  session.menu('すべての予約をチェック');

  step(4, total, '招待メールを送信');
  session.menu('招待メールを送信');

  step(5, total, '1週間の自動実行（10分ごと）: 無断キャンセル・送信漏れの確認');
  const end = tokyoInstant(2026, 12, 5, 0, 0);
  // Apps Script's 10-minute trigger: on the :00, :10, :20 … of each hour.
  emu.setTime(tokyoInstant(2026, 11, 30, 10, 0));
  let ticks = 0;
  while (emu.clock.nowMs() < end.getTime()) {
    staffActions(session, emu.clock.now());
    session.trigger(TRIGGER_HANDLERS.everyTenMinutes);
    ticks++;
    emu.advance({ minutes: 10 });
    const p = tokyoParts(emu.clock.now());
    if (p.hour === 18 && p.minute === 0)
      console.log(`      ${formatTokyoDay(emu.clock.now())} まで ${ticks} 回実行`);
  }

  step(6, total, '月次集計を更新');
  session.menu('月次集計を更新');

  step(7, total, '保存');
  const saved = await session.save();
  summarize(session, ticks, saved);
}

function summarize(
  session: Session,
  ticks: number,
  saved: { workbook: string; mails: string[] },
): void {
  const rows = session.emu.records(SHEET.bookings);
  const byStatus = new Map<string, number>();
  for (const r of rows) {
    const status = String(r[BOOKING.status] || STATUS.taken);
    byStatus.set(status, (byStatus.get(status) ?? 0) + 1);
  }
  const flagged = rows.filter((r) => String(r[BOOKING.checkResult]).includes('エラー:')).length;
  console.log('');
  console.log('まとめ');
  console.log(`  予約 ${rows.length}件: ${[...byStatus].map(([s, n]) => `${s} ${n}`).join('、')}`);
  console.log(`  チェックでエラーの残る予約: ${flagged}件`);
  console.log(`  自動実行: ${ticks}回`);
  console.log(`  送ったメール: ${saved.mails.length}通（招待・職員への通知）`);
  console.log(`  ブック: ${saved.workbook}`);
  if (saved.mails.length > 0) console.log(`  メール: ${saved.mails[0]} ほか`);
}
