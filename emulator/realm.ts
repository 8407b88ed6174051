// The script's world: a fresh `node:vm` context holding only JavaScript's own globals plus the
// emulated services, like Apps Script's V8 runtime (no require, process, Buffer or timers).
// Values crossing into it are converted to its own Dates, Arrays and plain Objects so that
// `instanceof` in the script behaves as on Google's servers. This is a fidelity boundary, not a
// security one: host functions exposed here could be used to reach the host on purpose.
import vm from 'node:vm';
import { isDate } from './recorder.js';

/** The realm's own constructors, used to build values the script can `instanceof`. */
interface Intrinsics {
  Array: ArrayConstructor;
  Object: ObjectConstructor;
  Date: DateConstructor;
  /** A realm Date for an instant, without going through the emulated constructor. */
  makeDate: (ms: number) => Date;
  makeError: (message: string, name: string) => Error;
  Error: ErrorConstructor;
}

export interface RealmOptions {
  /** The simulated clock, in epoch milliseconds: what `new Date()` and `Date.now()` return. */
  now: () => number;
  /** Emulated services and other globals (Logger, console) by global name. */
  globals: Record<string, unknown>;
  /** Apps Script globals that exist on Google's servers but not here: touching one throws. */
  notEmulated: readonly string[];
  /** Builds the error thrown when the script touches a `notEmulated` global. */
  notEmulatedError: (name: string) => Error;
}

// Runs inside the realm. The replacement `Date` shares the native prototype, so every Date in the
// realm (from `new Date(x)`, subclasses, or converted host Dates) is `instanceof Date`, while the
// no-argument forms read the simulated clock. The local zone is deliberately left alone: the
// script must always name Asia/Tokyo, and the tests run far from Tokyo to prove it does.
const REALM_SETUP = `(function (hostNow) {
  'use strict';
  const NativeDate = Date;
  const EmulatedDate = function Date(...args) {
    if (!new.target) return new NativeDate(hostNow()).toString();
    if (new.target === EmulatedDate) {
      // The common forms without Reflect.construct: same objects, a fraction of the cost.
      if (args.length === 0) return new NativeDate(hostNow());
      if (args.length === 1) return new NativeDate(args[0]);
    }
    return Reflect.construct(NativeDate, args.length === 0 ? [hostNow()] : args, new.target);
  };
  Object.defineProperty(EmulatedDate, 'prototype', { value: NativeDate.prototype, writable: false });
  Object.defineProperty(EmulatedDate, 'length', { value: 7 });
  Object.defineProperty(NativeDate.prototype, 'constructor', {
    value: EmulatedDate, writable: true, configurable: true, enumerable: false,
  });
  Object.defineProperty(EmulatedDate, 'now', {
    value: function now() { return hostNow(); }, writable: true, configurable: true,
  });
  Object.defineProperty(EmulatedDate, 'parse', { value: NativeDate.parse, writable: true, configurable: true });
  Object.defineProperty(EmulatedDate, 'UTC', { value: NativeDate.UTC, writable: true, configurable: true });
  Object.defineProperty(globalThis, 'Date', {
    value: EmulatedDate, writable: true, configurable: true, enumerable: false,
  });
  // V8 puts its own inspector-only console in every context; Apps Script's console is ours.
  delete globalThis.console;
  const makeError = function (message, name) {
    const error = new Error(message);
    Object.defineProperty(error, 'name', { value: name, writable: true, configurable: true });
    return error;
  };
  const makeDate = function (ms) { return new NativeDate(ms); };
  return { Array, Object, Date: EmulatedDate, Error, makeError, makeDate };
})`;

// Runs inside the realm after the setup. A node:vm context's global object answers every lookup
// through an interceptor (~100 ns for each use of `Number`, `Date`, `Object` … by the
// script; Apps Script's V8 has no such cost). Script-level lexical bindings are found before the
// global object, at normal speed, so JavaScript's own globals are bound once here. `const`: a
// script assigning to one of them fails loudly instead of silently diverging from globalThis.
const INTRINSIC_NAMES = [
  'Object',
  'Function',
  'Array',
  'Number',
  'String',
  'Boolean',
  'Symbol',
  'BigInt',
  'Date',
  'Math',
  'JSON',
  'RegExp',
  'Map',
  'Set',
  'WeakMap',
  'WeakSet',
  'Promise',
  'Reflect',
  'Proxy',
  'Error',
  'TypeError',
  'RangeError',
  'SyntaxError',
  'ReferenceError',
  'Intl',
  'parseInt',
  'parseFloat',
  'isNaN',
  'isFinite',
  'encodeURIComponent',
  'decodeURIComponent',
  'encodeURI',
  'decodeURI',
  'Uint8Array',
  'ArrayBuffer',
];
const BIND_INTRINSICS = INTRINSIC_NAMES.map((name) => `const ${name} = globalThis.${name};`).join(
  '\n',
);

