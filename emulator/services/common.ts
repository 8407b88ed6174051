// What every emulated service shares: the runtime it reports to, who the user is, how an
// Apps Script enum looks, and the one way to say "this member exists but is not emulated".
import type { Runtime } from '../runtime.js';

export interface ServiceContext {
  runtime: Runtime;
  /** The effective (and active) user's email. */
  user: string;
  /** The script's time zone (appsscript.json), e.g. 'Asia/Tokyo'. */
  timeZone: string;
}

/**
 * Declared by the Apps Script types but not emulated: the call throws so a script relying on it
 * fails loudly here instead of silently passing. Routed through the recorder so the script sees
 * an Error of its own realm and the call is counted like any other.
 */
export function notEmulated(runtime: Runtime, method: string): never {
  return runtime.call(method, () => {
    throw new Error(`not emulated: ${method}`);
  });
}

/**
 * Apps Script enums are objects (`ScriptApp.AuthMode.FULL`), printed by name, compared by
 * identity. The TypeScript declarations model them as numeric enums, hence the casts where used.
 */
export interface EnumValue {
  name(): string;
  ordinal(): number;
  toString(): string;
  toJSON(): string;
}

export function makeEnum(names: readonly string[]): Record<string, EnumValue> {
  const values: Record<string, EnumValue> = {};
  names.forEach((name, ordinal) => {
    values[name] = Object.freeze({
      name: () => name,
      ordinal: () => ordinal,
      toString: () => name,
      toJSON: () => name,
    });
  });
  return Object.freeze(values);
}

/** The name of an enum value coming back from the script ('YES', 'CLOCK', ...). */
export function enumName(value: unknown): string {
  return String(value);
}

export const AUTH_MODE = makeEnum(['NONE', 'CUSTOM_FUNCTION', 'LIMITED', 'FULL']);

/** Throws Apps Script's authorization error when a simple trigger calls a service needing scopes. */
export function requireFullAuth(runtime: Runtime, method: string, scope: string): void {
  const execution = runtime.current();
  if (execution && execution.authMode !== 'FULL') {
    throw runtime.exception(
      `You do not have permission to call ${method}. Required permissions: ${scope}`,
    );
  }
}

/** Apps Script's User: only the email is visible to scripts. */
export class EmuUser implements GoogleAppsScript.Base.User {
  constructor(
    private readonly runtime: Runtime,
    private readonly email: string,
  ) {}

  getEmail(): string {
    return this.runtime.call('User.getEmail', () => this.email);
  }

  getUserLoginId(): string {
    return notEmulated(this.runtime, 'User.getUserLoginId');
  }
}

/** A string argument the script passed, or Apps Script's "Invalid argument" error. */
export function stringArg(runtime: Runtime, value: unknown, name: string): string {
  if (typeof value !== 'string') throw runtime.exception(`Invalid argument: ${name}`);
  return value;
}

export function integerArg(runtime: Runtime, value: unknown, name: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw runtime.exception(`Invalid argument: ${name}`);
  }
  return Math.trunc(value);
}
