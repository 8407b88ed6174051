// Where Google is documented stricter than a naive emulator, the emulator is as strict (each rule's
// reference page is cited in emulator/README.md "Strict rules").
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Emulator, type RunResult } from '../../emulator/index';
import { emulate, START } from './fixtures/emulate';

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
});

const SERVICES = `
function sendOne() { MailApp.sendEmail('a@example.jp', 's', 'b'); return 'sent'; }
function whoAmI() { return [Session.getEffectiveUser().getEmail(), Session.getActiveUser().getEmail()]; }
function sheetName() { return SpreadsheetApp.getActiveSpreadsheet().getName(); }
function triggers() { return ScriptApp.getProjectTriggers().length; }
function showUi() { SpreadsheetApp.getUi().alert('x'); return 'shown'; }
function onOpen(e) {
  var out = { user: Session.getActiveUser().getEmail(), effective: Session.getEffectiveUser().getEmail() };
  try { MailApp.sendEmail('a@example.jp', 's', 'b'); out.mail = 'sent'; } catch (err) { out.mail = err.message; }
  try { ScriptApp.getProjectTriggers(); out.triggers = 'read'; } catch (err) { out.triggers = err.message; }
  out.sheet = SpreadsheetApp.getActiveSpreadsheet().getName();
  return out;
}
`;
const AUTH = 'https://www.googleapis.com/auth/';

// https://developers.google.com/apps-script/concepts/scopes
describe("the manifest's oauthScopes are enforced", () => {
  it('a call whose service needs a scope the manifest lacks throws the permission error', () => {
    const emu = emulate(SERVICES, {
      manifest: { oauthScopes: [`${AUTH}spreadsheets.currentonly`] },
    });
    expect(emu.runOk('sheetName')).toBe('テスト台帳');
    expect(emu.run('sendOne').error?.message).toBe(
      `You do not have permission to call MailApp.sendEmail. Required permissions: ${AUTH}script.send_mail`,
    );
    expect(emu.run('whoAmI').error?.message).toBe(
      `You do not have permission to call Session.getEffectiveUser. Required permissions: ${AUTH}userinfo.email`,
    );
    expect(emu.run('triggers').error?.message).toBe(
      `You do not have permission to call ScriptApp.getProjectTriggers. Required permissions: ${AUTH}script.scriptapp`,
    );
    expect(emu.run('showUi', [], { kind: 'menu' }).error?.message).toBe(
      `You do not have permission to call SpreadsheetApp.getUi. Required permissions: ${AUTH}script.container.ui`,
    );
    expect(emu.mail.sent).toHaveLength(0);
  });

  it('the spreadsheet needs spreadsheets.currentonly or spreadsheets', () => {
    const emu = emulate(SERVICES, { manifest: { oauthScopes: [`${AUTH}script.send_mail`] } });
    expect(emu.run('sheetName').error?.message).toBe(
      `You do not have permission to call SpreadsheetApp.getActiveSpreadsheet. Required permissions: (${AUTH}spreadsheets.currentonly || ${AUTH}spreadsheets)`,
    );
    expect(emu.runOk('sendOne')).toBe('sent');
  });

  it('a manifest without oauthScopes grants what the code uses (Apps Script detects them)', () => {
    const emu = emulate(SERVICES, { manifest: {} });
    expect(emu.runOk('sendOne')).toBe('sent');
    expect(emu.runOk('whoAmI')).toEqual(['owner@example.jp', 'owner@example.jp']);
  });

  it('dist/appsscript.json is read beside a bundle given by path', () => {
    const emu = new Emulator({ now: START });
    expect(emu.runtime.grantedScopes).toEqual(
      new Set(
        (JSON.parse(readFileSync('dist/appsscript.json', 'utf8')) as { oauthScopes: string[] })
          .oauthScopes,
      ),
    );
  });
});

// https://developers.google.com/apps-script/guides/triggers#restrictions
describe('simple triggers', () => {
  it('cannot send mail or read triggers, do not see the e-mail, and may use the bound file', () => {
    const emu = emulate(SERVICES);
    const run = emu.open();
    expect(run.kind).toBe('simple');
    expect(run.value).toEqual({
      user: '',
      effective: '',
      mail: `You do not have permission to call MailApp.sendEmail. Required permissions: ${AUTH}script.send_mail`,
      triggers: `You do not have permission to call ScriptApp.getProjectTriggers. Required permissions: ${AUTH}script.scriptapp`,
      sheet: 'テスト台帳',
    });
    expect(emu.mail.sent).toHaveLength(0);
  });

  it('stop after 30 seconds', () => {
    const emu = emulate(
      `function onOpen() { Session.getScriptTimeZone(); SpreadsheetApp.getActiveSpreadsheet(); }`,
    );
    // The first call takes 31 s of simulated time: the next one is past the simple-trigger limit.
    emu.hooks.after('Session.getScriptTimeZone', ({ emu: inner }) => inner.advance(31_000));
    expect(emu.open().error?.message).toBe('Exceeded maximum execution time');
    expect(emu.hooks.pending()).toEqual([]);
  });
});

const VALIDATION = `
function setRules() {
  var sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('予約');
  var strict = SpreadsheetApp.newDataValidation().requireDate().setAllowInvalid(false).build();
  var lenient = SpreadsheetApp.newDataValidation().requireDate().setAllowInvalid(true).build();
  sheet.getRange('A2:A5').setDataValidation(strict);
  sheet.getRange('B2:B5').setDataValidation(lenient);
}
function scriptWrites() {
  SpreadsheetApp.getActiveSpreadsheet().getSheetByName('予約').getRange('A3').setValue('令和8年12月1日');
}
function onEdit(e) { PropertiesService.getDocumentProperties().setProperty('edited', e.range.getA1Notation()); }
`;

// https://developers.google.com/apps-script/reference/spreadsheet/data-validation-builder#setAllowInvalid(Boolean)
describe('data validation with setAllowInvalid(false)', () => {
  it("refuses a person's input that breaks it: nothing lands, no onEdit, the refusal is reported", () => {
    const emu = emulate(VALIDATION);
    emu.runOk('setRules');
    expect(emu.edit('予約', 'A2', '令和8年12月1日')).toEqual([]);
    expect(emu.sheetValues('予約')).toEqual([]);
    expect(emu.refusals()).toEqual([
      {
        sheet: '予約',
        a1: 'A2',
        value: '令和8年12月1日',
        criteria: 'DATE_IS_VALID_DATE',
        helpText: null,
      },
    ]);
    expect(emu.properties.document.get('edited')).toBeNull();
    // A date passes; a warning-only rule lets anything in.
    expect(emu.edit('予約', 'A2', '2026/12/1')).toHaveLength(1);
    expect(emu.edit('予約', 'B2', '令和8年12月1日')).toHaveLength(1);
    expect(emu.sheetValues('予約')[1]![1]).toBe('令和8年12月1日');
    expect(emu.refusals()).toHaveLength(1);
  });

  it("does not refuse the script's own writes", () => {
    const emu = emulate(VALIDATION);
    emu.runOk('setRules');
    emu.runOk('scriptWrites');
    expect(emu.sheetValues('予約')[2]![0]).toBe('令和8年12月1日');
    expect(emu.refusals()).toEqual([]);
  });
});
