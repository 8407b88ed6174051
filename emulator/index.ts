// The Apps Script emulator as tests, the benchmark and the local runner use it: load the built
// bundle like Apps Script does (a classic script, evaluated afresh in a new global for every
// execution), install the emulated services, and start executions the ways Google would —
// a person running a function or clicking a menu item, simple triggers, time-driven triggers,
// google.script.run from an HtmlService page.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import vm from 'node:vm';
import { Realm } from './realm.js';
import { isDate } from './recorder.js';
import {
  Clock,
  Runtime,
  type Counters,
  type Duration,
  type Execution,
  type ExecutionKind,
  type Faults,
  type Hooks,
  type LogEntry,
} from './runtime.js';
import type { CellValue, WorkbookSnapshot } from './snapshot.js';
import { createSpreadsheetService, type SpreadsheetService } from './spreadsheet/index.js';
import { ChartType } from './spreadsheet/enums.js';
import { notEmulated } from './spreadsheet/not-emulated.js';
import { zoneOffset } from './spreadsheet/timezone.js';
import { AUTH_MODE, EmuUser, type ServiceContext } from './services/common.js';
import { EmuHtmlService, type PageSource } from './services/html.js';
import { LockTable, EmuLockService } from './services/lock.js';
import { createConsole, LogSink } from './services/logging.js';
import { EmuMailApp, MailState } from './services/mail.js';
import { EmuPropertiesService, PropertyStoreView } from './services/properties.js';
import { EmuScriptApp, TriggerStore, type TriggerInfo } from './services/script-app.js';
import { EmuSession } from './services/session.js';
import { uiProvider, UiState } from './services/ui.js';
import { EmuUtilities } from './services/utilities.js';
import { resolveVariants, type Variants } from './variants.js';

export { Clock, type Duration } from './runtime.js';
export type { Counters, ExecutionKind, LogEntry } from './runtime.js';
export type { SentMail } from './types.js';
export type { WorkbookSnapshot, CellValue } from './snapshot.js';
export type { DialogRecord, MenuItemInfo, QueuedResponse, ShownHtml } from './services/ui.js';
export type { TriggerInfo } from './services/script-app.js';
export type { Variants } from './variants.js';

/**
 * Apps Script globals that exist on Google's servers but not here: touching one throws
 * 'not emulated: <name>'. CacheService, GmailApp and Logger were emulated once; the bundle never
 * calls them, so they went (scripts log with console; mail goes through MailApp).
 */
export const NOT_EMULATED_GLOBALS = [
  'AdminDirectory',
  'Browser',
  'CacheService',
  'CalendarApp',
  'CardService',
  'Charset',
  'ConferenceDataService',
  'ContactsApp',
  'ContentService',
  'DataStudioApp',
  'DigestAlgorithm',
  'DocumentApp',
  'DriveApp',
  'FormApp',
  'GmailApp',
  'GroupsApp',
  'Jdbc',
  'LanguageApp',
  'LinearOptimizationService',
  'Logger',
  'MacAlgorithm',
  'Maps',
  'MimeType',
  'RsaAlgorithm',
  'ScriptProperties',
  'SitesApp',
  'SlidesApp',
  'UrlFetchApp',
  'UserProperties',
  'XmlService',
] as const;

/** Apps Script stops simple triggers after 30 seconds, whatever the account's limit. */
const SIMPLE_TRIGGER_MAX_MS = 30_000;

