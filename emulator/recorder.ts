// The seam between the emulated services and the execution runtime. Every public method of an
// emulated service runs through `call`, which is where fault injection, call counters and
// "after this call" hooks live, so no service has to know about them.

export interface CellCounts {
  /** Cells whose values the call returned to the script. */
  read?: number;
  /** Cells whose content (value, formula, validation, note, format) the call changed. */
  written?: number;
}

export interface CallRecorder {
  /**
   * Runs one emulated service call named like Apps Script's reference, e.g. 'Range.getValues',
   * 'Sheet.getRange', 'MailApp.sendEmail'. Before `impl`: injected faults for this call may
   * throw. After: counters are updated and hooks registered for this call run. `cells` is read
   * after `impl` returns, so `impl` may fill it in when the size is known only then.
   */
  call<T>(method: string, impl: () => T, cells?: CellCounts): T;
  /** `call` that also hands the script's arguments to faults and hooks (`ctx.args`). */
  callWithArgs?<T>(method: string, args: readonly unknown[], impl: () => T, cells?: CellCounts): T;
  /** Deep-converts a value leaving the emulator for the script: Dates become the script realm's. */
  toScript<T>(value: T): T;
  /** The simulated clock's current instant (a host-realm Date). */
  now(): Date;
  /**
   * Throws Apps Script's permission error when the manifest's oauthScopes grant none of
   * `scopes` (any one suffices). Optional: a recorder without a manifest grants everything.
   */
  requireScope?(method: string, scopes: readonly string[]): void;
}

/** True for a Date from any realm (the script's `Date` is not the host's). */
export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}
