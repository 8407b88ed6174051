// Turns what the emulator counts (spreadsheet calls, cells read and written, flushes, mails, CPU
// on this machine) into predicted Apps Script seconds. Every coefficient below is either a
// published figure (with its source in bench/README.md) or an assumption, and says which.
// The model is meant for orders of magnitude and for the trigger-time budget, not for the
// second digit.

export interface CostInputs {
  spreadsheetCalls: number;
  cellsRead: number;
  cellsWritten: number;
  flushes: number;
  mails: number;
  /** Real CPU milliseconds of the run in the emulator on this machine. */
  cpuMs: number;
}

export interface Coefficients {
  /** Seconds per spreadsheet service call (a round trip to the Sheets backend). */
  perCall: number;
  /** Extra seconds per SpreadsheetApp.flush() (commits the write cache). */
  perFlush: number;
  perCellRead: number;
  perCellWritten: number;
  /** Seconds per MailApp.sendEmail. */
  perMail: number;
  /** Apps Script V8 CPU time per CPU second here (its servers are shared and slower). */
  cpuFactor: number;
}

/**
 * The central estimate.
 * - perCall 0.05 s: ASSUMPTION. Google documents that service calls are "much slower" than
 *   JavaScript and that batching is the cure, but publishes no latency; community measurements
 *   (README) put one getValue/setValue round trip at tens of milliseconds. 50 ms is the middle.
 * - perFlush 0.5 s: MEASURED by a community benchmark (a 4,000-cell setValues took < 50 ms;
 *   adding flush() made it 610 ms).
 * - perCellWritten 12.5 µs: the same measurement (4,000 cells in < 50 ms).
 * - perCellRead 5 µs: ASSUMPTION (reads are served in bulk; no published per-cell figure).
 * - perMail 0.3 s: ASSUMPTION.
 * - cpuFactor 3: ASSUMPTION (Apps Script's V8 is slower than a developer machine).
 */
export const CENTRAL: Coefficients = {
  perCall: 0.05,
  perFlush: 0.5,
  perCellRead: 5e-6,
  perCellWritten: 12.5e-6,
  perMail: 0.3,
  cpuFactor: 3,
};

/** A pessimistic set, for the budget: slow calls, slow cells, slow CPU. */
export const PESSIMISTIC: Coefficients = {
  perCall: 0.15,
  perFlush: 1,
  perCellRead: 20e-6,
  perCellWritten: 50e-6,
  perMail: 1,
  cpuFactor: 10,
};

export function predictSeconds(run: CostInputs, c: Coefficients = CENTRAL): number {
  return (
    run.spreadsheetCalls * c.perCall +
    run.flushes * c.perFlush +
    run.cellsRead * c.perCellRead +
    run.cellsWritten * c.perCellWritten +
    run.mails * c.perMail +
    (run.cpuMs / 1000) * c.cpuFactor
  );
}

/** Apps Script quotas (consumer accounts), from the quotas page. */
export const QUOTA = {
  triggerSecondsPerDay: 90 * 60,
  executionSeconds: 6 * 60,
  mailRecipientsPerDay: 100,
} as const;

export const TICKS_PER_DAY = (24 * 60) / 10;

export interface Budget {
  tickSeconds: number;
  dailySeconds: number;
  /** Share of the 90-minute daily trigger quota used by the 144 ticks. */
  shareOfQuota: number;
  /** Share of the 6-minute execution limit used by one tick. */
  shareOfExecutionLimit: number;
}

export function tickBudget(tick: CostInputs, c: Coefficients = CENTRAL): Budget {
  const tickSeconds = predictSeconds(tick, c);
  const dailySeconds = tickSeconds * TICKS_PER_DAY;
  return {
    tickSeconds,
    dailySeconds,
    shareOfQuota: dailySeconds / QUOTA.triggerSecondsPerDay,
    shareOfExecutionLimit: tickSeconds / QUOTA.executionSeconds,
  };
}
