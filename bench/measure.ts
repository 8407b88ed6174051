// One measured execution: counters from the emulator, CPU from the emulator's own clock around
// the script (loading the workbook copy and building menus are outside it), and the heap.
import v8 from 'node:v8';
import vm from 'node:vm';
import type { Emulator, RunResult } from '../emulator/index';
import { isSpreadsheetMethod } from '../emulator/runtime';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

export interface Sample {
  spreadsheetCalls: number;
  /** spreadsheetCalls without the handle lookups (see isHandleCall). */
  dataCalls: number;
  cellsRead: number;
  cellsWritten: number;
  flushes: number;
  mails: number;
  cpuMs: number;
  /** Peak heap used during the run, above the heap (after a full GC) just before it, in MB. */
  peakHeapMb: number;
  byMethod: Record<string, number>;
}

const MB = 1024 * 1024;

/** Runs `op` on `emu` (already prepared) and measures only that run. */
export function measure(emu: Emulator, op: (emu: Emulator) => RunResult): Sample {
  gc();
  const base = v8.getHeapStatistics().used_heap_size;
  let peak = base;
  // Sampled after every service call the script makes: the heap is largest mid-run, while the
  // script holds what it read. (A v8 statistics call costs a microsecond or so.)
  emu.hooks.after(
    /./,
    () => {
      const used = v8.getHeapStatistics().used_heap_size;
      if (used > peak) peak = used;
    },
    { times: Infinity },
  );
  const result = op(emu);
  peak = Math.max(peak, v8.getHeapStatistics().used_heap_size);
  emu.hooks.clear();
  if (result.error) {
    const cause = (result.error.cause as Error | undefined)?.stack ?? result.error.stack;
    throw new Error(`bench: ${result.handler} failed: ${result.error.message}\n${cause ?? ''}`);
  }
  const byMethod = result.counters.byMethod;
  return {
    spreadsheetCalls: result.spreadsheetCalls,
    dataCalls: dataCallsOf(byMethod),
    cellsRead: result.cellsRead,
    cellsWritten: result.cellsWritten,
    flushes: byMethod['SpreadsheetApp.flush'] ?? 0,
    mails: byMethod['MailApp.sendEmail'] ?? 0,
    cpuMs: result.cpuMs,
    peakHeapMb: (peak - base) / MB,
    byMethod: { ...byMethod },
  };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export interface Summary extends Omit<Sample, 'cpuMs' | 'peakHeapMb'> {
  runs: number;
  cpuMsMedian: number;
  cpuMsMin: number;
  cpuMsMax: number;
  peakHeapMb: number;
  /** False if the counters differed between runs (they should not: the runs are identical). */
  deterministic: boolean;
}

export function summarize(samples: readonly Sample[]): Summary {
  const first = samples[0]!;
  const same = (s: Sample) =>
    s.spreadsheetCalls === first.spreadsheetCalls &&
    s.cellsRead === first.cellsRead &&
    s.cellsWritten === first.cellsWritten;
  const cpu = samples.map((s) => s.cpuMs);
  return {
    runs: samples.length,
    spreadsheetCalls: first.spreadsheetCalls,
    dataCalls: first.dataCalls,
    cellsRead: first.cellsRead,
    cellsWritten: first.cellsWritten,
    flushes: first.flushes,
    mails: first.mails,
    byMethod: first.byMethod,
    cpuMsMedian: median(cpu),
    cpuMsMin: Math.min(...cpu),
    cpuMsMax: Math.max(...cpu),
    peakHeapMb: Math.max(...samples.map((s) => s.peakHeapMb)),
    deterministic: samples.every(same),
  };
}

/**
 * Calls that only hand back an object to call next — the spreadsheet, a sheet by name, a range
 * or range list by coordinates, the Ui, a chart builder and its settings — as opposed to calls
 * that read cells or the sheet's extent, write, format, insert, or flush. Apps Script does not
 * document which calls make a round trip; this split is for reading the counts, and the bench
 * reports both. The "≤ 10 spreadsheet calls" is judged on all calls.
 */
export function isHandleCall(method: string): boolean {
  return (
    HANDLE_METHODS.has(method) ||
    method.startsWith('EmbeddedChartBuilder.') ||
    method === 'Sheet.newChart'
  );
}

const HANDLE_METHODS = new Set([
  'SpreadsheetApp.getActiveSpreadsheet',
  'SpreadsheetApp.getActive',
  'SpreadsheetApp.getUi',
  'Spreadsheet.getSheetByName',
  'Sheet.getRange',
  'Sheet.getRangeList',
  'Spreadsheet.getRange',
  'Spreadsheet.getRangeList',
]);

export function dataCallsOf(byMethod: Record<string, number>): number {
  let calls = 0;
  for (const [method, count] of Object.entries(byMethod)) {
    if (isSpreadsheetMethod(method) && !isHandleCall(method)) calls += count;
  }
  return calls;
}
