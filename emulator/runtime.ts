// Executions and what happens around every service call: the simulated clock, per-execution
// counters, injected faults, "after this call" hooks and a kill switch. Services reach all of it
// through the `CallRecorder` seam (`call`, `toScript`, `now`), so none of them knows about tests.
import type { CallRecorder, CellCounts } from './recorder.js';
import type { Realm } from './realm.js';

// ---------------------------------------------------------------------------------------------
// Clock

export interface Duration {
  days?: number;
  hours?: number;
  minutes?: number;
  seconds?: number;
  ms?: number;
}

export function durationMs(d: Duration): number {
  return (
    (d.days ?? 0) * 86_400_000 +
    (d.hours ?? 0) * 3_600_000 +
    (d.minutes ?? 0) * 60_000 +
    (d.seconds ?? 0) * 1000 +
    (d.ms ?? 0)
  );
}

/** Parses an instant; strings must carry an offset (or Z) so no local zone is ever assumed. */
export function toInstant(value: Date | string | number): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'string') {
    if (!/(Z|[+-]\d\d:?\d\d)$/.test(value.trim())) {
      throw new Error(`clock: "${value}" has no offset; write e.g. 2026-12-01T09:00:00+09:00`);
    }
    const ms = Date.parse(value);
    if (Number.isNaN(ms)) throw new Error(`clock: cannot parse "${value}"`);
    return ms;
  }
  const ms = value.getTime();
  if (Number.isNaN(ms)) throw new Error('clock: invalid Date');
  return ms;
}

/** The simulated clock. Time stands still unless a test (or a hook) or a lock wait moves it. */
export class Clock {
  private ms: number;

  constructor(start: Date | string | number) {
    this.ms = toInstant(start);
  }

  now(): Date {
    return new Date(this.ms);
  }

  nowMs(): number {
    return this.ms;
  }

  set(value: Date | string | number): void {
    this.ms = toInstant(value);
  }

  advance(by: Duration | number): Date {
    const ms = typeof by === 'number' ? by : durationMs(by);
    if (ms < 0 || !Number.isFinite(ms)) throw new Error(`clock: cannot advance by ${ms} ms`);
    this.ms += ms;
    return this.now();
  }
}

// ---------------------------------------------------------------------------------------------
// Executions

export interface Counters {
  calls: number;
  byMethod: Record<string, number>;
  cellsRead: number;
  cellsWritten: number;
  /** Calls on SpreadsheetApp and the objects it hands out (Spreadsheet, Sheet, Range, ...). */
  spreadsheetCalls: number;
}

export function emptyCounters(): Counters {
  return { calls: 0, byMethod: {}, cellsRead: 0, cellsWritten: 0, spreadsheetCalls: 0 };
}

/** How the execution was started; decides authorization and whether there is a UI. */
export type ExecutionKind = 'run' | 'menu' | 'time' | 'simple';
export type AuthModeName = 'FULL' | 'LIMITED';

export interface LogEntry {
  level: 'log' | 'info' | 'warn' | 'error';
  text: string;
  executionId: number;
  at: Date;
}

export class Execution {
  readonly counters = emptyCounters();
  readonly logs: LogEntry[] = [];
  /** Errors raised by test code running inside this execution (hooks): rethrown to the test. */
  readonly hostErrors: unknown[] = [];
  /** Set when a kill fired: every later service call of this execution fails the same way. */
  killed: Error | undefined;
  killSwitch: KillSwitch | undefined;
  readonly startedAtMs: number;

  constructor(
    readonly id: number,
    readonly kind: ExecutionKind,
    readonly handler: string,
    readonly realm: Realm,
    startedAtMs: number,
    readonly maxDurationMs: number,
  ) {
    this.startedAtMs = startedAtMs;
  }

  get authMode(): AuthModeName {
    return this.kind === 'simple' ? 'LIMITED' : 'FULL';
  }

  /** Only user-facing executions can reach SpreadsheetApp.getUi(). */
  get hasUi(): boolean {
    return this.kind !== 'time';
  }
}

// ---------------------------------------------------------------------------------------------
// Faults and hooks

/** A service method name like 'Range.setValues', a prefix pattern like 'Range.set*', or a RegExp. */
export type MethodMatcher = string | RegExp;

function matches(matcher: MethodMatcher, method: string): boolean {
  if (matcher instanceof RegExp) return matcher.test(method);
  if (matcher.endsWith('*')) return method.startsWith(matcher.slice(0, -1));
  return matcher === method;
}

export interface CallContext {
  method: string;
  /** Arguments when the service passed them (the non-spreadsheet services do); else []. */
  args: readonly unknown[];
  /** 1-based count of matching calls since the fault or hook was registered. */
  occurrence: number;
  execution: { id: number; kind: ExecutionKind; handler: string };
}

