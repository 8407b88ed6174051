// ScriptApp: installable triggers (time-driven and spreadsheet), with the builder checks Apps
// Script makes, the 20-triggers-per-script limit, and the enums scripts compare against. The
// emulator does not schedule anything by itself: tests fire triggers (emu.fireTimeTrigger).
import { isDate } from '../recorder.js';
import {
  AUTH_MODE,
  integerArg,
  makeEnum,
  notEmulated,
  requireFullAuth,
  stringArg,
  type ServiceContext,
} from './common.js';

const SCRIPTAPP_SCOPE = 'https://www.googleapis.com/auth/script.scriptapp';
const MAX_TRIGGERS = 20;

export const EVENT_TYPE = makeEnum([
  'CLOCK',
  'ON_OPEN',
  'ON_EDIT',
  'ON_FORM_SUBMIT',
  'ON_CHANGE',
  'ON_EVENT_UPDATED',
]);
export const TRIGGER_SOURCE = makeEnum(['SPREADSHEETS', 'CLOCK', 'FORMS', 'DOCUMENTS', 'CALENDAR']);
export const WEEKDAY = makeEnum([
  'SUNDAY',
  'MONDAY',
  'TUESDAY',
  'WEDNESDAY',
  'THURSDAY',
  'FRIDAY',
  'SATURDAY',
]);
const INSTALLATION_SOURCE = makeEnum([
  'APPS_MARKETPLACE_DOMAIN_ADD_ON',
  'NONE',
  'WEB_STORE_ADD_ON',
]);
const AUTHORIZATION_STATUS = makeEnum(['REQUIRED', 'NOT_REQUIRED']);

export type TriggerType = 'CLOCK' | 'ON_OPEN' | 'ON_EDIT' | 'ON_CHANGE' | 'ON_FORM_SUBMIT';

/** An installed trigger as tests see it (emu.triggers). */
export interface TriggerInfo {
  uid: string;
  handler: string;
  type: TriggerType;
  source: 'CLOCK' | 'SPREADSHEETS';
  everyMinutes?: number;
  everyHours?: number;
  everyDays?: number;
  everyWeeks?: number;
  atHour?: number;
  nearMinute?: number;
  onMonthDay?: number;
  onWeekDay?: string;
  timeZone?: string;
  /** One-off triggers: the instant (at, atDate) or the delay (after). */
  at?: Date;
  afterMs?: number;
}

export class TriggerStore {
  private readonly triggers: TriggerInfo[] = [];
  private nextUid = 1_000_001;

  list(): TriggerInfo[] {
    return this.triggers.map((t) => ({ ...t }));
  }

  find(uid: string): TriggerInfo | undefined {
    return this.triggers.find((t) => t.uid === uid);
  }

  add(trigger: Omit<TriggerInfo, 'uid'>): TriggerInfo {
    if (this.triggers.length >= MAX_TRIGGERS) {
      throw new Error(
        'This script has too many triggers. Triggers must be deleted from the script before more can be added.',
      );
    }
    const info = { ...trigger, uid: String(this.nextUid++) };
    this.triggers.push(info);
    return info;
  }

  remove(uid: string): void {
    const index = this.triggers.findIndex((t) => t.uid === uid);
    if (index >= 0) this.triggers.splice(index, 1);
  }

  clear(): void {
    this.triggers.length = 0;
  }
}

export class EmuTrigger implements GoogleAppsScript.Script.Trigger {
  constructor(
    private readonly context: ServiceContext,
    private readonly info: TriggerInfo,
    private readonly sourceId: string,
  ) {}

  /** The host-side record, for ScriptApp.deleteTrigger. */
  hostInfo(): TriggerInfo {
    return this.info;
  }

  getEventType(): GoogleAppsScript.Script.EventType {
    return this.context.runtime.call(
      'Trigger.getEventType',
      () => EVENT_TYPE[this.info.type] as unknown as GoogleAppsScript.Script.EventType,
    );
  }

  getHandlerFunction(): string {
    return this.context.runtime.call('Trigger.getHandlerFunction', () => this.info.handler);
  }

