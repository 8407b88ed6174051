// What every emulated service shares: the runtime it reports to, who the user is, how an
// Apps Script enum looks, and the one way to say "this member exists but is not emulated".
import { permissionMessage, type Runtime } from '../runtime.js';

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

/**
 * A service that needs the user's authorization: refused in a simple trigger (LIMITED), and
 * refused when the manifest's oauthScopes lack its scope. Both with Apps Script's message.
 */
export function requireFullAuth(runtime: Runtime, method: string, scope: string): void {
  const execution = runtime.current();
  if (execution && execution.authMode !== 'FULL') {
    throw runtime.exception(permissionMessage(method, [scope]));
  }
  runtime.requireScope(method, [scope]);
}

export const USERINFO_EMAIL_SCOPE = 'https://www.googleapis.com/auth/userinfo.email';

/** Apps Script's User: only the email is visible to scripts. */
export class EmuUser implements GoogleAppsScript.Base.User {
  constructor(
    private readonly runtime: Runtime,
    private readonly email: string,
    /** The Session method that handed this user out, named in the permission error. */
    private readonly source = 'Session.getActiveUser',
  ) {}

  /**
   * Blank in a simple trigger: "the user's email address is not available in any context that
   * allows a script to run without that user's authorization, like a simple onOpen(e) or
   * onEdit(e) trigger" (User reference). Elsewhere it needs the userinfo.email scope.
   */
  getEmail(): string {
    return this.runtime.call('User.getEmail', () => {
      const execution = this.runtime.current();
      if (execution && execution.authMode !== 'FULL') return '';
      this.runtime.requireScope(this.source, [USERINFO_EMAIL_SCOPE]);
      return this.email;
    });
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
