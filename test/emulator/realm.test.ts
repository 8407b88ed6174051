// The script's world: a classic script in a fresh global per execution, a Date on the simulated
// clock, and loud failures for Apps Script services the emulator does not have.
import { describe, expect, it } from 'vitest';
import { emulate, START } from './fixtures/emulate';

describe('the script realm', () => {
  it('runs in America/Los_Angeles, far from Tokyo, so zone mistakes show', () => {
    expect(process.env.TZ).toBe('America/Los_Angeles');
    expect(new Date(START).getTimezoneOffset()).toBe(480);
  });

  it('reads the simulated clock through new Date(), Date.now() and Date()', () => {
    const emu = emulate(`
      function now() { return [new Date().getTime(), Date.now(), typeof Date(), new Date(0).getTime()]; }
    `);
    expect(emu.runOk('now')).toEqual([Date.parse(START), Date.parse(START), 'string', 0]);
    emu.advance({ minutes: 10 });
    expect(emu.runOk<number[]>('now')[0]).toBe(Date.parse(START) + 600_000);
    emu.setTime('2027-01-04T08:30:00+09:00');
    expect(emu.runOk<number[]>('now')[1]).toBe(Date.parse('2027-01-04T08:30:00+09:00'));
  });

  it('hands the script Dates of its own realm, so instanceof Date holds', () => {
    const emu = emulate(`
      function check() {
        var parsed = Utilities.parseDate('2026/12/01 10:00', 'Asia/Tokyo', 'yyyy/MM/dd HH:mm');
        return [parsed instanceof Date, new Date() instanceof Date, parsed.getTime()];
      }
    `);
    expect(emu.runOk('check')).toEqual([true, true, Date.parse('2026-12-01T10:00:00+09:00')]);
  });

  it("binds JavaScript's own globals for speed without changing what the script sees", () => {
    const emu = emulate(`
      class Later extends Date {}
      function same() {
        return [
          Number === globalThis.Number, Date === globalThis.Date, Math === globalThis.Math,
          new Date(2026, 11, 1, 10) instanceof Date, new Later(0) instanceof Date,
          new Later(0) instanceof Later, new Date('2026-12-01T10:00:00+09:00').getTime(),
          Object.prototype.toString.call(new Date(0)),
        ];
      }
      function assign() { Number = null; }
    `);
    expect(emu.runOk('same')).toEqual([
      true,
      true,
      true,
      true,
      true,
      true,
      Date.parse('2026-12-01T10:00:00+09:00'),
      '[object Date]',
    ]);
    // Replacing a JavaScript global is not something our script does: it fails loudly.
    expect(emu.run('assign').error?.name).toBe('TypeError');
  });

  it('formats dates in the named zone whatever the machine zone (Utilities.formatDate)', () => {
    const emu = emulate(`
      function fmt() {
        var d = new Date();
        return [
          Utilities.formatDate(d, 'Asia/Tokyo', 'yyyy-MM-dd HH:mm'),
          Utilities.formatDate(d, Session.getScriptTimeZone(), 'M月d日(E)'),
          Utilities.formatDate(d, 'UTC', "yyyy-MM-dd'T'HH:mm:ss'Z'"),
        ];
      }
    `);
    emu.setTime('2026-12-01T00:30:00+09:00'); // still 30 November in Los Angeles and in UTC
    const [tokyo, japanese, utc] = emu.runOk<string[]>('fmt');
    expect(tokyo).toBe('2026-12-01 00:30');
    expect(japanese).toMatch(/^12月1日\(/);
    expect(utc).toBe('2026-11-30T15:30:00Z');
  });

  it('is a classic script: no require, module, process, Buffer or timers', () => {
    const emu = emulate(`
      function probe() {
        return [typeof require, typeof module, typeof exports, typeof process, typeof Buffer,
          typeof setTimeout, typeof globalThis.SpreadsheetApp, typeof MailApp];
      }
    `);
    expect(emu.runOk('probe')).toEqual([
      'undefined',
      'undefined',
      'undefined',
      'undefined',
      'undefined',
      'undefined',
      'object',
      'object',
    ]);
  });

  it('throws "not emulated: X" when the script touches a service the emulator lacks', () => {
    const emu = emulate(`
      function touch(name) {
        try { return String(globalThis[name].getRootFolder); } catch (e) { return e.message; }
      }
    `);
    for (const name of ['DriveApp', 'UrlFetchApp', 'CalendarApp', 'DocumentApp']) {
      expect(emu.runOk('touch', [name])).toBe(`not emulated: ${name}`);
    }
  });

  it('evaluates the script afresh for each execution: top-level state does not survive', () => {
    const emu = emulate(`
      var counter = 0;
      var loadedAt = new Date().getTime();
      function bump() { counter += 1; return [counter, loadedAt]; }
    `);
    expect(emu.runOk('bump')).toEqual([1, Date.parse(START)]);
    emu.advance({ seconds: 1 });
    expect(emu.runOk('bump')).toEqual([1, Date.parse(START) + 1000]);
  });

  it('lists the top-level functions the script defines', () => {
    const emu = emulate(`
      function onOpen() {}
      function sendInvitations() {}
      var notAFunction = 1;
      var arrow = function () {};
    `);
    expect(emu.globals()).toEqual(['arrow', 'onOpen', 'sendInvitations']);
  });

  it("returns the script's error in the result; runOk throws it; unknown handlers throw", () => {
    const emu = emulate(`
      function fails() { throw new TypeError('bad input'); }
      function isError() { try { fails(); } catch (e) { return e instanceof Error; } }
    `);
    const result = emu.run('fails');
    expect(result.value).toBeUndefined();
    expect(result.error).toBeInstanceOf(Error);
    expect(result.error?.name).toBe('TypeError');
    expect(result.error?.message).toBe('bad input');
    expect(() => emu.runOk('fails')).toThrow('bad input');
    expect(emu.runOk('isError')).toBe(true);
    expect(() => emu.run('noSuchFunction')).toThrow(/noSuchFunction is not a global function/);
  });

  it('gives service errors the name Exception and the realm Error class', () => {
    const emu = emulate(`
      function bad() {
        try { Utilities.sleep(-1); } catch (e) { return [e instanceof Error, e.name, e.message]; }
      }
    `);
    expect(emu.runOk('bad')).toEqual([true, 'Exception', 'Invalid argument: milliseconds']);
  });
});