  getTriggerSource(): GoogleAppsScript.Script.TriggerSource {
    return this.context.runtime.call(
      'Trigger.getTriggerSource',
      () => TRIGGER_SOURCE[this.info.source] as unknown as GoogleAppsScript.Script.TriggerSource,
    );
  }

  getTriggerSourceId(): string {
    return this.context.runtime.call('Trigger.getTriggerSourceId', () =>
      this.info.source === 'CLOCK' ? '' : this.sourceId,
    );
  }

  getUniqueId(): string {
    return this.context.runtime.call('Trigger.getUniqueId', () => this.info.uid);
  }
}

interface BuilderDeps {
  context: ServiceContext;
  store: TriggerStore;
  /** The bound spreadsheet's id, the source of spreadsheet triggers. */
  spreadsheetId: string;
}

export class EmuClockTriggerBuilder implements GoogleAppsScript.Script.ClockTriggerBuilder {
  private readonly spec: Omit<TriggerInfo, 'uid'>;

  constructor(
    private readonly deps: BuilderDeps,
    handler: string,
  ) {
    this.spec = { handler, type: 'CLOCK', source: 'CLOCK' };
  }

  after(
    durationMilliseconds: GoogleAppsScript.Integer,
  ): GoogleAppsScript.Script.ClockTriggerBuilder {
    return this.set('after', () => {
      this.spec.afterMs = this.int(durationMilliseconds, 'durationMilliseconds', 0, Infinity);
    });
  }

  at(date: GoogleAppsScript.Base.Date): GoogleAppsScript.Script.ClockTriggerBuilder {
    return this.set('at', () => {
      if (!isDate(date)) throw new Error('Invalid argument: date');
      this.spec.at = new Date(date.getTime());
    });
  }

  atDate(
    year: GoogleAppsScript.Integer,
    month: GoogleAppsScript.Integer,
    day: GoogleAppsScript.Integer,
  ): GoogleAppsScript.Script.ClockTriggerBuilder {
    return this.set('atDate', () => {
      // Midnight UTC as a marker; the real trigger fires near midnight in the script's zone.
      this.spec.at = new Date(
        Date.UTC(
          this.int(year, 'year', 1970, 9999),
          this.int(month, 'month', 1, 12) - 1,
          this.int(day, 'day', 1, 31),
        ),
      );
    });
  }

  atHour(hour: GoogleAppsScript.Integer): GoogleAppsScript.Script.ClockTriggerBuilder {
    return this.set('atHour', () => {
      this.spec.atHour = this.int(hour, 'hour', 0, 23);
    });
  }

  create(): GoogleAppsScript.Script.Trigger {
    const { runtime } = this.deps.context;
    return runtime.call('ClockTriggerBuilder.create', () => {
      requireFullAuth(runtime, 'ClockTriggerBuilder.create', SCRIPTAPP_SCOPE);
      this.validate();
      const info = this.deps.store.add({ ...this.spec });
      return new EmuTrigger(this.deps.context, info, '');
    });
  }

  everyDays(n: GoogleAppsScript.Integer): GoogleAppsScript.Script.ClockTriggerBuilder {
    return this.set('everyDays', () => {
      this.spec.everyDays = this.int(n, 'n', 1, Infinity);
    });
  }

  everyHours(n: GoogleAppsScript.Integer): GoogleAppsScript.Script.ClockTriggerBuilder {
    return this.set('everyHours', () => {
      const hours = this.int(n, 'n', 1, 12);
      if (![1, 2, 4, 6, 8, 12].includes(hours)) {
        throw new Error('The value you passed to everyHours must be 1, 2, 4, 6, 8 or 12.');
      }
      this.spec.everyHours = hours;
    });
  }

  everyMinutes(n: GoogleAppsScript.Integer): GoogleAppsScript.Script.ClockTriggerBuilder {
    return this.set('everyMinutes', () => {
      const minutes = this.int(n, 'n', 1, 30);
      if (![1, 5, 10, 15, 30].includes(minutes)) {
        throw new Error('The value you passed to everyMinutes must be 1, 5, 10, 15 or 30.');
      }
      this.spec.everyMinutes = minutes;
    });
  }

