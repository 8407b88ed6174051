// Where Google is documented stricter than a naive emulator, the emulator is as strict (each rule's
// reference page is cited in emulator/README.md "Strict rules").
import { describe, expect, it } from 'vitest';
import type { RunResult } from '../../emulator/index';
import { emulate } from './fixtures/emulate';

const DIALOGS = `
function askWhileLocked() {
  var lock = LockService.getScriptLock();
  lock.waitLock(1000);
  var ui = SpreadsheetApp.getUi();
  var answer = ui.alert('続けますか？', ui.ButtonSet.YES_NO);
  var after = lock.hasLock();
  var again = lock.tryLock(1000);
  return [String(answer), after, again, lock.hasLock()];
}
function promptWhileLocked() {
  var lock = LockService.getScriptLock();
  lock.waitLock(1000);
  SpreadsheetApp.getUi().prompt('名前');
  return lock.hasLock();
}
function tryOnce() { return LockService.getScriptLock().tryLock(100); }
`;

// https://developers.google.com/apps-script/reference/base/ui#alert(String,ButtonSet)
describe('a dialog suspends the script and releases its locks', () => {
  it('alert: the lock is gone after the answer, another run can take it meanwhile, re-acquiring works', () => {
    const emu = emulate(DIALOGS);
    let other: RunResult | undefined;
    emu.hooks.before('Ui.alert', ({ emu: inner }) => {
      expect(inner.locks.held()).toHaveProperty('script');
    });
    emu.hooks.after('Ui.alert', ({ emu: inner }) => {
      expect(inner.locks.held()).toEqual({});
      other = inner.run('tryOnce', [], { kind: 'time' });
    });
    emu.ui.queueResponse('YES');
    const run = emu.run('askWhileLocked', [], { kind: 'menu' });
    expect(emu.hooks.pending()).toEqual([]);
    expect(other?.value).toBe(true);
    expect(run.value).toEqual(['YES', false, true, true]);
    expect(emu.ui.dialogs[0]!.releasedLocks).toEqual(['script']);
  });

  it('prompt releases the lock too', () => {
    const emu = emulate(DIALOGS);
    emu.ui.queueResponse({ button: 'OK', text: 'x' });
    expect(emu.runOk('promptWhileLocked', [], { kind: 'menu' })).toBe(false);
    expect(emu.ui.dialogs[0]!.releasedLocks).toEqual(['script']);
  });
});
