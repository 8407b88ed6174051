// Session: who runs the script and in which zone. The active user is the person at the keyboard
// (blank when Apps Script withholds it, e.g. across domains); the effective user is whose
// authority the script runs under (the trigger owner for installable and time-driven runs).
import { createHash } from 'node:crypto';
import { EmuUser, notEmulated, type ServiceContext } from './common.js';

export interface SessionOptions {
  /** E-mail Session.getActiveUser() returns; '' simulates Apps Script withholding it. */
  activeUser: string;
  /** Session.getActiveUserLocale(), e.g. 'ja'. */
  locale: string;
  /** Mixed into the temporary user key, which differs between scripts. */
  scriptId: string;
}

export class EmuSession implements GoogleAppsScript.Base.Session {
  constructor(
    private readonly context: ServiceContext,
    private readonly options: SessionOptions,
  ) {}

  private get runtime() {
    return this.context.runtime;
  }

  getActiveUser(): GoogleAppsScript.Base.User {
    return this.runtime.call(
      'Session.getActiveUser',
      () => new EmuUser(this.runtime, this.options.activeUser),
    );
  }

  getActiveUserLocale(): string {
    return this.runtime.call('Session.getActiveUserLocale', () => this.options.locale);
  }

  getEffectiveUser(): GoogleAppsScript.Base.User {
    return this.runtime.call(
      'Session.getEffectiveUser',
      () => new EmuUser(this.runtime, this.context.user, 'Session.getEffectiveUser'),
    );
  }

  getScriptTimeZone(): string {
    return this.runtime.call('Session.getScriptTimeZone', () => this.context.timeZone);
  }

  /** Stable per user and script, opaque, and not the e-mail address. */
  getTemporaryActiveUserKey(): string {
    return this.runtime.call('Session.getTemporaryActiveUserKey', () =>
      createHash('sha256')
        .update(`${this.options.scriptId}\n${this.options.activeUser || this.context.user}`)
        .digest('base64')
        .replace(/[^A-Za-z0-9]/g, '')
        .slice(0, 43),
    );
  }

  getTimeZone(): string {
    return notEmulated(this.runtime, 'Session.getTimeZone');
  }

  getUser(): GoogleAppsScript.Base.User {
    return notEmulated(this.runtime, 'Session.getUser');
  }
}
