// Workbooks the runner did not write itself: `npm start`'s demo saved again by LibreOffice (what
// a clerk without Excel does) and by openpyxl (what a script that prepares the roster does). Both
// once failed before the script ran (LibreOffice: "Unexpected end of JSON input", the hidden
// sheet's JSON saved as rich text; openpyxl: "Cannot read properties of undefined (reading
// 'comments')", notes in xl/comments/). Each must give the same check as the runner's own file.
import ExcelJS from 'exceljs';
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readWorkbookFile } from '../../runner/workbookFile';
import { BOOKING, SHEET } from '../../src/core/schema';
import { openpyxlStyleXlsx } from './openpyxlStyle';
import { zipEntry } from './zipEntry';

const onCi = process.env.CI === 'true' || process.env.CI === '1';
const has = (cmd: string, args: string[]) => spawnSync(cmd, args, { stdio: 'ignore' }).status === 0;
// SOFFICE names another LibreOffice binary (or, set to a missing path, tries the skip and CI paths).
const sofficeBin = process.env.SOFFICE ?? 'soffice';
const soffice = has(sofficeBin, ['--version']);
const openpyxl = has('python3', ['-c', 'import openpyxl']);

let dir: string;
/** The check dialog on an untouched copy of the demo: what every other copy must also show. */
let expectedCheck: string;

function cli(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync('npx', ['tsx', 'runner/cli.ts', ...args], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** The dialog lines (│ …) of a check run, which name every booking with an error. */
const dialog = (stdout: string) =>
  stdout
    .split('\n')
    .filter((l) => l.startsWith('  │') || l.startsWith('  ┌'))
    .join('\n');

/** A folder holding `bytes` as demo.xlsx with the demo's script state beside it. */
async function placeCopy(name: string, bytes: Buffer): Promise<string> {
  const folder = join(dir, name);
  await mkdir(folder, { recursive: true });
  const workbook = join(folder, 'demo.xlsx');
  await writeFile(workbook, bytes);
  await copyFile(join(dir, 'demo', 'demo.xlsx.script-state.json'), `${workbook}.script-state.json`);
  return workbook;
}

/** 予約's cells after a check: the same bookings, dates and results whichever copy was checked. */
async function bookings(workbook: string) {
  const snapshot = (await readWorkbookFile(workbook))!;
  const sheet = snapshot.sheets.find((s) => s.name === SHEET.bookings)!;
  const headers = sheet.values[0]!.map(String);
  return sheet.values
    .slice(1)
    .filter((row) => row[headers.indexOf(BOOKING.id)] !== '')
    .map((row) => row.map((v) => (v instanceof Date ? v.toISOString() : v)));
}

/**
 * `check` on a copy another program saved: the same dialog and 予約 cells as on the untouched
 * copy, and no （注意） (the runner warns of each rule it cannot read). Returns the copy as read.
 */
async function checksLikeTheOriginal(workbook: string) {
  const run = cli(['check', '--workbook', workbook]);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  expect(dialog(run.stdout)).toBe(expectedCheck);
  expect(run.stdout).not.toContain('（注意）');
  expect(await bookings(workbook)).toEqual(await bookings(join(dir, 'original', 'demo.xlsx')));
  return (await readWorkbookFile(workbook))!;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'runner-foreign-'));
  execFileSync('npx', ['tsx', 'runner/cli.ts', '--out', join(dir, 'demo')], {
    stdio: 'pipe',
    timeout: 120_000,
  });
  const original = await placeCopy('original', await readFile(join(dir, 'demo', 'demo.xlsx')));
  const run = cli(['check', '--workbook', original]);
  expect(run.status, run.stderr).toBe(0);
  expectedCheck = dialog(run.stdout);
  // The demo has bookings with errors: a dialog naming none would make every comparison vacuous.
  expect(expectedCheck).toMatch(/Y\d{6}（\d+行目）: エラー/);
}, 180_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('a workbook saved by LibreOffice', () => {
  const available = soffice || onCi;
  const title = available
    ? 'npm start, then LibreOffice saves out/demo.xlsx, then check works on it'
    : 'npm start, then LibreOffice saves out/demo.xlsx (skipped: soffice is not installed; ' +
      'apt-get install libreoffice-calc-nogui, as .ci/run does)';
  it.skipIf(!available)(
    title,
    async () => {
      // CI installs LibreOffice (.ci/run): there a missing soffice is a failure, not a skip.
      expect(soffice, 'soffice not found: CI must install libreoffice-calc-nogui').toBe(true);
      const workbook = await placeCopy(
        'libreoffice',
        await readFile(join(dir, 'demo', 'demo.xlsx')),
      );
      const converted = join(dir, 'libreoffice', 'converted');
      // A private profile, so runs in parallel (or a person's open LibreOffice) never collide.
      const profile = `file://${join(dir, 'lo-profile')}`;
      execFileSync(
        sofficeBin,
        [
          `-env:UserInstallation=${profile}`,
          '--headless',
          '--convert-to',
          'xlsx',
          '--outdir',
          converted,
          workbook,
        ],
        { stdio: 'pipe', timeout: 90_000 },
      );
      // Saved over the original, as LibreOffice's 保存 does; the script state stays beside it.
      await rename(join(converted, 'demo.xlsx'), workbook);
      const bytes = await readFile(workbook);
      expect(zipEntry(bytes, 'xl/workbook.xml')).toContain('appName="Calc"');

      const saved = await checksLikeTheOriginal(workbook);
      // LibreOffice stores the 参加 checkboxes as the formulas TRUE()/FALSE(); they come back as
      // the plain values staff ticked, so the runner writes no formulas into 予約.
      expect(saved.sheets.find((s) => s.name === SHEET.bookings)!.formulas).toBeUndefined();
    },
    120_000,
  );
});

describe('a workbook saved by openpyxl', () => {
  it(`check works on it (${openpyxl ? 'openpyxl load_workbook + save' : 'openpyxl not installed: a file laid out as openpyxl writes one'})`, async () => {
    const demo = join(dir, 'demo', 'demo.xlsx');
    let bytes: Buffer;
    if (openpyxl) {
      const out = join(dir, 'openpyxl-saved.xlsx');
      execFileSync('python3', [
        '-c',
        'import sys, openpyxl; openpyxl.load_workbook(sys.argv[1]).save(sys.argv[2])',
        demo,
        out,
      ]);
      bytes = await readFile(out);
    } else {
      const source = new ExcelJS.Workbook();
      await source.xlsx.load((await readFile(demo)) as unknown as ExcelJS.Buffer);
      bytes = await openpyxlStyleXlsx(source);
    }
    // What made ExcelJS fail: notes outside xl/commentsN.xml, under an absolute target.
    // (Whichever sheets hold notes: the demo's 予約 does.)
    const sheetRels = Array.from({ length: 20 }, (_, i) => {
      try {
        return zipEntry(bytes, `xl/worksheets/_rels/sheet${i + 1}.xml.rels`);
      } catch {
        return '';
      }
    });
    expect(sheetRels.join('\n')).toMatch(/Target="\/xl\/comments\/comment\d+\.xml"/);
    const workbook = await placeCopy('openpyxl', bytes);
    const saved = await checksLikeTheOriginal(workbook);
    // The notes staff read on the headers came through too.
    const notes = saved.sheets.find((s) => s.name === SHEET.bookings)!.notes ?? {};
    expect(Object.keys(notes).length).toBeGreaterThan(0);
  }, 60_000);
});
