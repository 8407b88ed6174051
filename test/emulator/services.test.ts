// Mail quota, Session, logging, installed triggers and google.script.run through the facade.
import { describe, expect, it } from 'vitest';
import type { LogEntry } from '../../emulator/index';
import { emulate, START } from './fixtures/emulate';

const MAIL = `
function sendThree() {
  var outcome = [];
  ['a@example.jp', 'b@example.jp', 'c@example.jp'].forEach(function (to) {
    try {
      MailApp.sendEmail(to, '件名', '本文', { name: 'ハローワーク' });
      outcome.push('sent ' + to);
    } catch (e) {
      outcome.push(e.message);
    }
  });
  outcome.push(MailApp.getRemainingDailyQuota());
  return outcome;
}
`;

describe('MailApp through the facade', () => {
  it("stops at the daily quota with Apps Script's message", () => {
    const emu = emulate(MAIL, { mailQuota: 2 });
    expect(emu.runOk('sendThree')).toEqual([
      'sent a@example.jp',
      'sent b@example.jp',
      'Service invoked too many times for one day: email.',
      0,
    ]);
    expect(emu.mail.sent.map((m) => m.to)).toEqual(['a@example.jp', 'b@example.jp']);
    expect(emu.mail.sent[0]).toMatchObject({ from: 'owner@example.jp', name: 'ハローワーク' });
    expect(emu.mail.sent[0]!.sentAt.getTime()).toBe(Date.parse(START));
  });

  it('refuses to send from a simple trigger (no authorization)', () => {
    const emu = emulate(MAIL);
    const result = emu.run('sendThree', [], { kind: 'simple' });
    // Each sendEmail threw (caught by the script); the quota read after the loop ends the run.
    expect(result.error?.message).toMatch(
      /^You do not have permission to call MailApp\.getRemainingDailyQuota/,
    );
    expect(emu.mail.sent).toEqual([]);
  });
});

describe('Session', () => {
  const SCRIPT = `
    function who() {
      return [Session.getActiveUser().getEmail(), Session.getEffectiveUser().getEmail(),
        Session.getScriptTimeZone()];
    }
  `;

  it('names the user and the zone', () => {
    const emu = emulate(SCRIPT, { user: 'staff@example.jp' });
    expect(emu.runOk('who')).toEqual(['staff@example.jp', 'staff@example.jp', 'Asia/Tokyo']);
  });

  it('can withhold the active user as Apps Script does across domains', () => {
    const emu = emulate(SCRIPT, { user: 'owner@example.jp', activeUser: '' });
    expect(emu.runOk<string[]>('who').slice(0, 2)).toEqual(['', 'owner@example.jp']);
  });
});

describe('logging', () => {
  const SCRIPT = `
    function noisy(n) {
      console.log('%s has %d rows', '予約', n);
      console.info({ id: 'R-1', count: n });
      console.warn('quota low', 3);
      console.error(new Error('boom'));
    }
    function quiet() { console.log('second run'); }
  `;

  it("captures console into the run's logs and the emulator's", () => {
    const seen: LogEntry[] = [];
    const emu = emulate(SCRIPT, { onLog: (entry) => seen.push(entry) });
    const result = emu.run('noisy', [3]);
    expect(result.logs.map((e) => [e.level, e.text.split('\n')[0]])).toEqual([
      ['log', '予約 has 3 rows'],
      ['info', '{"id":"R-1","count":3}'],
      ['warn', 'quota low 3'],
      ['error', 'Error: boom'],
    ]);
    expect(result.logs.every((e) => e.executionId === result.executionId)).toBe(true);
    const second = emu.run('quiet');
    expect(second.logs.map((e) => e.text)).toEqual(['second run']);
    expect(emu.logs).toHaveLength(5);
    expect(seen).toHaveLength(5);
    expect(emu.logText()).toContain('予約 has 3 rows');
  });
});

describe('installed triggers', () => {
  const SCRIPT = `
    function install() {
      ScriptApp.newTrigger('tick').timeBased().everyMinutes(10).create();
      return ScriptApp.getProjectTriggers().length;
    }
    function tick(e) {
      var ui = 'none';
      try { SpreadsheetApp.getUi(); ui = 'yes'; } catch (err) { ui = err.message; }
      return [e.authMode === ScriptApp.AuthMode.FULL, e.triggerUid, e.timezone, e.hour, e.minute, ui];
    }
  `;

  it('fires an installed time trigger as a time execution with its event', () => {
    const emu = emulate(SCRIPT);
    expect(() => emu.fireTimeTrigger('tick')).toThrow(/no time-driven trigger for tick/);
    expect(emu.runOk('install')).toBe(1);
    const [trigger] = emu.triggers();
    expect(trigger).toMatchObject({ handler: 'tick', type: 'CLOCK', everyMinutes: 10 });
    const result = emu.fireTimeTrigger('tick');
    expect(result.kind).toBe('time');
    expect(result.value).toEqual([
      true,
      trigger!.uid,
      'UTC',
      0, // 09:00 in Tokyo is 00:00 UTC
      0,
      'Cannot call SpreadsheetApp.getUi() from this context.',
    ]);
  });

  it('refuses to install triggers from a simple trigger', () => {
    const emu = emulate(SCRIPT);
    const result = emu.run('install', [], { kind: 'simple' });
    expect(result.error?.message).toMatch(
      /You do not have permission to call ScriptApp.newTrigger/,
    );
    expect(emu.triggers()).toEqual([]);
  });
});

describe('callServer (google.script.run)', () => {
  const SCRIPT = `
    function slots(request) { return { day: request.day, free: ['10:00', '14:00'], n: request.n + 1 }; }
    function withDate() { return { at: new Date() }; }
    function fails() { throw new Error('満席です'); }
  `;

  it('passes JSON-like data both ways', () => {
    const emu = emulate(SCRIPT);
    const result = emu.callServer('slots', { day: '2026-12-01', n: 1 });
    expect(result.kind).toBe('run');
    expect(result.value).toEqual({ day: '2026-12-01', free: ['10:00', '14:00'], n: 2 });
  });

  it('rejects Date arguments and turns a Date-bearing return value into null', () => {
    const emu = emulate(SCRIPT);
    expect(() => emu.callServer('slots', { day: new Date() })).toThrow(
      /a Date is not a legal parameter/,
    );
    expect(emu.callServer('withDate').value).toBeNull();
    expect(emu.callServer('fails').error?.message).toBe('満席です');
  });
});