export interface EmulatorOptions {
  /** Start of the simulated clock; strings need an offset, e.g. '2026-12-01T09:00:00+09:00'. */
  now: Date | string | number;
  /** The bound spreadsheet. Default: one empty sheet 'シート1'. */
  workbook?: WorkbookSnapshot;
  /** Owner and effective user of every run. Default 'owner@example.jp'. */
  user?: string;
  /** Session.getActiveUser(); '' simulates Apps Script withholding it. Default: `user`. */
  activeUser?: string;
  /** MailApp daily recipients left. Default 100 (consumer account). */
  mailQuota?: number;
  /** The script: a path (default 'dist/Code.js') or the code itself. */
  bundle?: string | { code: string; filename?: string };
  /** Where createHtmlOutputFromFile/createTemplateFromFile read `<name>.html`. Default 'dist'. */
  pagesDir?: string;
  /** Inline HTML files by name (without .html), taking precedence over pagesDir. */
  pages?: Record<string, string>;
  /** The script's zone (appsscript.json). Default 'Asia/Tokyo'. */
  timeZone?: string;
  /** Execution time limit on the simulated clock. Default 360 000 (6 minutes). */
  maxExecutionMs?: number;
  /** Real CPU time limit of one execution, against runaway loops. Default 60 000. */
  cpuTimeoutMs?: number;
  /** Called for every log line (the local runner prints them). */
  onLog?: (entry: LogEntry) => void;
  /**
   * The project manifest (a path to appsscript.json, or its content): its `oauthScopes` are
   * enforced — a call whose service needs a scope it lacks throws Apps Script's permission
   * error. Default: `appsscript.json` beside a bundle given by path (dist/), none for inline
   * code. A manifest without `oauthScopes` (Apps Script detects them) grants everything.
   */
  manifest?: string | { oauthScopes?: string[] } | null;
  /**
   * Google's undocumented answers (emulator/variants.ts): each field picks one alternative.
   * Default: the strictest plausible world (DEFAULT_VARIANTS).
   */
  variants?: Partial<Variants>;
}

export interface RunOptions {
  kind?: ExecutionKind;
}

/** What one execution did. The script's error is returned, never thrown (see runOk). */
export interface RunResult<T = unknown> {
  value: T | undefined;
  /** The error the execution ended with (a host Error; `cause` holds the script's own). */
  error?: Error;
  executionId: number;
  kind: ExecutionKind;
  handler: string;
  counters: Counters;
  calls: number;
  spreadsheetCalls: number;
  cellsRead: number;
  cellsWritten: number;
  logs: LogEntry[];
  /** Simulated time the run took (lock waits, clock moves in hooks). */
  elapsedMs: number;
  /** Real CPU (wall) milliseconds on this machine. */
  cpuMs: number;
}

interface LoadedScript {
  script: vm.Script;
  filename: string;
}

function loadBundle(bundle: EmulatorOptions['bundle']): LoadedScript {
  const source =
    bundle === undefined || typeof bundle === 'string'
      ? { code: readFileSync(bundle ?? 'dist/Code.js', 'utf8'), filename: bundle ?? 'dist/Code.js' }
      : { code: bundle.code, filename: bundle.filename ?? 'Code.js' };
  return {
    script: new vm.Script(source.code, { filename: source.filename }),
    filename: source.filename,
  };
}

/** Any thrown value as a host Error; a script realm's Error is copied and kept as `cause`. */
function toHostError(thrown: unknown): Error {
  if (thrown instanceof Error) return thrown;
  if (Object.prototype.toString.call(thrown) === '[object Error]') {
    const original = thrown as Error;
    const error = new Error(original.message, { cause: original });
    error.name = original.name;
    if (original.stack) error.stack = original.stack;
    return error;
  }
  return new Error(String(thrown), { cause: thrown });
}

/** The scopes a manifest grants, or null when it sets none (or there is no manifest). */
function grantedScopes(options: EmulatorOptions): ReadonlySet<string> | null {
  let manifest = options.manifest;
  if (manifest === undefined) {
    if (options.bundle !== undefined && typeof options.bundle !== 'string') return null;
    const beside = join(dirname(options.bundle ?? 'dist/Code.js'), 'appsscript.json');
    manifest = existsSync(beside) ? beside : null;
  }
  if (manifest === null) return null;
  const parsed =
    typeof manifest === 'string'
      ? (JSON.parse(readFileSync(manifest, 'utf8')) as { oauthScopes?: string[] })
      : manifest;
  return parsed.oauthScopes ? new Set(parsed.oauthScopes) : null;
}

function defaultWorkbook(timeZone: string): WorkbookSnapshot {
  return { name: 'オンライン相談 予約台帳', timeZone, sheets: [{ name: 'シート1', values: [] }] };
}

/** Days since 1899-12-30 in the zone: how Sheets reports a date typed into a cell. */
function sheetsSerial(date: Date, timeZone: string): number {
  const local = date.getTime() + zoneOffset(date.getTime(), timeZone);
  return (local - Date.UTC(1899, 11, 30)) / 86_400_000;
}