  everyWeeks(n: GoogleAppsScript.Integer): GoogleAppsScript.Script.ClockTriggerBuilder {
    return this.set('everyWeeks', () => {
      this.spec.everyWeeks = this.int(n, 'n', 1, Infinity);
    });
  }

  inTimezone(timezone: string): GoogleAppsScript.Script.ClockTriggerBuilder {
    return this.set('inTimezone', () => {
      const zone = stringArg(this.deps.context.runtime, timezone, 'timezone');
      try {
        new Intl.DateTimeFormat('en-US', { timeZone: zone });
      } catch {
        throw new Error(`Invalid argument: timezone`);
      }
      this.spec.timeZone = zone;
    });
  }

  nearMinute(minute: GoogleAppsScript.Integer): GoogleAppsScript.Script.ClockTriggerBuilder {
    return this.set('nearMinute', () => {
      this.spec.nearMinute = this.int(minute, 'minute', 0, 59);
    });
  }

  onMonthDay(day: GoogleAppsScript.Integer): GoogleAppsScript.Script.ClockTriggerBuilder {
    return this.set('onMonthDay', () => {
      this.spec.onMonthDay = this.int(day, 'day', 1, 31);
    });
  }

  onWeekDay(day: GoogleAppsScript.Base.Weekday): GoogleAppsScript.Script.ClockTriggerBuilder {
    return this.set('onWeekDay', () => {
      const name = String(day);
      if (!(name in WEEKDAY)) throw new Error('Invalid argument: day');
      this.spec.onWeekDay = name;
    });
  }

  private set(member: string, apply: () => void): GoogleAppsScript.Script.ClockTriggerBuilder {
    return this.deps.context.runtime.call(`ClockTriggerBuilder.${member}`, () => {
      apply();
      return this;
    });
  }

  private int(value: unknown, name: string, min: number, max: number): number {
    const n = integerArg(this.deps.context.runtime, value, name);
    if (n < min || n > max) throw new Error(`Invalid argument: ${name}`);
    return n;
  }

  /** The combinations Apps Script accepts: one recurrence (or one-off), hour only with days. */
  private validate(): void {
    const s = this.spec;
    const recurrences = [
      s.everyMinutes,
      s.everyHours,
      s.everyDays,
      s.everyWeeks,
      s.onMonthDay,
      s.at,
      s.afterMs,
    ].filter((v) => v !== undefined).length;
    if (recurrences === 0 && s.onWeekDay === undefined) {
      throw new Error(
        'The trigger has no schedule: call everyMinutes, everyHours, everyDays, everyWeeks, onWeekDay, onMonthDay, at, atDate or after before create().',
      );
    }
    if (recurrences > 1) throw new Error('The trigger has more than one schedule.');
    const daily =
      s.everyDays !== undefined ||
      s.everyWeeks !== undefined ||
      s.onWeekDay !== undefined ||
      s.onMonthDay !== undefined;
    if ((s.atHour !== undefined || s.nearMinute !== undefined) && !daily) {
      throw new Error(
        'atHour and nearMinute need a daily, weekly or monthly schedule (everyDays, everyWeeks, onWeekDay, onMonthDay).',
      );
    }
    if (s.everyWeeks !== undefined && s.onWeekDay === undefined) {
      throw new Error('everyWeeks needs onWeekDay.');
    }
  }
}

