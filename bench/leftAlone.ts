// "Left alone" (issue 17 §2): the register after one or three years of the office's volume
// (eight bookings a business day: 4 slots × 2 窓口) with nobody ever picking 過去の予約を保管.
// Each month's finished bookings are typed in after the month, and the monthly trigger fires on
// the 1st at 05:00, as in production: with 設定 自動保管 はい (as shipped) it archives before
// 月次集計; with いいえ the history stays in 予約. Then the same 86 live rows as the main bench,
// checked and ticked at 09:00, and the daily operations measured at NOW.
import { Emulator } from '../emulator/index';
import { BOOKING, LOG, SETTING, SHEET, TRIGGER_HANDLERS } from '../src/core/schema';
import { dayOf } from '../src/core/time';
import { setSetting, underHeaders } from '../runner/staff';
import { CENTRAL, predictSeconds } from './costModel';
import { measure, type Sample, summarize, type Summary } from './measure';
import { type Operation, OPERATIONS } from './operations';
import {
  type BenchWorkbook,
  BUILT_AT,
  emulatorOn,
  finishedRows,
  isWeekday,
  liveRows,
  must,
  random,
  ROSTER_SIZE,
  type Row,
  startRegister,
  tokyo,
} from './workbook';

const DAY_MS = 86_400_000;
const PER_DAY = 8;
const MONTHLY = TRIGGER_HANDLERS.monthly;

export const LEFT_ALONE_CASES = [
  { key: '1y', label: '1 year, 自動保管 はい', years: 1, autoArchive: true },
  { key: '3y', label: '3 years, 自動保管 はい', years: 3, autoArchive: true },
  { key: '3y-off', label: '3 years, 自動保管 いいえ', years: 3, autoArchive: false },
] as const;

/** The monthly run of 2027-01-01 05:00: archives June 2026 (when はい) and rebuilds 月次集計. */
const MONTHLY_TICK: Operation = {
  key: 'monthlyTick',
  label: '毎月1日の処理 (保管+月次集計)',
  prepare: (emu) => emu.setTime('2027-01-01T05:00:00+09:00'),
  run: (emu) => emu.run(MONTHLY, [], { kind: 'time' }),
};

const MEASURED: readonly Operation[] = [
  ...OPERATIONS.filter((op) => ['checkAll', 'tickQuiet', 'freeSlots'].includes(op.key)),
  MONTHLY_TICK,
];

export interface LeftAloneResult extends Summary {
  case: string;
  op: string;
  label: string;
  liveRows: number;
  archivedRows: number;
  monthlyRuns: number;
  predictedSeconds: number;
}

function businessDays(from: Date, to: Date): number {
  let n = 0;
  for (let t = from.getTime(); t < to.getTime(); t += DAY_MS) if (isWeekday(new Date(t))) n++;
  return n;
}

function append(emu: Emulator, rows: readonly Row[]): void {
  const headers = emu.person.values(SHEET.bookings)[0] ?? [];
  const at = emu.records(SHEET.bookings).length + 2;
  emu.person.setValues(SHEET.bookings, `A${at}`, underHeaders(headers, BOOKING, rows));
}

function monthly(emu: Emulator, at: Date): void {
  emu.setTime(new Date(at.getTime() + 5 * 3_600_000));
  must(emu.run(MONTHLY, [], { kind: 'time' }), `the monthly run of ${at.toISOString()}`);
}