/** e.value / e.oldValue: Apps Script hands simple triggers the typed value as text. */
function eventText(value: CellValue | undefined, timeZone: string): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (isDate(value)) return String(sheetsSerial(value, timeZone));
  return String(value);
}

/** google.script.run's rule: no Dates, functions or class instances in either direction. */
function illegalForClient(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'function') return 'a function';
  if (typeof value !== 'object') return undefined;
  if (isDate(value)) return 'a Date';
  if (Array.isArray(value)) {
    for (const item of value) {
      const bad = illegalForClient(item);
      if (bad) return bad;
    }
    return undefined;
  }
  const proto = Object.getPrototypeOf(value) as { constructor?: { name?: string } } | null;
  if (proto !== null && proto.constructor?.name !== 'Object') return 'an object of a class';
  for (const item of Object.values(value)) {
    const bad = illegalForClient(item);
    if (bad) return bad;
  }
  return undefined;
}

export class Emulator {
  readonly clock: Clock;
  readonly runtime: Runtime<Emulator>;
  readonly mail: MailState;
  readonly ui = new UiState();
  readonly locks = new LockTable();
  /** The document property store (the only one the bundle uses), to seed and inspect. */
  readonly properties = { document: new PropertyStoreView({}) };
  readonly user: string;
  readonly timeZone: string;
  readonly spreadsheet: SpreadsheetService;
  /** The undocumented answers this emulator gives, every variant filled in. */
  readonly variants: Readonly<Variants>;

  private readonly triggerStore = new TriggerStore();
  private readonly logSink: LogSink;
  private readonly loaded: LoadedScript;
  private readonly globalsOfScript: Record<string, unknown>;
  private readonly maxExecutionMs: number;
  private readonly cpuTimeoutMs: number;
  private readonly context: ServiceContext;
  private probeRealm: Realm | undefined;

  constructor(options: EmulatorOptions) {
    this.clock = new Clock(options.now);
    this.runtime = new Runtime<Emulator>(this.clock, () => this);
    this.runtime.grantedScopes = grantedScopes(options);
    this.user = options.user ?? 'owner@example.jp';
    this.timeZone = options.timeZone ?? 'Asia/Tokyo';
    this.maxExecutionMs = options.maxExecutionMs ?? 360_000;
    this.cpuTimeoutMs = options.cpuTimeoutMs ?? 60_000;
    this.mail = new MailState(options.mailQuota ?? 100);
    this.variants = resolveVariants(options.variants);
    this.logSink = new LogSink(options.onLog);
    this.runtime.onExecutionEnd((execution) => this.locks.releaseAll(execution));
    this.ui.onSuspend = (execution) => this.locks.releaseAll(execution);

    const runtime = this.runtime as unknown as Runtime;
    const context: ServiceContext = { runtime, user: this.user, timeZone: this.timeZone };
    this.context = context;
    const getUi = uiProvider(context, this.ui);
    this.spreadsheet = createSpreadsheetService(
      { rec: runtime, ui: getUi, effectiveUser: () => this.user },
      options.workbook ?? defaultWorkbook(this.timeZone),
      this.variants,
    );
    const pages: PageSource = { pagesDir: options.pagesDir ?? 'dist' };
    if (options.pages) pages.pages = options.pages;

    this.globalsOfScript = {
      SpreadsheetApp: this.spreadsheet.app,
      // Only the ChartType enum, for EmbeddedChartBuilder.setChartType; Charts' builders are not emulated.
      Charts: Object.freeze({ ChartType }),
      MailApp: new EmuMailApp(context, this.mail),
      LockService: new EmuLockService(context, this.locks),
      PropertiesService: new EmuPropertiesService(context, this.properties.document.record),
      ScriptApp: new EmuScriptApp({ context, store: this.triggerStore }),
      Session: new EmuSession(context, options.activeUser ?? this.user),
      Utilities: new EmuUtilities(context),
      HtmlService: new EmuHtmlService(context, pages),
      console: createConsole(runtime, this.logSink),
    };
    this.loaded = loadBundle(options.bundle);
  }

  // Clock ---------------------------------------------------------------------------------------