export class EmuSpreadsheetTriggerBuilder
  implements GoogleAppsScript.Script.SpreadsheetTriggerBuilder
{
  private type: TriggerType | undefined;

  constructor(
    private readonly deps: BuilderDeps,
    private readonly handler: string,
  ) {}

  create(): GoogleAppsScript.Script.Trigger {
    const { runtime } = this.deps.context;
    return runtime.call('SpreadsheetTriggerBuilder.create', () => {
      requireFullAuth(runtime, 'SpreadsheetTriggerBuilder.create', SCRIPTAPP_SCOPE);
      if (!this.type) throw new Error('The trigger has no event: call onOpen, onEdit, ...');
      const info = this.deps.store.add({
        handler: this.handler,
        type: this.type,
        source: 'SPREADSHEETS',
      });
      return new EmuTrigger(this.deps.context, info, this.deps.spreadsheetId);
    });
  }

  onChange(): GoogleAppsScript.Script.SpreadsheetTriggerBuilder {
    return this.on('onChange', 'ON_CHANGE');
  }

  onEdit(): GoogleAppsScript.Script.SpreadsheetTriggerBuilder {
    return this.on('onEdit', 'ON_EDIT');
  }

  onFormSubmit(): GoogleAppsScript.Script.SpreadsheetTriggerBuilder {
    return this.on('onFormSubmit', 'ON_FORM_SUBMIT');
  }

  onOpen(): GoogleAppsScript.Script.SpreadsheetTriggerBuilder {
    return this.on('onOpen', 'ON_OPEN');
  }

  private on(member: string, type: TriggerType): GoogleAppsScript.Script.SpreadsheetTriggerBuilder {
    return this.deps.context.runtime.call(`SpreadsheetTriggerBuilder.${member}`, () => {
      this.type = type;
      return this;
    });
  }
}

export class EmuTriggerBuilder implements GoogleAppsScript.Script.TriggerBuilder {
  constructor(
    private readonly deps: BuilderDeps,
    private readonly handler: string,
  ) {}

  forDocument(): GoogleAppsScript.Script.DocumentTriggerBuilder {
    return notEmulated(this.deps.context.runtime, 'TriggerBuilder.forDocument');
  }

  forForm(): GoogleAppsScript.Script.FormTriggerBuilder {
    return notEmulated(this.deps.context.runtime, 'TriggerBuilder.forForm');
  }

  forSpreadsheet(
    sheet: GoogleAppsScript.Spreadsheet.Spreadsheet | string,
  ): GoogleAppsScript.Script.SpreadsheetTriggerBuilder {
    return this.deps.context.runtime.call('TriggerBuilder.forSpreadsheet', () => {
      const id = typeof sheet === 'string' ? sheet : sheet.getId();
      if (id !== this.deps.spreadsheetId) {
        throw new Error(`not emulated: triggers for another spreadsheet (${id})`);
      }
      return new EmuSpreadsheetTriggerBuilder(this.deps, this.handler);
    });
  }

  forUserCalendar(): GoogleAppsScript.Script.CalendarTriggerBuilder {
    return notEmulated(this.deps.context.runtime, 'TriggerBuilder.forUserCalendar');
  }

  timeBased(): GoogleAppsScript.Script.ClockTriggerBuilder {
    return this.deps.context.runtime.call(
      'TriggerBuilder.timeBased',
      () => new EmuClockTriggerBuilder(this.deps, this.handler),
    );
  }
}

export class EmuScriptApp implements GoogleAppsScript.Script.ScriptApp {
  readonly AuthMode = AUTH_MODE as unknown as typeof GoogleAppsScript.Script.AuthMode;
  readonly AuthorizationStatus =
    AUTHORIZATION_STATUS as unknown as typeof GoogleAppsScript.Script.AuthorizationStatus;
  readonly EventType = EVENT_TYPE as unknown as typeof GoogleAppsScript.Script.EventType;
  readonly InstallationSource =
    INSTALLATION_SOURCE as unknown as typeof GoogleAppsScript.Script.InstallationSource;
  readonly TriggerSource =
    TRIGGER_SOURCE as unknown as typeof GoogleAppsScript.Script.TriggerSource;
  readonly WeekDay = WEEKDAY as unknown as typeof GoogleAppsScript.Base.Weekday;

  constructor(private readonly deps: BuilderDeps & { scriptId: string }) {}

  private get runtime() {
    return this.deps.context.runtime;
  }

