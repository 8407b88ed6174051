// The script's world: a classic script in a fresh global per execution, a Date on the simulated
// clock, and loud failures for Apps Script services the emulator does not have.
import { describe, expect, it } from 'vitest';
import { emulate, START, workbook } from './fixtures/emulate';

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
    // A Date the emulator made (a date cell of the workbook), read through SpreadsheetApp.
    const emu = emulate(
      `
      function check() {
        var read = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('予約').getRange('A1').getValue();
        return [read instanceof Date, new Date() instanceof Date, read.getTime()];
      }
    `,
      { workbook: workbook([[new Date('2026-12-01T10:00:00+09:00')]]) },
    );
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

  it("displays dates in the spreadsheet's zone whatever the machine zone", () => {
    const code = `
      function fmt() {
        var range = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('予約').getRange('A1:B1');
        range.setValues([[new Date(), new Date()]]);
        range.setNumberFormats([['yyyy-MM-dd HH:mm', 'M月d日(ddd)']]);
        return range.getDisplayValues()[0].concat([Session.getScriptTimeZone()]);
      }
    `;
    const at = '2026-12-01T00:30:00+09:00'; // still 30 November in Los Angeles and in UTC
    const tokyo = emulate(code, { now: at });
    expect(tokyo.runOk('fmt')).toEqual(['2026-12-01 00:30', '12月1日(火)', 'Asia/Tokyo']);
    const utc = emulate(code, { now: at, workbook: { ...workbook(), timeZone: 'UTC' } });
    expect(utc.runOk<string[]>('fmt').slice(0, 2)).toEqual(['2026-11-30 15:30', '11月30日(月)']);
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

  it('fails loudly on what was dropped because the bundle never calls it', () => {
    // CacheService, Logger and GmailApp were emulated once; so were Utilities' other methods and
    // the script and user property stores. A script reaching for one must not limp on.
    const emu = emulate(`
      function attempt(what) {
        var tries = {
          cache: function () { return CacheService.getScriptCache(); },
          logger: function () { return Logger.log('x'); },
          gmail: function () { return GmailApp.sendEmail('a@example.jp', 's', 'b'); },
          formatDate: function () { return Utilities.formatDate(new Date(), 'Asia/Tokyo', 'yyyy'); },
          sleep: function () { return Utilities.sleep(10); },
          charset: function () { return Utilities.Charset.UTF_8; },
          scriptProperties: function () { return PropertiesService.getScriptProperties(); },
          userProperties: function () { return PropertiesService.getUserProperties(); },
        };
        try { tries[what](); return 'no error'; } catch (e) { return e.message; }
      }
    `);
    expect(
      Object.fromEntries(
        [
          'cache',
          'logger',
          'gmail',
          'formatDate',
          'sleep',
          'charset',
          'scriptProperties',
          'userProperties',
        ].map((what) => [what, emu.runOk('attempt', [what])]),
      ),
    ).toEqual({
      cache: 'not emulated: CacheService',
      logger: 'not emulated: Logger',
      gmail: 'not emulated: GmailApp',
      formatDate: 'not emulated: Utilities.formatDate',
      sleep: 'not emulated: Utilities.sleep',
      charset: 'not emulated: Utilities.Charset',
      scriptProperties: 'not emulated: PropertiesService.getScriptProperties',
      userProperties: 'not emulated: PropertiesService.getUserProperties',
    });
    expect(emu.mail.sent).toEqual([]);
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
        var props = PropertiesService.getDocumentProperties();
        try { props.getProperty(1); } catch (e) { return [e instanceof Error, e.name, e.message]; }
      }
    `);
    expect(emu.runOk('bad')).toEqual([true, 'Exception', 'Invalid argument: key']);
  });
});