  advance(by: Duration | number): Date {
    return this.clock.advance(by);
  }

  setTime(instant: Date | string | number): void {
    this.clock.set(instant);
  }

  now(): Date {
    return this.clock.now();
  }

  // Faults, hooks, records -----------------------------------------------------------------------

  get faults(): Faults {
    return this.runtime.faults;
  }

  get hooks(): Hooks<Emulator> {
    return this.runtime.hooks;
  }

  /** Every log line of every run, in order. */
  get logs(): LogEntry[] {
    return this.logSink.entries;
  }

  /** All log text, one entry a line. */
  logText(): string {
    return this.logSink.text();
  }

  toasts(): { message: string; title: string; timeoutSeconds: number | null; at: Date }[] {
    return [...this.spreadsheet.workbook.toasts];
  }

  triggers(): TriggerInfo[] {
    return this.triggerStore.list();
  }

  /** Names of the top-level functions the script defines. */
  globals(): string[] {
    return this.probe().definedFunctionNames();
  }

  // Starting executions --------------------------------------------------------------------------

  /** Runs a global function as an execution; the script's error is in `result.error`. */
  run<T = unknown>(
    handler: string,
    args: readonly unknown[] = [],
    options: RunOptions = {},
  ): RunResult<T> {
    return this.execute<T>(handler, options.kind ?? 'run', (realm) => realm.toScript([...args]));
  }

  /** `run`, throwing the script's error: for steps that must succeed. */
  runOk<T = unknown>(handler: string, args: readonly unknown[] = [], options: RunOptions = {}): T {
    const result = this.run<T>(handler, args, options);
    if (result.error) throw result.error;
    return result.value as T;
  }

  /** The person opens the spreadsheet: menus are rebuilt by onOpen (a simple trigger). */
  open(): RunResult {
    this.ui.clearMenus();
    if (!this.globals().includes('onOpen')) throw new Error('emulator: the script has no onOpen');
    return this.execute('onOpen', 'simple', (realm) => [this.spreadsheetEvent(realm)]);
  }

  /** Captions of every item in the menus the script added (submenus flattened). */
  menuCaptions(): string[] {
    return this.ui.menuItems().map((item) => item.caption);
  }

  /** The person clicks a menu item. */
  menu(caption: string): RunResult {
    const item = this.ui.menuItems().find((i) => i.caption === caption);
    if (!item) {
      throw new Error(
        `emulator: no menu item "${caption}"; the menus have: ${this.menuCaptions().join(', ') || '(none — call open() first)'}`,
      );
    }
    if (!this.globals().includes(item.functionName)) {
      throw new Error(
        `emulator: menu item "${caption}" calls ${item.functionName}, which is not a global function`,
      );
    }
    return this.execute(item.functionName, 'menu', () => []);
  }

  /**
   * A person types `values` at `a1` (one value or a 2-D block), then onEdit fires as a simple
   * trigger. Returns its result ([] when the script has no onEdit or a rule refused the input).
   * Installable spreadsheet triggers are not emulated (the bundle installs none).
   */
  edit(sheetName: string, a1: string, values: CellValue | CellValue[][]): RunResult[] {
    const block: CellValue[][] = Array.isArray(values) ? values : [[values]];
    const single = block.length === 1 && block[0]!.length === 1;
    const before = single ? this.cellValue(sheetName, a1) : undefined;
    const rect = this.spreadsheet.person.setValues(sheetName, a1, block);
    // Refused by a "Reject input" rule: nothing changed, so no edit trigger fires.
    if (rect === null) return [];
    const after = single ? this.cellValue(sheetName, a1) : undefined;
    const makeEvent = (realm: Realm): object => {
      const event = this.spreadsheetEvent(realm) as Record<string, unknown>;
      event.range = this.spreadsheet.app
        .getActiveSpreadsheet()
        .getSheetByName(sheetName)!
        .getRange(rect.row, rect.column, rect.numRows, rect.numColumns);
      if (single) {
        const value = eventText(after, this.spreadsheet.workbook.timeZone);
        const oldValue = eventText(before, this.spreadsheet.workbook.timeZone);
        if (value !== undefined) event.value = value;
        if (oldValue !== undefined) event.oldValue = oldValue;
      }
      return event;
    };
    if (!this.globals().includes('onEdit')) return [];
    return [this.execute('onEdit', 'simple', (realm) => [makeEvent(realm)])];
  }