  deleteTrigger(trigger: GoogleAppsScript.Script.Trigger): void {
    this.runtime.callWithArgs('ScriptApp.deleteTrigger', [trigger], () => {
      requireFullAuth(this.runtime, 'ScriptApp.deleteTrigger', SCRIPTAPP_SCOPE);
      if (!(trigger instanceof EmuTrigger)) throw new Error('Invalid argument: trigger');
      this.deps.store.remove(trigger.hostInfo().uid);
    });
  }

  getProjectTriggers(): GoogleAppsScript.Script.Trigger[] {
    return this.runtime.call('ScriptApp.getProjectTriggers', () => {
      requireFullAuth(this.runtime, 'ScriptApp.getProjectTriggers', SCRIPTAPP_SCOPE);
      return this.runtime.toScript(this.triggersOf(() => true));
    });
  }

  getUserTriggers(document: GoogleAppsScript.Document.Document): GoogleAppsScript.Script.Trigger[];
  getUserTriggers(form: GoogleAppsScript.Forms.Form): GoogleAppsScript.Script.Trigger[];
  getUserTriggers(
    spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  ): GoogleAppsScript.Script.Trigger[];
  getUserTriggers(document: unknown): GoogleAppsScript.Script.Trigger[] {
    return this.runtime.call('ScriptApp.getUserTriggers', () => {
      requireFullAuth(this.runtime, 'ScriptApp.getUserTriggers', SCRIPTAPP_SCOPE);
      const id = (document as Partial<GoogleAppsScript.Spreadsheet.Spreadsheet>).getId?.();
      if (id !== this.deps.spreadsheetId)
        throw new Error('not emulated: ScriptApp.getUserTriggers');
      return this.runtime.toScript(this.triggersOf((t) => t.source === 'SPREADSHEETS'));
    });
  }

  getScriptId(): string {
    return this.runtime.call('ScriptApp.getScriptId', () => this.deps.scriptId);
  }

  newTrigger(functionName: string): GoogleAppsScript.Script.TriggerBuilder {
    return this.runtime.callWithArgs('ScriptApp.newTrigger', [functionName], () => {
      requireFullAuth(this.runtime, 'ScriptApp.newTrigger', SCRIPTAPP_SCOPE);
      const handler = stringArg(this.runtime, functionName, 'functionName');
      return new EmuTriggerBuilder(this.deps, handler);
    });
  }

  getAuthorizationInfo(): GoogleAppsScript.Script.AuthorizationInfo {
    return notEmulated(this.runtime, 'ScriptApp.getAuthorizationInfo');
  }

  getIdentityToken(): string {
    return notEmulated(this.runtime, 'ScriptApp.getIdentityToken');
  }

  getInstallationSource(): GoogleAppsScript.Script.InstallationSource {
    return notEmulated(this.runtime, 'ScriptApp.getInstallationSource');
  }

  getOAuthToken(): string {
    return notEmulated(this.runtime, 'ScriptApp.getOAuthToken');
  }

  getService(): GoogleAppsScript.Script.Service {
    return notEmulated(this.runtime, 'ScriptApp.getService');
  }

  invalidateAuth(): void {
    notEmulated(this.runtime, 'ScriptApp.invalidateAuth');
  }

  newStateToken(): GoogleAppsScript.Script.StateTokenBuilder {
    return notEmulated(this.runtime, 'ScriptApp.newStateToken');
  }

  requireAllScopes(): void {
    notEmulated(this.runtime, 'ScriptApp.requireAllScopes');
  }

  requireScopes(): void {
    notEmulated(this.runtime, 'ScriptApp.requireScopes');
  }

  getProjectKey(): string {
    return notEmulated(this.runtime, 'ScriptApp.getProjectKey');
  }

  getScriptTriggers(): GoogleAppsScript.Script.Trigger[] {
    return notEmulated(this.runtime, 'ScriptApp.getScriptTriggers');
  }

  private triggersOf(filter: (t: TriggerInfo) => boolean): EmuTrigger[] {
    return this.deps.store
      .list()
      .filter(filter)
      .map(
        (info) =>
          new EmuTrigger(
            this.deps.context,
            this.deps.store.find(info.uid)!,
            info.source === 'CLOCK' ? '' : this.deps.spreadsheetId,
          ),
      );
  }
}