export class Realm {
  readonly context: vm.Context;
  private readonly sandbox: Record<string, unknown>;
  private readonly intrinsics: Intrinsics;
  /** Global names present before any script ran: the services and JavaScript's own. */
  private readonly baseline: Set<string>;

  constructor(options: RealmOptions) {
    this.sandbox = {};
    this.context = vm.createContext(this.sandbox, { name: 'Apps Script realm' });
    const setup = vm.runInContext(REALM_SETUP, this.context) as (now: () => number) => Intrinsics;
    this.intrinsics = setup(options.now);
    vm.runInContext(BIND_INTRINSICS, this.context, { filename: 'realm-intrinsics.js' });
    for (const [name, value] of Object.entries(options.globals)) {
      Object.defineProperty(this.sandbox, name, {
        value,
        writable: true,
        configurable: true,
        enumerable: false,
      });
    }
    for (const name of options.notEmulated) {
      if (name in options.globals) continue;
      Object.defineProperty(this.sandbox, name, {
        get: () => {
          throw options.notEmulatedError(name);
        },
        configurable: true,
        enumerable: false,
      });
    }
    this.baseline = new Set(this.ownGlobalNames());
  }

  /** Runs a compiled script (the bundle) at the realm's top level. */
  runScript(script: vm.Script, timeoutMs?: number): void {
    script.runInContext(this.context, timeoutMs ? { timeout: timeoutMs } : {});
  }

  /** Evaluates code in the realm (used for template scriptlets). */
  evaluate(code: string, filename: string): unknown {
    return vm.runInContext(code, this.context, { filename });
  }

  /** The value of a global the script defined or that was installed, without triggering getters. */
  global(name: string): unknown {
    const descriptor = Object.getOwnPropertyDescriptor(this.sandbox, name);
    return descriptor && 'value' in descriptor ? descriptor.value : undefined;
  }

  /** Names of the top-level functions the script defined (entry points). */
  definedFunctionNames(): string[] {
    return this.ownGlobalNames()
      .filter((name) => !this.baseline.has(name) && typeof this.global(name) === 'function')
      .sort();
  }

  /**
   * Calls `fn` with a CPU time limit: the call is started from inside the realm so that the vm
   * watchdog can interrupt a runaway loop, which a plain host-side call could not.
   */
  callWithTimeout(fn: () => unknown, timeoutMs: number | undefined): unknown {
    if (!timeoutMs) return fn();
    const key = '__emulatorEntry__';
    Object.defineProperty(this.sandbox, key, { value: fn, configurable: true, writable: true });
    try {
      return vm.runInContext(`${key}()`, this.context, { timeout: timeoutMs });
    } finally {
      delete this.sandbox[key];
    }
  }

  /** An error made by the realm's own `Error`, so `e instanceof Error` holds in the script. */
  makeError(message: string, name = 'Exception'): Error {
    return this.intrinsics.makeError(message, name);
  }

  isRealmError(value: unknown): value is Error {
    return value instanceof this.intrinsics.Error;
  }

  /**
   * Deep-converts a host value for the script: Dates to realm Dates, arrays and plain objects to
   * realm ones. Other objects (service instances, enums, blobs) pass through unchanged.
   */
  toScript<T>(value: T): T {
    return this.convert(value) as T;
  }

  private convert(value: unknown): unknown {
    if (value === null || typeof value !== 'object') return value;
    if (isDate(value)) {
      // Read the instant first: after the instanceof test TypeScript narrows a Date to never.
      const ms = value.getTime();
      if (value instanceof this.intrinsics.Date) return value;
      return this.intrinsics.makeDate(ms);
    }
    if (Array.isArray(value)) {
      const out = new this.intrinsics.Array<unknown>(value.length);
      for (let i = 0; i < value.length; i++) out[i] = this.convert(value[i]);
      return out;
    }
    const proto = Object.getPrototypeOf(value) as unknown;
    if (proto === Object.prototype || proto === null) {
      const out = new this.intrinsics.Object() as Record<string, unknown>;
      for (const [key, item] of Object.entries(value)) out[key] = this.convert(item);
      return out;
    }
    return value;
  }

  private ownGlobalNames(): string[] {
    return Object.getOwnPropertyNames(this.sandbox);
  }
}