  /** Fires the installed time-driven trigger whose handler is `handler`. */
  fireTimeTrigger(handler: string): RunResult {
    const trigger = this.triggerStore.list().find((t) => t.handler === handler);
    if (!trigger) {
      const installed = this.triggers().map((t) => `${t.handler} (${t.type})`);
      throw new Error(
        `emulator: no time-driven trigger for ${handler}; installed: ${installed.join(', ') || 'none'}`,
      );
    }
    return this.execute(handler, 'time', (realm) => [this.timeEvent(realm, trigger.uid)]);
  }

  /**
   * google.script.run.fn(...args) from an HtmlService page: arguments and the return value
   * cross as JSON-like data; a Date or class instance in the arguments fails the call, and a
   * return value containing one reaches the page as null, as on Apps Script.
   */
  callServer<T = unknown>(fn: string, ...args: unknown[]): RunResult<T> {
    const bad = illegalForClient(args);
    if (bad) throw new Error(`google.script.run: ${bad} is not a legal parameter`);
    const result = this.execute<T>(fn, 'run', (realm) =>
      realm.toScript(JSON.parse(JSON.stringify(args)) as unknown[]),
    );
    if (!result.error) {
      const value = result.value as unknown;
      result.value =
        value === undefined || illegalForClient(value)
          ? (null as T)
          : (JSON.parse(JSON.stringify(value)) as T);
    }
    return result;
  }

  // The spreadsheet, host-side ---------------------------------------------------------------------

  get person(): SpreadsheetService['person'] {
    return this.spreadsheet.person;
  }

  /** A person's edits that a setAllowInvalid(false) rule refused (nothing landed). */
  refusals(): SpreadsheetService['person']['refusals'] {
    return this.spreadsheet.person.refusals;
  }

  get workbook(): SpreadsheetService['workbook'] {
    return this.spreadsheet.workbook;
  }

  select(sheetName: string, a1List: string[]): void {
    this.spreadsheet.person.select(sheetName, a1List);
  }

  snapshot(): WorkbookSnapshot {
    return this.spreadsheet.snapshot();
  }

  sheetValues(sheetName: string): CellValue[][] {
    return this.spreadsheet.person.values(sheetName);
  }

  /** Rows 2..last as objects keyed by the header texts of row 1. */
  records(sheetName: string): Record<string, CellValue>[] {
    const [headers = [], ...rows] = this.sheetValues(sheetName);
    // Trailing rows of blanks and unticked checkboxes (FALSE) look empty to a person: left out.
    let length = rows.length;
    while (length > 0 && rows[length - 1]!.every((v) => v === '' || v === false)) length--;
    return rows.slice(0, length).map((row) => {
      const record: Record<string, CellValue> = {};
      headers.forEach((header, i) => {
        if (header !== '') record[String(header)] = row[i] ?? '';
      });
      return record;
    });
  }

  // Internals --------------------------------------------------------------------------------------

  private cellValue(sheetName: string, a1: string): CellValue | undefined {
    const sheet = this.spreadsheet.workbook.sheetByName(sheetName);
    if (!sheet) throw new Error(`emulator: no sheet named "${sheetName}"`);
    return this.runtime.asHost(() =>
      this.spreadsheet.app
        .getActiveSpreadsheet()
        .getSheetByName(sheetName)!
        .getRange(a1)
        .getValue(),
    ) as CellValue;
  }

  /** The event of a simple trigger (onOpen, onEdit): LIMITED authorization. */
  private spreadsheetEvent(realm: Realm): object {
    // Built field by field: enums must keep their identity (e.authMode === ScriptApp.AuthMode.LIMITED).
    const event = realm.toScript({}) as Record<string, unknown>;
    event.authMode = AUTH_MODE.LIMITED;
    event.source = this.spreadsheet.app.getActiveSpreadsheet();
    event.user = new EmuUser(this.context.runtime, this.user);
    return event;
  }