export interface FaultOptions {
  /** First matching occurrence that fails (1-based, counted from injection). Default 1. */
  nth?: number;
  /** How many consecutive matching occurrences fail from `nth` on. Default 1; Infinity = all. */
  times?: number;
  /** The error the script sees (an Exception with this message). Default names the method. */
  error?: Error | string;
  /** Only calls for which this returns true are counted and may fail. */
  when?: (args: readonly unknown[], ctx: Omit<CallContext, 'occurrence'>) => boolean;
}

interface Fault {
  matcher: MethodMatcher;
  nth: number;
  times: number;
  message: string;
  when: FaultOptions['when'];
  seen: number;
  fired: number;
}

export interface KillOptions {
  /** Only calls whose method matches are counted toward `n`. Default: every service call. */
  only?: MethodMatcher | ((method: string) => boolean);
  /** Message of the kill. Default: Apps Script's time-limit message. */
  error?: string;
}

interface KillSwitch {
  n: number;
  count: number;
  only: ((method: string) => boolean) | undefined;
  message: string;
}

export const EXCEEDED_TIME_MESSAGE = 'Exceeded maximum execution time';

export class Faults {
  private readonly faults: Fault[] = [];
  private pendingKill: KillSwitch | undefined;

  /** Makes calls to `method` throw instead of doing their work. */
  inject(method: MethodMatcher, options: FaultOptions = {}): void {
    const { error } = options;
    this.faults.push({
      matcher: method,
      nth: options.nth ?? 1,
      times: options.times ?? 1,
      message:
        error === undefined
          ? `Service error: ${String(method)} (injected fault)`
          : typeof error === 'string'
            ? error
            : error.message,
      when: options.when,
      seen: 0,
      fired: 0,
    });
  }

  /**
   * Kills the next execution at its Nth counted service call, as if Apps Script stopped it there
   * (time limit, crash): that call and every later call in the run throw, whatever the script
   * catches, and the run ends with this error. Simulates a run dying between two writes.
   */
  failAtCall(n: number, options: KillOptions = {}): void {
    if (!Number.isInteger(n) || n < 1) throw new Error(`failAtCall: n must be >= 1, got ${n}`);
    const { only } = options;
    this.pendingKill = {
      n,
      count: 0,
      only:
        only === undefined
          ? undefined
          : typeof only === 'function'
            ? only
            : (method) => matches(only, method),
      message: options.error ?? EXCEEDED_TIME_MESSAGE,
    };
  }

  clear(): void {
    this.faults.length = 0;
    this.pendingKill = undefined;
  }

  /** Faults not yet fully fired, for tests that want to assert their setup was reached. */
  pending(): { method: string; fired: number; times: number }[] {
    return this.faults
      .filter((f) => f.fired < f.times)
      .map((f) => ({ method: String(f.matcher), fired: f.fired, times: f.times }));
  }

  /** @internal The kill armed for the next execution, handed over once. */
  takeKillSwitch(): KillSwitch | undefined {
    const kill = this.pendingKill;
    this.pendingKill = undefined;
    return kill;
  }

  /** @internal The message of the fault that fires for this call, if any. */
  check(ctx: Omit<CallContext, 'occurrence'>): string | undefined {
    for (const fault of this.faults) {
      if (fault.fired >= fault.times || !matches(fault.matcher, ctx.method)) continue;
      if (fault.when && !fault.when(ctx.args, ctx)) continue;
      fault.seen += 1;
      if (fault.seen >= fault.nth) {
        fault.fired += 1;
        return fault.message;
      }
    }
    return undefined;
  }
}

export interface HookContext<E = unknown> extends CallContext {
  /** What the call returned to the script (undefined for a `before` hook). */
  result: unknown;
  /** The emulator, to edit the sheet as a person, advance the clock or start a nested run. */
  emu: E;
}

export interface HookOptions {
  /** Fire at this matching occurrence (1-based, counted from registration). Default 1. */
  nth?: number;
  /** Fire this many times (consecutive occurrences from `nth`). Default 1; Infinity = always. */
  times?: number;
}

interface Hook<E> {
  when: 'before' | 'after';
  matcher: MethodMatcher;
  fn: (ctx: HookContext<E>) => void;
  nth: number;
  times: number;
  seen: number;
  fired: number;
}

export class Hooks<E = unknown> {
  private readonly hooks: Hook<E>[] = [];

  /**
   * Runs `fn` right after a matching service call returns, inside the running execution: the
   * place to act as a person editing or sorting, or to start an overlapping (nested) execution.
   * Service calls `fn` makes itself (through emulator helpers) are not counted to the script.
   */
  after(method: MethodMatcher, fn: (ctx: HookContext<E>) => void, options: HookOptions = {}): void {
    this.add('after', method, fn, options);
  }

