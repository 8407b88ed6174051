// The demo: one working week of the register on synthetic data, run by the built bundle in the
// emulator over a real .xlsx. Everyone in it is fictional (見本, 試験, 例示 …) and every address is
// at example.jp, a domain reserved for examples. It writes out/demo.xlsx and
// out/demo.xlsx.outbox/*.eml. `--profile <name>` runs the same week for another office
// (runner/profiles/): its 窓口, slots, capacity, phones, sender names and 休業日.
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { FOLLOW_UP_LOG_ACTION } from '../src/core/followUpWords';
import { RESEND_LOG_ACTION } from '../src/core/resendWords';
import { BOOKING, LOG, SHEET, STATUS } from '../src/core/schema';
import { LOG_ACTION } from '../src/core/sendWords';
import { runWeek, WEEK_START } from './demoWeek';
import { DEFAULT_PROFILE, type OfficeProfile } from './profiles/index';
import { openSession, outboxFor, type Session } from './session';

export interface DemoOptions {
  outDir: string;
  /** The office; the shipped Kurashiki one when not given. */
  profile?: OfficeProfile;
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
  const profile = options.profile ?? DEFAULT_PROFILE;
  const workbook = join(options.outDir, 'demo.xlsx');
  const outbox = outboxFor(workbook);
  await rm(workbook, { force: true });
  await rm(`${workbook}.script-state.json`, { force: true });
  await rm(outbox, { recursive: true, force: true });
  const session = await openSession({ workbook, outbox, now: WEEK_START });
  if (profile !== DEFAULT_PROFILE)
    console.log(`事務所: ${profile.title}（--profile ${profile.name}）`);
  const ticks = runWeek(session, profile, {
    say: (line) => console.log(line),
    afterSetup: () => tidyTabs(session),
  });

  console.log('[7/7] 保存');
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
  console.log(
    `  送ったメール: ${saved.mails.length}通（${mailKinds(session, saved.mails.length)}）`,
  );
  console.log(`  ブック: ${saved.workbook}`);
  if (saved.mails.length > 0) console.log(`  メール: ${saved.mails[0]} ほか`);
}

/** The mails to job seekers by kind, from 操作ログ (one line per mail); the rest went to staff. */
function mailKinds(session: Session, total: number): string {
  const actions = session.emu.records(SHEET.log).map((r) => String(r[LOG.action]));
  const count = (action: string) => actions.filter((a) => a === action).length;
  const kinds: [string, number][] = [
    ['招待', count(LOG_ACTION.sent)],
    ['日時変更などの再送', count(RESEND_LOG_ACTION)],
    ['前日リマインダー', count(FOLLOW_UP_LOG_ACTION.reminder)],
    ['キャンセル通知', count(FOLLOW_UP_LOG_ACTION.cancelNotice)],
  ];
  const toSeekers = kinds.reduce((sum, [, n]) => sum + n, 0);
  kinds.push(['職員への通知', total - toSeekers]);
  return kinds.map(([kind, n]) => `${kind} ${n}`).join('・');
}