/** Built through the product's own triggers, month by month; returns the steady-state copy. */
export function buildLeftAlone(
  years: number,
  autoArchive: boolean,
): BenchWorkbook & { monthlyRuns: number } {
  const start = tokyo(2026 - years, 11, 1);
  const { emu, seekers } = startRegister(start);
  if (!autoArchive) setSetting(emu, SETTING.autoArchive, 'いいえ');

  const count = PER_DAY * businessDays(start, tokyo(2026, 11, 1));
  const history = finishedRows(count, seekers, random(20261201));
  const rows = [...history, ...liveRows(seekers, count)];
  rows.forEach((row, i) => (row.id = `Y${String(i + 1).padStart(6, '0')}`));
  emu.properties.document.set('lastBookingNumber', String(rows.length));
  let runs = 0;
  // Typed in after each month; the trigger of the 1st follows.
  for (let month = 0; month < 12 * years; month++) {
    const first = tokyo(2026 - years, 11 + month, 1);
    const key = dayOf(first).slice(0, 7);
    append(
      emu,
      history.filter((row) => dayOf(row.date as Date).startsWith(key)),
    );
    monthly(emu, tokyo(2026 - years, 12 + month, 1));
    runs++;
  }
  append(emu, rows.slice(count));
  monthly(emu, tokyo(2026, 12, 1));
  runs++;
  emu.setTime(BUILT_AT);
  must(emu.menu('すべての予約をチェック'), 'the check');
  must(emu.run(TRIGGER_HANDLERS.everyTenMinutes, [], { kind: 'time' }), 'the tick');

  const live = emu.records(SHEET.bookings).length;
  const archive = emu.records(SHEET.archive).length;
  if (live + archive !== rows.length) {
    throw new Error(`bench: left alone, ${live} + ${archive} rows, expected ${rows.length}`);
  }
  const logged = emu.records(SHEET.log).filter((r) => r[LOG.action] === '月次集計を更新').length;
  if (logged !== runs) throw new Error(`bench: ${logged} monthly runs logged, ${runs} fired`);
  return {
    snapshot: emu.snapshot(),
    documentProperties: emu.properties.document.getAll(),
    bookingRows: rows.length,
    liveRows: live,
    archivedRows: archive,
    monthlyRuns: runs,
  };
}

export function runLeftAlone(
  runs: number,
  progress: (message: string) => void,
): { results: LeftAloneResult[]; lines: string[] } {
  const results: LeftAloneResult[] = [];
  for (const c of LEFT_ALONE_CASES) {
    const t = Date.now();
    const workbook = buildLeftAlone(c.years, c.autoArchive);
    progress(
      `left alone, ${c.label}: 予約 ${workbook.liveRows}, 予約_保管 ${workbook.archivedRows} ` +
        `after ${workbook.monthlyRuns} monthly runs (${Date.now() - t} ms)`,
    );
    for (const op of MEASURED) {
      const samples: Sample[] = [];
      for (let i = 0; i < runs; i++) {
        const emu = emulatorOn(workbook);
        op.prepare(emu);
        samples.push(measure(emu, op.run));
      }
      const summary = summarize(samples);
      results.push({
        case: c.key,
        op: op.key,
        label: op.label,
        ...summary,
        liveRows: workbook.liveRows,
        archivedRows: workbook.archivedRows,
        monthlyRuns: workbook.monthlyRuns,
        predictedSeconds: predictSeconds({ ...summary, cpuMs: summary.cpuMsMedian }, CENTRAL),
      });
    }
  }
  return { results, lines: report(results) };
}

function report(results: readonly LeftAloneResult[]): string[] {
  const lines = [
    `Left alone (${PER_DAY} bookings a business day, roster ${ROSTER_SIZE}; nobody runs 過去の予約を保管):`,
  ];
  for (const c of LEFT_ALONE_CASES) {
    const of = results.filter((r) => r.case === c.key);
    const first = of[0]!;
    lines.push(
      `  ${c.label}: 予約 ${first.liveRows} rows, 予約_保管 ${first.archivedRows} (${first.monthlyRuns} monthly runs)`,
    );
    for (const r of of) {
      lines.push(
        `    ${r.label.padEnd(28)} ${String(r.spreadsheetCalls).padStart(3)} calls, ` +
          `${r.cellsRead.toLocaleString('en-US').padStart(9)} cells read, ` +
          `${r.cpuMsMedian.toFixed(0).padStart(5)} ms CPU, ≈ ${r.predictedSeconds.toFixed(1)} GAS s`,
      );
    }
  }
  return lines;
}