  /**
   * Runs `fn` just before a matching service call does its work (after it is counted and faults
   * are applied): e.g. a person's edit landing right before a read that is a single call.
   */
  before(
    method: MethodMatcher,
    fn: (ctx: HookContext<E>) => void,
    options: HookOptions = {},
  ): void {
    this.add('before', method, fn, options);
  }

  private add(
    when: Hook<E>['when'],
    method: MethodMatcher,
    fn: (ctx: HookContext<E>) => void,
    options: HookOptions,
  ): void {
    this.hooks.push({
      when,
      matcher: method,
      fn,
      nth: options.nth ?? 1,
      times: options.times ?? 1,
      seen: 0,
      fired: 0,
    });
  }

  clear(): void {
    this.hooks.length = 0;
  }

  /** Hooks that have not fired as often as asked: a test whose hook never ran proves nothing. */
  pending(): { method: string; fired: number; times: number }[] {
    return this.hooks
      .filter((h) => h.fired < h.times && Number.isFinite(h.times))
      .map((h) => ({ method: String(h.matcher), fired: h.fired, times: h.times }));
  }

  /** @internal The hooks due before or after this call, already marked as fired. */
  due(
    method: string,
    when: Hook<E>['when'],
  ): { fn: (ctx: HookContext<E>) => void; occurrence: number }[] {
    const due: { fn: (ctx: HookContext<E>) => void; occurrence: number }[] = [];
    for (const hook of this.hooks) {
      if (hook.when !== when || hook.fired >= hook.times || !matches(hook.matcher, method))
        continue;
      hook.seen += 1;
      if (hook.seen >= hook.nth) {
        hook.fired += 1;
        due.push({ fn: hook.fn, occurrence: hook.seen });
      }
    }
    return due;
  }
}

// ---------------------------------------------------------------------------------------------
// The runtime: the stack of executions and the CallRecorder every service uses

/** Classes of the non-spreadsheet services; every other class counts as SpreadsheetApp's. */
const NON_SPREADSHEET_CLASSES = new Set([
  'MailApp',
  'LockService',
  'Lock',
  'PropertiesService',
  'Properties',
  'ScriptApp',
  'Trigger',
  'TriggerBuilder',
  'ClockTriggerBuilder',
  'Session',
  'User',
  'Utilities',
  'Blob',
  'HtmlService',
  'HtmlOutput',
  'HtmlTemplate',
  'Ui',
  'Menu',
  'console',
]);

export function isSpreadsheetMethod(method: string): boolean {
  const dot = method.indexOf('.');
  return !NON_SPREADSHEET_CLASSES.has(dot < 0 ? method : method.slice(0, dot));
}

export class Runtime<E = unknown> implements CallRecorder {
  readonly faults = new Faults();
  readonly hooks = new Hooks<E>();
  /** `null` marks test code running inside an execution (a hook): its calls are not counted. */
  private readonly stack: (Execution | null)[] = [];
  private readonly endListeners: ((execution: Execution) => void)[] = [];
  private nextId = 1;
  /**
   * The manifest's oauthScopes, or null when the manifest sets none (Apps Script then detects
   * the scopes from the code, so every call is authorized).
   */
  grantedScopes: ReadonlySet<string> | null = null;

  constructor(
    readonly clock: Clock,
    private readonly emu: () => E,
  ) {}

  /** The execution whose script is running now, or undefined when test code is. */
  current(): Execution | undefined {
    return this.stack[this.stack.length - 1] ?? undefined;
  }

  /** The innermost execution even while test code (a hook) runs inside it. */
  innermost(): Execution | undefined {
    for (let i = this.stack.length - 1; i >= 0; i--) {
      const entry = this.stack[i];
      if (entry) return entry;
    }
    return undefined;
  }

  /** Executions currently started and not finished, outermost first. */
  active(): Execution[] {
    return this.stack.filter((e): e is Execution => e !== null);
  }

  onExecutionEnd(listener: (execution: Execution) => void): void {
    this.endListeners.push(listener);
  }

  newExecution(
    kind: ExecutionKind,
    handler: string,
    realm: Realm,
    maxDurationMs: number,
  ): Execution {
    const execution = new Execution(
      this.nextId++,
      kind,
      handler,
      realm,
      this.clock.nowMs(),
      maxDurationMs,
    );
    execution.killSwitch = this.faults.takeKillSwitch();
    return execution;
  }

  /** Runs `body` as `execution`; end-of-execution work (releasing locks) happens whatever. */
  within<T>(execution: Execution, body: () => T): T {
    this.stack.push(execution);
    try {
      return body();
    } finally {
      this.stack.pop();
      for (const listener of this.endListeners) listener(execution);
    }
  }

