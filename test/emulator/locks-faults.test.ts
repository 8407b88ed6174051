// Overlapping executions started from hooks, LockService mutual exclusion, kills at the Nth call,
// injected faults and the execution time limits.
import { describe, expect, it } from 'vitest';
import type { RunResult } from '../../emulator/index';
import { emulate, START } from './fixtures/emulate';

const LOCK_TIMEOUT = 'Lock timeout: another process was holding the lock for too long.';

const SCRIPT = `
function sendAll() {
  var lock = LockService.getScriptLock();
  if (!lock.tryLock(1000)) return 'busy';
  PropertiesService.getDocumentProperties().setProperty('step', 'holding');
  return lock.hasLock() ? 'done' : 'lost';
}
function tryOnce() { return LockService.getScriptLock().tryLock(5000); }
function waitFor() { LockService.getScriptLock().waitLock(5000); return 'got it'; }
function holdAndThrow() { LockService.getScriptLock().waitLock(1000); throw new Error('boom'); }
function steps() {
  var props = PropertiesService.getDocumentProperties();
  var caught = [];
  for (var i = 1; i <= 5; i++) {
    try { props.setProperty('step' + i, 'x'); } catch (e) { caught.push(i + ':' + e.message); }
  }
  props.setProperty('after', 'loop');
  return caught;
}
function sleepy() {
  Session.getScriptTimeZone();
  Session.getScriptTimeZone();
  PropertiesService.getDocumentProperties().setProperty('late', 'yes');
}
function spin() { for (;;) {} }
`;

describe('LockService across overlapping executions', () => {
  it('keeps a second run out while the first holds the lock', () => {
    const emu = emulate(SCRIPT);
    let tried: RunResult | undefined;
    let waited: RunResult | undefined;
    emu.hooks.after('Properties.setProperty', ({ emu: inner, execution }) => {
      expect(execution.handler).toBe('sendAll');
      expect(inner.locks.held()).toEqual({ script: execution.id });
      tried = inner.run('tryOnce', [], { kind: 'time' });
      waited = inner.run('waitFor', [], { kind: 'time' });
    });
    const outer = emu.run('sendAll', [], { kind: 'menu' });
    expect(emu.hooks.pending()).toEqual([]);
    expect(outer.value).toBe('done');
    expect(tried?.value).toBe(false);
    expect(waited?.error?.message).toBe(LOCK_TIMEOUT);
    expect(waited?.error?.name).toBe('Exception');
    // Both waiters waited out their timeouts on the simulated clock.
    expect(emu.clock.nowMs() - Date.parse(START)).toBe(10_000);
    // Locks are released when the execution ends; the next run gets it at once.
    expect(emu.locks.held()).toEqual({});
    expect(emu.runOk('tryOnce')).toBe(true);
    expect(emu.locks.held()).toEqual({});
  });

  it('releases the lock of a run that threw', () => {
    const emu = emulate(SCRIPT);
    expect(emu.run('holdAndThrow').error?.message).toBe('boom');
    expect(emu.locks.held()).toEqual({});
    expect(emu.runOk('sendAll')).toBe('done');
  });

  it("rethrows a hook's own failure to the test", () => {
    const emu = emulate(SCRIPT);
    emu.hooks.after('Lock.tryLock', () => {
      throw new Error('assertion inside hook');
    });
    expect(() => emu.run('sendAll')).toThrow('assertion inside hook');
  });
});

describe('faults', () => {
  it('failAtCall kills the run at the Nth call: that and every later call throw', () => {
    const emu = emulate(SCRIPT);
    // Call 1 is getDocumentProperties, 2 is step1, 3 is step2: the kill hits step2.
    emu.faults.failAtCall(3);
    const result = emu.run('steps');
    expect(result.error?.message).toBe('Exceeded maximum execution time');
    expect(emu.properties.document.getAll()).toEqual({ step1: 'x' });
    // The kill is armed for one execution only.
    const next = emu.run('steps');
    expect(next.error).toBeUndefined();
    expect(next.value).toEqual([]);
  });

  it('failAtCall can count only matching calls', () => {
    const emu = emulate(SCRIPT);
    emu.faults.failAtCall(4, { only: 'Properties.setProperty', error: 'Server error' });
    const result = emu.run('steps');
    expect(result.error?.message).toBe('Server error');
    expect(Object.keys(emu.properties.document.getAll())).toEqual(['step1', 'step2', 'step3']);
  });

  it('inject makes chosen calls fail once, and the script may recover', () => {
    const emu = emulate(SCRIPT);
    emu.faults.inject('Properties.setProperty', {
      nth: 2,
      error: 'Service Spreadsheets timed out',
    });
    const result = emu.run('steps');
    expect(result.value).toEqual(['2:Service Spreadsheets timed out']);
    expect(emu.properties.document.get('step3')).toBe('x');
    expect(emu.faults.pending()).toEqual([]);
  });

  it('ends a run that passes maxExecutionMs on the simulated clock', () => {
    const emu = emulate(SCRIPT, { maxExecutionMs: 360_000 });
    // Each call takes 200 s of simulated time; the third call starts past the limit.
    emu.hooks.after('Session.getScriptTimeZone', ({ emu: inner }) => inner.advance(200_000), {
      times: 2,
    });
    const result = emu.run('sleepy', [], { kind: 'time' });
    expect(emu.hooks.pending()).toEqual([]);
    expect(result.error?.message).toBe('Exceeded maximum execution time');
    expect(result.elapsedMs).toBe(400_000);
    expect(emu.properties.document.get('late')).toBeNull();
  });

  it('gives simple triggers 30 seconds', () => {
    const emu = emulate(
      `function slow() { Session.getScriptTimeZone(); return Session.getScriptTimeZone(); }`,
    );
    // The first call of each run takes 31 s of simulated time.
    emu.hooks.after('Session.getScriptTimeZone', ({ emu: inner }) => inner.advance(31_000), {
      nth: 1,
    });
    expect(emu.run('slow', [], { kind: 'simple' }).error?.message).toBe(
      'Exceeded maximum execution time',
    );
    expect(emu.hooks.pending()).toEqual([]);
    emu.hooks.after('Session.getScriptTimeZone', ({ emu: inner }) => inner.advance(31_000));
    const run = emu.run('slow', [], { kind: 'run' });
    expect(emu.hooks.pending()).toEqual([]);
    expect(run.error).toBeUndefined();
    expect(run.elapsedMs).toBe(31_000);
  });

  it('interrupts a runaway loop after cpuTimeoutMs of real time', () => {
    const emu = emulate(SCRIPT, { cpuTimeoutMs: 200 });
    expect(emu.run('spin').error?.message).toMatch(/timed out/);
  });
});
