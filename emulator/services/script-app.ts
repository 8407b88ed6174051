// ScriptApp: time-driven triggers, the only kind the bundle installs, with the builder checks Apps
// Script makes for the schedules it uses (everyMinutes, everyDays, onMonthDay, atHour,
// inTimezone), the 20-triggers-per-script limit and ScriptApp.EventType. Other members (other
// schedules, spreadsheet triggers, tokens) throw 'not emulated'. The emulator does not schedule
// anything by itself: tests fire triggers (emu.fireTimeTrigger).
import {
  ClockTriggerBuilder_METHODS,
  ScriptApp_METHODS,
  TriggerBuilder_METHODS,
  Trigger_METHODS,
} from '../spreadsheet/gas-names.js';
import { notEmulated, notEmulatedBase } from '../spreadsheet/not-emulated.js';
import {
  AUTH_MODE,
  integerArg,
  makeEnum,
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

/** Enums of ScriptApp the bundle never reads: reading one throws. */
const MISSING_ENUMS = ['AuthorizationStatus', 'InstallationSource', 'TriggerSource', 'WeekDay'];

/** An installed trigger as tests see it (emu.triggers). */
export interface TriggerInfo {
  uid: string;
  handler: string;
  type: 'CLOCK';
  everyMinutes?: number;
  everyDays?: number;
  atHour?: number;
  onMonthDay?: number;
  timeZone?: string;
}

export class TriggerStore {
  private readonly triggers: TriggerInfo[] = [];
  private nextUid = 1_000_001;

  list(): TriggerInfo[] {
    return this.triggers.map((t) => ({ ...t }));
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
}

export class EmuTrigger extends notEmulatedBase<GoogleAppsScript.Script.Trigger>(
  'Trigger',
  Trigger_METHODS,
) {
  constructor(
    private readonly context: ServiceContext,
    private readonly info: TriggerInfo,
  ) {
    super();
  }

  /** The host-side record, for ScriptApp.deleteTrigger. */
  hostInfo(): TriggerInfo {
    return this.info;
  }

  override getEventType(): GoogleAppsScript.Script.EventType {
    return this.context.runtime.call(
      'Trigger.getEventType',
      () => EVENT_TYPE[this.info.type] as unknown as GoogleAppsScript.Script.EventType,
    );
  }

  override getHandlerFunction(): string {
    return this.context.runtime.call('Trigger.getHandlerFunction', () => this.info.handler);
  }
}

interface BuilderDeps {
  context: ServiceContext;
  store: TriggerStore;
}

export class EmuClockTriggerBuilder extends notEmulatedBase<GoogleAppsScript.Script.ClockTriggerBuilder>(
  'ClockTriggerBuilder',
  ClockTriggerBuilder_METHODS,
) {
  private readonly spec: Omit<TriggerInfo, 'uid'>;

  constructor(
    private readonly deps: BuilderDeps,
    handler: string,
  ) {
    super();
    this.spec = { handler, type: 'CLOCK' };
  }

  override atHour(hour: GoogleAppsScript.Integer): GoogleAppsScript.Script.ClockTriggerBuilder {
    return this.set('atHour', () => {
      this.spec.atHour = this.int(hour, 'hour', 0, 23);
    });
  }

  override create(): GoogleAppsScript.Script.Trigger {
    const { runtime } = this.deps.context;
    return runtime.call('ClockTriggerBuilder.create', () => {
      requireFullAuth(runtime, 'ClockTriggerBuilder.create', SCRIPTAPP_SCOPE);
      this.validate();
      const info = this.deps.store.add({ ...this.spec });
      return new EmuTrigger(this.deps.context, info);
    });
  }

  override everyDays(n: GoogleAppsScript.Integer): GoogleAppsScript.Script.ClockTriggerBuilder {
    return this.set('everyDays', () => {
      this.spec.everyDays = this.int(n, 'n', 1, Infinity);
    });
  }

  override everyMinutes(n: GoogleAppsScript.Integer): GoogleAppsScript.Script.ClockTriggerBuilder {
    return this.set('everyMinutes', () => {
      const minutes = this.int(n, 'n', 1, 30);
      if (![1, 5, 10, 15, 30].includes(minutes)) {
        throw new Error('The value you passed to everyMinutes must be 1, 5, 10, 15 or 30.');
      }
      this.spec.everyMinutes = minutes;
    });
  }

  override inTimezone(timezone: string): GoogleAppsScript.Script.ClockTriggerBuilder {
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

  override onMonthDay(day: GoogleAppsScript.Integer): GoogleAppsScript.Script.ClockTriggerBuilder {
    return this.set('onMonthDay', () => {
      this.spec.onMonthDay = this.int(day, 'day', 1, 31);
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

  /** The combinations Apps Script accepts: one recurrence, the hour only with days. */
  private validate(): void {
    const s = this.spec;
    const recurrences = [s.everyMinutes, s.everyDays, s.onMonthDay].filter(
      (v) => v !== undefined,
    ).length;
    if (recurrences === 0) {
      throw new Error(
        'The trigger has no schedule: call everyMinutes, everyDays or onMonthDay before create().',
      );
    }
    if (recurrences > 1) throw new Error('The trigger has more than one schedule.');
    if (s.atHour !== undefined && s.everyMinutes !== undefined) {
      throw new Error('atHour needs a daily or monthly schedule (everyDays, onMonthDay).');
    }
  }
}

export class EmuTriggerBuilder extends notEmulatedBase<GoogleAppsScript.Script.TriggerBuilder>(
  'TriggerBuilder',
  TriggerBuilder_METHODS,
) {
  constructor(
    private readonly deps: BuilderDeps,
    private readonly handler: string,
  ) {
    super();
  }

  override timeBased(): GoogleAppsScript.Script.ClockTriggerBuilder {
    return this.deps.context.runtime.call(
      'TriggerBuilder.timeBased',
      () => new EmuClockTriggerBuilder(this.deps, this.handler),
    );
  }
}

export class EmuScriptApp extends notEmulatedBase<GoogleAppsScript.Script.ScriptApp>(
  'ScriptApp',
  ScriptApp_METHODS,
) {
  // AuthMode pairs with the authMode of the events the emulator hands to triggers.
  override readonly AuthMode = AUTH_MODE as unknown as typeof GoogleAppsScript.Script.AuthMode;
  override readonly EventType = EVENT_TYPE as unknown as typeof GoogleAppsScript.Script.EventType;

  constructor(private readonly deps: BuilderDeps) {
    super();
    for (const name of MISSING_ENUMS) {
      Object.defineProperty(this, name, {
        get: () => {
          throw notEmulated(`ScriptApp.${name}`);
        },
      });
    }
  }

  private get runtime() {
    return this.deps.context.runtime;
  }

  /** Not called by the bundle; tests that reset the triggers use it. */
  override deleteTrigger(trigger: GoogleAppsScript.Script.Trigger): void {
    this.runtime.callWithArgs('ScriptApp.deleteTrigger', [trigger], () => {
      requireFullAuth(this.runtime, 'ScriptApp.deleteTrigger', SCRIPTAPP_SCOPE);
      if (!(trigger instanceof EmuTrigger)) throw new Error('Invalid argument: trigger');
      this.deps.store.remove(trigger.hostInfo().uid);
    });
  }

  override getProjectTriggers(): GoogleAppsScript.Script.Trigger[] {
    return this.runtime.call('ScriptApp.getProjectTriggers', () => {
      requireFullAuth(this.runtime, 'ScriptApp.getProjectTriggers', SCRIPTAPP_SCOPE);
      return this.runtime.toScript(
        this.deps.store.list().map((info) => new EmuTrigger(this.deps.context, info)),
      );
    });
  }

  override newTrigger(functionName: string): GoogleAppsScript.Script.TriggerBuilder {
    return this.runtime.callWithArgs('ScriptApp.newTrigger', [functionName], () => {
      requireFullAuth(this.runtime, 'ScriptApp.newTrigger', SCRIPTAPP_SCOPE);
      const handler = stringArg(this.runtime, functionName, 'functionName');
      return new EmuTriggerBuilder(this.deps, handler);
    });
  }
}
