// LockService with real mutual exclusion between overlapping executions. Executions here never
// run in parallel: an overlapping one is started from a hook while the outer one is suspended
// mid-call. So a waiter can never see the holder finish; it waits out its timeout on the
// simulated clock and fails, exactly what a real second run would see against a long holder.
import type { Execution } from '../runtime.js';
import { LockService_METHODS } from '../spreadsheet/gas-names.js';
import { notEmulatedBase } from '../spreadsheet/not-emulated.js';
import { integerArg, type ServiceContext } from './common.js';

const TIMEOUT_MESSAGE = 'Lock timeout: another process was holding the lock for too long.';

/** Who holds which lock (only 'script' is ever taken). */
export class LockTable {
  private readonly holders = new Map<string, Execution>();

  holder(key: string): Execution | undefined {
    return this.holders.get(key);
  }

  acquire(key: string, execution: Execution): void {
    this.holders.set(key, execution);
  }

  release(key: string, execution: Execution): void {
    if (this.holders.get(key) === execution) this.holders.delete(key);
  }

  /**
   * Apps Script releases every lock an execution holds when it ends, however it ends, and when
   * a dialog suspends it. Returns the keys released.
   */
  releaseAll(execution: Execution): string[] {
    const released: string[] = [];
    for (const [key, holder] of [...this.holders]) {
      if (holder === execution) {
        this.holders.delete(key);
        released.push(key);
      }
    }
    return released;
  }

  /** Which locks are held and by which execution id, for tests. */
  held(): Record<string, number> {
    return Object.fromEntries([...this.holders].map(([key, e]) => [key, e.id]));
  }
}

export class EmuLock implements GoogleAppsScript.Lock.Lock {
  constructor(
    private readonly context: ServiceContext,
    private readonly table: LockTable,
    private readonly key: string,
  ) {}

  hasLock(): boolean {
    const { runtime } = this.context;
    return runtime.call('Lock.hasLock', () => {
      const holder = this.table.holder(this.key);
      return holder !== undefined && holder === runtime.current();
    });
  }

  releaseLock(): void {
    const { runtime } = this.context;
    runtime.call('Lock.releaseLock', () => {
      const execution = runtime.current();
      if (execution) this.table.release(this.key, execution);
    });
  }

  tryLock(timeoutInMillis: GoogleAppsScript.Integer): boolean {
    const { runtime } = this.context;
    return runtime.callWithArgs('Lock.tryLock', [timeoutInMillis], () =>
      this.acquire(integerArg(runtime, timeoutInMillis, 'timeoutInMillis')),
    );
  }

  waitLock(timeoutInMillis: GoogleAppsScript.Integer): void {
    const { runtime } = this.context;
    runtime.callWithArgs('Lock.waitLock', [timeoutInMillis], () => {
      if (!this.acquire(integerArg(runtime, timeoutInMillis, 'timeoutInMillis'))) {
        throw new Error(TIMEOUT_MESSAGE);
      }
    });
  }

  private acquire(timeoutMs: number): boolean {
    const { runtime } = this.context;
    const execution = runtime.current();
    if (!execution) throw new Error('LockService: only an execution can take a lock');
    if (timeoutMs < 0) throw new Error('Invalid argument: timeoutInMillis');
    const holder = this.table.holder(this.key);
    if (holder === undefined || holder === execution) {
      this.table.acquire(this.key, execution);
      return true;
    }
    // The holder is suspended below us on the stack: it cannot finish while we wait.
    runtime.clock.advance(timeoutMs);
    return false;
  }
}

/** Only the script lock: the bundle takes no document or user lock (those throw 'not emulated'). */
export class EmuLockService extends notEmulatedBase<GoogleAppsScript.Lock.LockService>(
  'LockService',
  LockService_METHODS,
) {
  constructor(
    private readonly context: ServiceContext,
    private readonly table: LockTable,
  ) {
    super();
  }

  override getScriptLock(): GoogleAppsScript.Lock.Lock {
    return this.context.runtime.call(
      'LockService.getScriptLock',
      () => new EmuLock(this.context, this.table, 'script'),
    );
  }
}