  /** The time-driven event: fields in UTC, as Apps Script sends them. */
  private timeEvent(realm: Realm, uid: string): object {
    const now = this.clock.now();
    const startOfYear = Date.UTC(now.getUTCFullYear(), 0, 1);
    const event = realm.toScript({
      'day-of-month': now.getUTCDate(),
      'day-of-week': now.getUTCDay() === 0 ? 7 : now.getUTCDay(),
      hour: now.getUTCHours(),
      minute: now.getUTCMinutes(),
      month: now.getUTCMonth() + 1,
      second: now.getUTCSeconds(),
      timezone: 'UTC',
      triggerUid: uid,
      'week-of-year': Math.floor((now.getTime() - startOfYear) / (7 * 86_400_000)) + 1,
      year: now.getUTCFullYear(),
    }) as Record<string, unknown>;
    event.authMode = AUTH_MODE.FULL;
    return event;
  }

  private newRealm(): Realm {
    return new Realm({
      now: () => this.clock.nowMs(),
      globals: this.globalsOfScript,
      notEmulated: NOT_EMULATED_GLOBALS,
      notEmulatedError: (name) => this.notEmulatedError(name),
    });
  }

  private notEmulatedError(name: string): Error {
    const execution = this.runtime.innermost();
    const { message } = notEmulated(name);
    return execution ? execution.realm.makeError(message, 'Error') : new Error(message);
  }

  /** A realm with the script loaded outside any execution, to list its globals. */
  private probe(): Realm {
    if (!this.probeRealm) {
      const realm = this.newRealm();
      this.runtime.asHost(() => realm.runScript(this.loaded.script, this.cpuTimeoutMs));
      this.probeRealm = realm;
    }
    return this.probeRealm;
  }

  /**
   * One execution: a fresh global scope with the script evaluated in it (top-level code runs
   * again every time, as on Apps Script), then the handler called with the arguments.
   */
  private execute<T>(
    handler: string,
    kind: ExecutionKind,
    makeArgs: (realm: Realm) => unknown[],
  ): RunResult<T> {
    if (!this.globals().includes(handler)) {
      throw new Error(`emulator: ${handler} is not a global function of the script`);
    }
    const realm = this.newRealm();
    const limit =
      kind === 'simple'
        ? Math.min(SIMPLE_TRIGGER_MAX_MS, this.maxExecutionMs)
        : this.maxExecutionMs;
    const execution = this.runtime.newExecution(kind, handler, realm, limit);
    const problemsBefore = this.ui.problems.length;
    const cpuStart = performance.now();
    let value: unknown;
    let error: Error | undefined;
    this.runtime.within(execution, () => {
      try {
        value = realm.callWithTimeout(() => {
          realm.runScript(this.loaded.script);
          const fn = realm.global(handler);
          if (typeof fn !== 'function') {
            throw realm.makeError(`Script function not found: ${handler}`, 'Exception');
          }
          const args = this.runtime.asHost(() => makeArgs(realm));
          return (fn as (...a: unknown[]) => unknown)(...args);
        }, this.cpuTimeoutMs);
      } catch (thrown) {
        error = toHostError(thrown);
      }
    });
    if (execution.killed) error = toHostError(execution.killed);
    const cpuMs = performance.now() - cpuStart;
    this.rethrowTestErrors(execution, problemsBefore);
    const result: RunResult<T> = {
      value: error ? undefined : (value as T),
      executionId: execution.id,
      kind,
      handler,
      counters: execution.counters,
      calls: execution.counters.calls,
      spreadsheetCalls: execution.counters.spreadsheetCalls,
      cellsRead: execution.counters.cellsRead,
      cellsWritten: execution.counters.cellsWritten,
      logs: execution.logs,
      elapsedMs: this.clock.nowMs() - execution.startedAtMs,
      cpuMs,
    };
    if (error) result.error = error;
    return result;
  }

  /** A hook that threw or a dialog answer that did not fit is the test's mistake: say so loudly. */
  private rethrowTestErrors(execution: Execution, problemsBefore: number): void {
    const [hostError] = execution.hostErrors;
    if (hostError !== undefined) throw toHostError(hostError);
    const problem = this.ui.problems[problemsBefore];
    if (problem !== undefined) throw new Error(problem);
  }
}
