// The 空き枠 sidebar opened in real headless Chromium, shared by the browser tests: the page is
// exactly what the built bundle handed to Ui.showSidebar (dist/sidebar.html with its client
// script inlined), and google.script.run is a small shim that forwards every call to the
// emulator running dist/Code.js. Nothing is served over the network: the page is set with
// page.setContent and every request is refused. Also axe-core, injected into that page.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect } from 'vitest';
import type { Emulator } from '../../emulator/index';
import { CLOSED_DAY, SHEET } from '../../src/core/schema';
import { bookingRow, workbookWith } from './helpers';

export const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);
export const onCi = process.env.CI === 'true' || process.env.CI === '1';

/**
 * google.script.run as the page sees it: a runner per call chain, functions named after the
 * script's globals only, handlers called asynchronously (never inside the call), failures as
 * Error objects carrying the server's message.
 */
function shimScript(serverFunctions: readonly string[]): string {
  return `<script>
(function () {
  var names = ${JSON.stringify(serverFunctions)};
  function runner(onSuccess, onFailure, userObject) {
    var r = {
      withSuccessHandler: function (f) { return runner(f, onFailure, userObject); },
      withFailureHandler: function (f) { return runner(onSuccess, f, userObject); },
      withUserObject: function (o) { return runner(onSuccess, onFailure, o); }
    };
    names.forEach(function (name) {
      r[name] = function () {
        var args = Array.prototype.slice.call(arguments);
        window.__emulatorCall(name, args).then(function (reply) {
          setTimeout(function () {
            if (reply.ok) { if (onSuccess) onSuccess(reply.value, userObject); }
            else if (onFailure) { onFailure(new Error(reply.message), userObject); }
          }, 0);
        });
      };
    });
    return r;
  }
  window.google = { script: { run: runner(null, null, undefined), host: { close: function () {} } } };
})();
</script>`;
}

interface Reply {
  ok: boolean;
  value?: unknown;
  message?: string;
}

/** The browser tests' workbook: one 確定 booking fills 12/2 10:00 at 倉敷わかもの, and 12/3 is a
 * 休業日 of 倉敷中央 (研修). */
export function sidebarWorkbook(): Emulator {
  const emu = workbookWith([bookingRow({ status: '確定' })]);
  const closed: Record<string, string> = {
    [CLOSED_DAY.date]: '2026/12/03',
    [CLOSED_DAY.office]: '倉敷中央',
    [CLOSED_DAY.reason]: '研修',
  };
  const closedHeaders = (emu.person.values(SHEET.closedDays)[0] ?? []).map(String);
  emu.edit(SHEET.closedDays, 'A2', [closedHeaders.map((h) => closed[h] ?? '')]);
  return emu;
}

export interface OpenSidebar {
  browser: Browser;
  page: Page;
  /** Server functions the page called, in order. */
  calls: string[];
  hostProblems: string[];
  dialogs: string[];
  pageErrors: string[];
}

/** Runs the menu 空き枠を表示 in the emulator and opens the page it shows in Chromium. */
export async function openSidebar(emu: Emulator): Promise<OpenSidebar> {
  const run = emu.menu('空き枠を表示');
  expect(run.error).toBeUndefined();
  const shown = emu.ui.sidebars();
  expect(shown).toHaveLength(1);
  expect(shown[0]!.title).toBe('空き枠');
  const html = shown[0]!.content.replace('<head>', `<head>${shimScript(emu.globals())}`);

  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const open: OpenSidebar = {
    browser,
    page: await browser.newPage({ viewport: { width: 300, height: 900 } }),
    calls: [],
    hostProblems: [],
    dialogs: [],
    pageErrors: [],
  };
  const { page } = open;
  page.on('dialog', (dialog) => {
    open.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => open.pageErrors.push(error.message));
  // Refuse any request: the page must work without a network (and must not load <img src=x>).
  await page.route('**/*', (route) => route.abort());
  await page.exposeFunction('__emulatorCall', (name: string, args: unknown[]): Reply => {
    open.calls.push(name);
    try {
      const result = emu.callServer(name, ...args);
      if (result.error) return { ok: false, message: result.error.message };
      return { ok: true, value: result.value };
    } catch (error) {
      open.hostProblems.push(String(error));
      return { ok: false, message: String(error) };
    }
  });
  await page.setContent(html);
  return open;
}

// ---------------------------------------------------------------------------------------------
// axe-core

/** JIS X 8341-3:2016 AA is WCAG 2.0 AA; the WCAG 2.1 A/AA rules pass too and are kept. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

const AXE_SCRIPT = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

interface AxeNode {
  target: unknown[];
  html: string;
  failureSummary?: string;
}
interface AxeRule {
  id: string;
  impact?: string | null;
  help: string;
  nodes: AxeNode[];
}
export interface AxeSummary {
  violations: AxeRule[];
  passes: AxeRule[];
  incomplete: AxeRule[];
  /** Rules that found something to check (passed or not). */
  rulesChecked: number;
  nodesChecked: number;
}

/** Runs axe-core in the page (injected once) on the whole document with AXE_TAGS. */
export async function runAxe(page: Page): Promise<AxeSummary> {
  // The page's globals, as the root tsconfig has no DOM types.
  type PageGlobals = { axe?: { run: (...a: unknown[]) => Promise<unknown> }; document: unknown };
  const loaded = await page.evaluate(() => 'axe' in globalThis);
  if (!loaded) await page.addScriptTag({ path: AXE_SCRIPT });
  const results = await page.evaluate(async (tags) => {
    const g = globalThis as unknown as PageGlobals;
    if (!g.axe) throw new Error('axe-core was not injected');
    return g.axe.run(g.document, { runOnly: { type: 'tag', values: tags } });
  }, AXE_TAGS);
  const { violations, passes, incomplete } = results as Omit<
    AxeSummary,
    'rulesChecked' | 'nodesChecked'
  >;
  const checked = [...violations, ...passes];
  return {
    violations,
    passes,
    incomplete,
    rulesChecked: checked.length,
    nodesChecked: checked.reduce((n, rule) => n + rule.nodes.length, 0),
  };
}

/** Violations one a line, for the failure message. */
export function describeViolations(violations: readonly AxeRule[]): string {
  return violations
    .flatMap((rule) =>
      rule.nodes.map(
        (node) =>
          `${rule.id} (${rule.impact ?? '?'}): ${rule.help}\n  at ${JSON.stringify(node.target)} ${node.html}\n  ${node.failureSummary ?? ''}`,
      ),
    )
    .join('\n');
}
