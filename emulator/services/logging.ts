// console (Logger is not emulated: the bundle logs with console only): every line goes to the current execution's logs (RunResult.logs) and to
// one sink for the whole emulator (emu.logs), so tests can check what a run logged — and that it
// logged no personal data.
import type { Execution, LogEntry, Runtime } from '../runtime.js';
import { isDate } from '../recorder.js';

export class LogSink {
  readonly entries: LogEntry[] = [];

  constructor(private readonly listener?: (entry: LogEntry) => void) {}

  /** @internal */
  record(runtime: Runtime, level: LogEntry['level'], text: string): void {
    const execution: Execution | undefined = runtime.innermost();
    const entry: LogEntry = { level, text, executionId: execution?.id ?? 0, at: runtime.now() };
    execution?.logs.push(entry);
    this.entries.push(entry);
    this.listener?.(entry);
  }

  /** All logged text, one entry a line, for "no personal data in logs" checks. */
  text(): string {
    return this.entries.map((e) => e.text).join('\n');
  }

  clear(): void {
    this.entries.length = 0;
  }
}

function isError(value: unknown): value is Error {
  return Object.prototype.toString.call(value) === '[object Error]';
}

/** How console prints one argument: strings as they are, objects as JSON. */
export function inspect(value: unknown): string {
  if (typeof value === 'string') return value;
  if (isError(value)) return value.stack ?? `${value.name}: ${value.message}`;
  if (isDate(value)) return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
  if (typeof value === 'function') return `[Function: ${value.name || 'anonymous'}]`;
  if (typeof value === 'object' && value !== null) {
    try {
      return JSON.stringify(value) ?? String(value);
    } catch {
      return String(value);
    }
  }
  return String(value);
}

/** console's printf: %s %d %i %f %o %O %j %c %%, then the remaining arguments, space-separated. */
export function formatConsole(args: readonly unknown[]): string {
  if (args.length === 0) return '';
  const [first, ...rest] = args;
  if (typeof first !== 'string') return args.map(inspect).join(' ');
  let next = 0;
  const head = first.replace(/%([sdifoOjc%])/g, (match, conversion: string) => {
    if (conversion === '%') return '%';
    if (next >= rest.length) return match;
    const value = rest[next++];
    switch (conversion) {
      case 's':
        return typeof value === 'string' ? value : inspect(value);
      case 'd':
      case 'i':
        return String(Math.trunc(Number(value)));
      case 'f':
        return String(Number(value));
      case 'c':
        return '';
      default:
        return inspect(value);
    }
  });
  return [head, ...rest.slice(next).map(inspect)].join(' ');
}

/** Apps Script's console (Cloud Logging): log/info/warn/error (debug as log), time/timeEnd. */
export function createConsole(runtime: Runtime, sink: LogSink): Record<string, unknown> {
  const timers = new Map<string, number>();
  const writer =
    (method: string, level: LogEntry['level']) =>
    (...args: unknown[]): void => {
      runtime.callWithArgs(`console.${method}`, args, () => {
        sink.record(runtime, level, formatConsole(args));
      });
    };
  return {
    log: writer('log', 'log'),
    debug: writer('debug', 'log'),
    info: writer('info', 'info'),
    warn: writer('warn', 'warn'),
    error: writer('error', 'error'),
    time(label: unknown = 'default'): void {
      runtime.call('console.time', () => timers.set(String(label), runtime.clock.nowMs()));
    },
    timeEnd(label: unknown = 'default'): void {
      runtime.call('console.timeEnd', () => {
        const started = timers.get(String(label));
        if (started === undefined) return;
        timers.delete(String(label));
        sink.record(runtime, 'log', `${String(label)}: ${runtime.clock.nowMs() - started}ms`);
      });
    },
  };
}
