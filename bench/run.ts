// npm run bench: the booking register at 1,000 / 10,000 / 50,000 bookings, every operation on
// the built dist/Code.js in the emulator, with and without the history archived, plus the
// per-cell comparison and the Apps Script cost model. Prints a table, writes bench/results.json.
//
// Environment: BENCH_SIZES=1000,10000 (default 1000,10000,50000; 0 for none), BENCH_RUNS=5,
// BENCH_NAIVE_MAX=10000 (largest size the per-cell comparison runs at), BENCH_LEFT_ALONE=0
// (skips the registers left alone for one and three years, bench/leftAlone.ts).
import { readFileSync, writeFileSync } from 'node:fs';
import vm from 'node:vm';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { statSync } from 'node:fs';
import {
  CENTRAL,
  PESSIMISTIC,
  predictSeconds,
  QUOTA,
  TICKS_PER_DAY,
  tickBudget,
} from './costModel';
import { measure, type Sample, summarize, type Summary } from './measure';
import { runLeftAlone } from './leftAlone';
import { NAIVE_CODE, NAIVE_FILENAME } from './naive';
import { NAIVE_OPERATIONS, type Operation, OPERATIONS } from './operations';
import { type BenchWorkbook, buildWorkbook, emulatorOn } from './workbook';

const here = path.dirname(fileURLToPath(import.meta.url));
const SIZES = (process.env.BENCH_SIZES ?? '1000,10000,50000')
  .split(',')
  .map(Number)
  .filter((n) => n > 0);
const LEFT_ALONE = process.env.BENCH_LEFT_ALONE !== '0';
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const NAIVE_MAX = Number(process.env.BENCH_NAIVE_MAX ?? 10_000);

type Scenario = 'full' | 'archived';

interface OpResult extends Summary {
  size: number;
  scenario: Scenario;
  op: string;
  label: string;
  predictedSeconds: number;
  predictedSecondsPessimistic: number;
}

interface Comparison {
  size: number;
  op: string;
  naive: Summary;
  ours: Summary;
  callRatio: number;
  cpuRatio: number;
  predictedSecondsNaive: number;
  predictedSecondsOurs: number;
}

const started = Date.now();
function progress(message: string): void {
  const seconds = ((Date.now() - started) / 1000).toFixed(1).padStart(6);
  process.stderr.write(`[${seconds}s] ${message}\n`);
}

function runOperation(
  workbook: BenchWorkbook,
  op: Operation,
  runs: number,
  bundle?: { code: string; filename: string },
): Summary {
  const samples: Sample[] = [];
  for (let i = 0; i < runs; i++) {
    const emu = emulatorOn(workbook, bundle ? { bundle } : {});
    op.prepare(emu);
    samples.push(measure(emu, op.run));
  }
  return summarize(samples);
}

function predicted(s: Summary, c = CENTRAL): number {
  return predictSeconds({ ...s, cpuMs: s.cpuMsMedian }, c);
}

const results: OpResult[] = [];
const comparisons: Comparison[] = [];
const builds: {
  size: number;
  scenario: Scenario;
  ms: number;
  liveRows: number;
  archivedRows: number;
}[] = [];

for (const size of SIZES) {
  for (const scenario of ['full', 'archived'] as const) {
    const t = Date.now();
    progress(`${size} bookings, ${scenario}: building the workbook`);
    const workbook = buildWorkbook(size, { archived: scenario === 'archived' });
    builds.push({
      size,
      scenario,
      ms: Date.now() - t,
      liveRows: workbook.liveRows,
      archivedRows: workbook.archivedRows,
    });
    progress(
      `  予約 ${workbook.liveRows} rows, 予約_保管 ${workbook.archivedRows} rows (${Date.now() - t} ms)`,
    );
    for (const op of OPERATIONS) {
      const summary = runOperation(workbook, op, RUNS);
      results.push({
        size,
        scenario,
        op: op.key,
        label: op.label,
        ...summary,
        predictedSeconds: predicted(summary),
        predictedSecondsPessimistic: predicted(summary, PESSIMISTIC),
      });
      progress(
        `  ${op.label}: ${summary.spreadsheetCalls} calls, ${summary.cellsRead} read, ` +
          `${summary.cellsWritten} written, ${summary.cpuMsMedian.toFixed(0)} ms`,
      );
    }
    if (scenario === 'full' && size <= NAIVE_MAX) {
      const bundle = { code: NAIVE_CODE, filename: NAIVE_FILENAME };
      const runs = size <= 1000 ? RUNS : Math.min(RUNS, 3);
      for (const op of NAIVE_OPERATIONS) {
        const naive = runOperation(workbook, op, runs, bundle);
        const ours = results.find(
          (r) => r.size === size && r.scenario === 'full' && r.op === op.key,
        )!;
        comparisons.push({
          size,
          op: op.key,
          naive,
          ours,
          callRatio: naive.spreadsheetCalls / ours.spreadsheetCalls,
          cpuRatio: naive.cpuMsMedian / ours.cpuMsMedian,
          predictedSecondsNaive: predicted(naive),
          predictedSecondsOurs: ours.predictedSeconds,
        });
        progress(
          `  naive ${op.key}: ${naive.spreadsheetCalls} calls, ${naive.cpuMsMedian.toFixed(0)} ms`,
        );
      }
    }
  }
}

// Three runs each: its counters are what matter (CPU is the same order as the main table's).
const leftAlone = LEFT_ALONE ? runLeftAlone(Math.min(RUNS, 3), progress) : null;