  /** Runs host code (a hook, building an event object) without attributing calls to the script. */
  asHost<T>(body: () => T): T {
    this.stack.push(null);
    try {
      return body();
    } finally {
      this.stack.pop();
    }
  }

  // CallRecorder ------------------------------------------------------------------------------

  call<T>(method: string, impl: () => T, cells?: CellCounts): T {
    return this.callWithArgs(method, [], impl, cells);
  }

  /** `call` with the script's arguments, so faults can select calls by them (`when`). */
  callWithArgs<T>(method: string, args: readonly unknown[], impl: () => T, cells?: CellCounts): T {
    const execution = this.current();
    if (!execution) return impl();
    this.beforeCall(execution, method, args);
    this.runHooks(execution, method, args, undefined, 'before');
    let result: T;
    try {
      result = impl();
    } catch (error) {
      throw this.forScript(execution, error);
    }
    if (cells) {
      execution.counters.cellsRead += cells.read ?? 0;
      execution.counters.cellsWritten += cells.written ?? 0;
    }
    this.runHooks(execution, method, args, result, 'after');
    return result;
  }

  requireScope(method: string, scopes: readonly string[]): void {
    const granted = this.grantedScopes;
    if (!granted || !this.current() || scopes.some((s) => granted.has(s))) return;
    throw this.exception(permissionMessage(method, scopes));
  }

  toScript<T>(value: T): T {
    const execution = this.current();
    return execution ? execution.realm.toScript(value) : value;
  }

  now(): Date {
    return this.clock.now();
  }

  // Errors ------------------------------------------------------------------------------------

  /** An `Exception` the script can catch as an Error of its own realm (host Error outside runs). */
  exception(message: string): Error {
    const execution = this.current();
    if (!execution) {
      const error = new Error(message);
      error.name = 'Exception';
      return error;
    }
    return execution.realm.makeError(message, 'Exception');
  }

  /** Converts any error thrown by a service implementation into one of the script's realm. */
  private forScript(execution: Execution, error: unknown): unknown {
    if (execution.realm.isRealmError(error)) return error;
    if (error instanceof Error) {
      // Apps Script reports service failures as `Exception`; our own gaps stay plain Errors.
      const name =
        error.name !== 'Error' || error.message.startsWith('not emulated')
          ? error.name
          : 'Exception';
      const converted = execution.realm.makeError(error.message, name);
      Object.defineProperty(converted, 'cause', { value: error, configurable: true });
      return converted;
    }
    return error;
  }

  private beforeCall(execution: Execution, method: string, args: readonly unknown[]): void {
    const counters = execution.counters;
    counters.calls += 1;
    counters.byMethod[method] = (counters.byMethod[method] ?? 0) + 1;
    if (isSpreadsheetMethod(method)) counters.spreadsheetCalls += 1;

    if (execution.killed) throw execution.realm.makeError(execution.killed.message, 'Exception');
    const kill = execution.killSwitch;
    if (kill && (!kill.only || kill.only(method))) {
      kill.count += 1;
      if (kill.count >= kill.n) this.kill(execution, kill.message);
    }
    if (this.clock.nowMs() - execution.startedAtMs > execution.maxDurationMs) {
      this.kill(execution, EXCEEDED_TIME_MESSAGE);
    }
    const ctx = { method, args, execution: describe(execution) };
    const fault = this.faults.check(ctx);
    if (fault !== undefined) throw execution.realm.makeError(fault, 'Exception');
  }

  private kill(execution: Execution, message: string): never {
    execution.killed = new Error(message);
    execution.killed.name = 'Exception';
    throw execution.realm.makeError(message, 'Exception');
  }

  private runHooks(
    execution: Execution,
    method: string,
    args: readonly unknown[],
    result: unknown,
    when: Hook<E>['when'],
  ): void {
    const due = this.hooks.due(method, when);
    for (const { fn, occurrence } of due) {
      this.asHost(() => {
        try {
          fn({
            method,
            args,
            occurrence,
            execution: describe(execution),
            result,
            emu: this.emu(),
          });
        } catch (error) {
          execution.hostErrors.push(error);
        }
      });
    }
  }
}

/** Apps Script's words: one scope, or the alternatives as "(a || b)". */
export function permissionMessage(method: string, scopes: readonly string[]): string {
  const needed = scopes.length === 1 ? scopes[0]! : `(${scopes.join(' || ')})`;
  return `You do not have permission to call ${method}. Required permissions: ${needed}`;
}

function describe(execution: Execution): CallContext['execution'] {
  return { id: execution.id, kind: execution.kind, handler: execution.handler };
}
