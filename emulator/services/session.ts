// Session: who runs the script and in which zone. The active user is the person at the keyboard
// (blank when Apps Script withholds it, e.g. across domains); the effective user is whose
// authority the script runs under (the trigger owner for time-driven runs). The locale, the
// temporary user key and the deprecated members are not emulated: the bundle never calls them.
import { Session_METHODS } from '../spreadsheet/gas-names.js';
import { notEmulatedBase } from '../spreadsheet/not-emulated.js';
import { EmuUser, type ServiceContext } from './common.js';

export class EmuSession extends notEmulatedBase<GoogleAppsScript.Base.Session>(
  'Session',
  Session_METHODS,
) {
  constructor(
    private readonly context: ServiceContext,
    /** E-mail Session.getActiveUser() returns; '' simulates Apps Script withholding it. */
    private readonly activeUser: string,
  ) {
    super();
  }

  private get runtime() {
    return this.context.runtime;
  }

  override getActiveUser(): GoogleAppsScript.Base.User {
    return this.runtime.call(
      'Session.getActiveUser',
      () => new EmuUser(this.runtime, this.activeUser),
    );
  }

  override getEffectiveUser(): GoogleAppsScript.Base.User {
    return this.runtime.call(
      'Session.getEffectiveUser',
      () => new EmuUser(this.runtime, this.context.user, 'Session.getEffectiveUser'),
    );
  }

  override getScriptTimeZone(): string {
    return this.runtime.call('Session.getScriptTimeZone', () => this.context.timeZone);
  }
}