// ---------------------------------------------------------------------------------------------
// Report

const pad = (s: string | number, n: number) => String(s).padStart(n);
const padEnd = (s: string, n: number) => {
  // East Asian wide characters take two columns in a terminal.
  const width = [...s].reduce((w, ch) => w + (/[\u3000-\uff60]/.test(ch) ? 2 : 1), 0);
  return s + ' '.repeat(Math.max(0, n - width));
};
const fmt = (n: number) => n.toLocaleString('en-US');

const lines: string[] = [];
lines.push(
  `${padEnd('operation', 32)} ${pad('rows', 6)} ${pad('scenario', 8)} ${pad('calls', 6)} ${pad('data', 5)} ` +
    `${pad('cells read', 11)} ${pad('written', 8)} ${pad('CPU ms', 8)} ${pad('heap MB', 8)} ${pad('≈ GAS s', 8)}`,
);
for (const r of results) {
  lines.push(
    `${padEnd(r.label, 32)} ${pad(r.size, 6)} ${pad(r.scenario, 8)} ${pad(r.spreadsheetCalls, 6)} ${pad(r.dataCalls, 5)} ` +
      `${pad(fmt(r.cellsRead), 11)} ${pad(fmt(r.cellsWritten), 8)} ${pad(r.cpuMsMedian.toFixed(0), 8)} ` +
      `${pad(r.peakHeapMb.toFixed(1), 8)} ${pad(r.predictedSeconds.toFixed(1), 8)}` +
      (r.deterministic ? '' : '  (counters varied between runs!)'),
  );
}
lines.push('');
lines.push('Per-cell approach (bench/naive.ts) against ours, same workbook, same emulator:');
for (const c of comparisons) {
  lines.push(
    `  ${c.op.padEnd(8)} ${pad(c.size, 6)} rows: calls ${fmt(c.naive.spreadsheetCalls)} vs ${c.ours.spreadsheetCalls} ` +
      `(×${c.callRatio.toFixed(0)}), CPU ${c.naive.cpuMsMedian.toFixed(0)} vs ${c.ours.cpuMsMedian.toFixed(0)} ms ` +
      `(×${c.cpuRatio.toFixed(1)}), ≈ Apps Script ${c.predictedSecondsNaive.toFixed(0)} s vs ${c.predictedSecondsOurs.toFixed(1)} s`,
  );
}
lines.push('');
lines.push(
  `Daily trigger budget (${TICKS_PER_DAY} ticks against ${QUOTA.triggerSecondsPerDay / 60} min/day):`,
);
const budgets = results
  .filter((r) => r.op === 'tick' || r.op === 'tickQuiet')
  .map((r) => {
    const inputs = { ...r, cpuMs: r.cpuMsMedian };
    return {
      size: r.size,
      scenario: r.scenario,
      op: r.op,
      central: tickBudget(inputs, CENTRAL),
      pessimistic: tickBudget(inputs, PESSIMISTIC),
    };
  });
for (const b of budgets) {
  lines.push(
    `  ${b.op.padEnd(9)} ${pad(b.size, 6)} ${b.scenario.padEnd(8)}: ${b.central.tickSeconds.toFixed(1)} s/tick → ` +
      `${(b.central.dailySeconds / 60).toFixed(1)} min/day = ${(b.central.shareOfQuota * 100).toFixed(0)} % ` +
      `(pessimistic ${(b.pessimistic.shareOfQuota * 100).toFixed(0)} %)`,
  );
}
if (leftAlone) lines.push('', ...leftAlone.lines);
const bundlePath = path.join(here, '..', 'dist', 'Code.js');
const bundleKb = statSync(bundlePath).size / 1024;
const bundleLoadMs = bundleLoadMedianMs(readFileSync(bundlePath, 'utf8'));
lines.push('');
lines.push(
  `dist/Code.js: ${bundleKb.toFixed(1)} KB; compiled and loaded in ${bundleLoadMs.toFixed(1)} ms ` +
    '(median of 15, a fresh vm context each: what every Apps Script execution pays for its size)',
);
console.log(lines.join('\n'));

writeFileSync(
  path.join(here, 'results.json'),
  JSON.stringify(
    {
      generatedAt: new Date().toISOString(),
      machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, node: process.version },
      runsPerOperation: RUNS,
      bundleKb: Number(bundleKb.toFixed(1)),
      bundleLoadMs: Number(bundleLoadMs.toFixed(2)),
      coefficients: { central: CENTRAL, pessimistic: PESSIMISTIC },
      builds,
      results,
      comparisons: comparisons.map((c) => ({
        size: c.size,
        op: c.op,
        naive: c.naive,
        callRatio: c.callRatio,
        cpuRatio: c.cpuRatio,
        predictedSecondsNaive: c.predictedSecondsNaive,
        predictedSecondsOurs: c.predictedSecondsOurs,
      })),
      budgets,
      leftAlone: leftAlone?.results ?? [],
      totalSeconds: (Date.now() - started) / 1000,
    },
    null,
    2,
  ) + '\n',
);
progress(`done; wrote bench/results.json`);

/** Compiling and running the bundle's top level in a new context, as each execution does. */
function bundleLoadMedianMs(code: string): number {
  const times: number[] = [];
  for (let i = 0; i < 15; i++) {
    const context = vm.createContext({});
    const start = performance.now();
    // A distinct file name per round, so V8 cannot reuse the previous compilation.
    new vm.Script(code, { filename: `Code.${i}.js` }).runInContext(context);
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[7]!;
}
