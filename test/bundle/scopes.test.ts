// appsscript.json declares exactly the OAuth scopes the bundle needs (SPEC §5 Security): every
// scope a service in dist/Code.js requires is declared, every declared scope is used, and none
// is restricted (full Gmail, Drive). Sending goes through MailApp (script.send_mail), never GmailApp.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const code = readFileSync('dist/Code.js', 'utf8');
const manifest = JSON.parse(readFileSync('dist/appsscript.json', 'utf8')) as {
  oauthScopes?: string[];
};
const source = JSON.parse(readFileSync('appsscript.json', 'utf8')) as { oauthScopes?: string[] };

const AUTH = 'https://www.googleapis.com/auth/';
/** Which scope each service use needs, and how it shows in the bundle. */
const USES: { scope: string; pattern: RegExp; what: string }[] = [
  {
    scope: `${AUTH}spreadsheets.currentonly`,
    pattern: /\bSpreadsheetApp\.getActiveSpreadsheet\(/,
    what: 'the bound spreadsheet',
  },
  {
    scope: `${AUTH}script.container.ui`,
    pattern: /\b(getUi\(\)|HtmlService\.)/,
    what: 'menus, dialogs, the sidebar',
  },
  {
    scope: `${AUTH}script.send_mail`,
    pattern: /\bMailApp\.sendEmail\(/,
    what: 'invitations and staff alerts',
  },
  {
    scope: `${AUTH}script.scriptapp`,
    pattern: /\bScriptApp\.(newTrigger|getProjectTriggers)\(/,
    what: 'time-driven triggers',
  },
  {
    scope: `${AUTH}userinfo.email`,
    pattern: /\bSession\.get(Active|Effective)User\(\)\.getEmail\(/,
    what: 'who ran it, the trigger owner',
  },
];
const RESTRICTED = [/mail\.google\.com/, /\/auth\/drive/, /\/auth\/gmail/, /\/auth\/spreadsheets$/];

describe('oauthScopes in appsscript.json', () => {
  const declared = manifest.oauthScopes ?? [];

  it('is copied unchanged into dist/', () => {
    expect(declared).toEqual(source.oauthScopes);
  });

  it.each(USES.map((u) => [u.what, u] as const))('declares the scope used for %s', (_w, use) => {
    expect(code).toMatch(use.pattern);
    expect(declared).toContain(use.scope);
  });

  it('declares nothing the bundle does not use', () => {
    for (const scope of declared) {
      const use = USES.find((u) => u.scope === scope);
      expect(use, `${scope} is declared but no service in the bundle needs it`).toBeDefined();
      expect(code).toMatch(use!.pattern);
    }
    expect(new Set(declared).size).toBe(declared.length);
  });

  it('has no restricted or broader scope', () => {
    for (const scope of declared) for (const r of RESTRICTED) expect(scope).not.toMatch(r);
  });

  it('the bundle never touches GmailApp, DriveApp, UrlFetchApp or openById', () => {
    expect(code).not.toMatch(/\bGmailApp\b/);
    expect(code).not.toMatch(/\bDriveApp\b/);
    expect(code).not.toMatch(/\bUrlFetchApp\b/);
    expect(code).not.toMatch(/SpreadsheetApp\.(openById|openByUrl|open)\(/);
    expect(code).not.toMatch(/\bCalendarApp\b|\bDocumentApp\b|\bFormApp\b/);
  });
});
