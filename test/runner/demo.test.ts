// The local runner end to end: the demo (what `npm start` runs) writes a workbook that opens again
// with the bookings where the week left them, and .eml files a mail client reads as Japanese mail
// with the calendar attachment. A second command on the same workbook continues from its state.
import { simpleParser } from 'mailparser';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkbookSnapshot } from '../../emulator/snapshot';
import { readWorkbookFile } from '../../runner/workbookFile';
import { BOOKING, SHEET, STATUS } from '../../src/core/schema';

let dir: string;
let workbook: WorkbookSnapshot;

function records(sheetName: string): Record<string, unknown>[] {
  const sheet = workbook.sheets.find((s) => s.name === sheetName)!;
  const [headers, ...rows] = sheet.values;
  // Rows of unticked checkboxes alone (a checkbox rule may fill FALSE down the column) are empty.
  return rows
    .filter((row) => row.some((v) => v !== '' && v !== false && v !== null))
    .map((row) => Object.fromEntries(headers!.map((h, i) => [String(h), row[i] ?? ''])));
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'runner-demo-'));
  execFileSync('npx', ['tsx', 'runner/cli.ts', '--out', dir], { stdio: 'pipe', timeout: 120_000 });
  workbook = (await readWorkbookFile(join(dir, 'demo.xlsx')))!;
}, 150_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('npm start (the demo)', () => {
  it('leaves a workbook with every sheet of the contract and the week played out', () => {
    const names = workbook.sheets.map((s) => s.name);
    for (const name of Object.values(SHEET)) expect(names).toContain(name);
    const statuses = records(SHEET.bookings).map((r) => String(r[BOOKING.status] || STATUS.taken));
    // Joined → 実施; never joined → 無断キャンセル; phoned → キャンセル; mistakes stay 受付.
    expect(statuses.filter((s) => s === STATUS.held)).toHaveLength(4);
    expect(statuses.filter((s) => s === STATUS.noShow)).toHaveLength(2);
    expect(statuses.filter((s) => s === STATUS.cancelled)).toHaveLength(1);
    expect(statuses.filter((s) => s === STATUS.taken)).toHaveLength(3);
    expect(records(SHEET.log).length).toBeGreaterThan(10);
  });

  it('writes invitations and alerts as .eml files a mail client reads', async () => {
    const outbox = join(dir, 'outbox');
    const files = (await readdir(outbox)).filter((f) => f.endsWith('.eml')).sort();
    expect(files.length).toBeGreaterThanOrEqual(7);
    const mails = await Promise.all(
      files.map(async (f) => simpleParser(await readFile(join(outbox, f)))),
    );
    const invitations = mails.filter((m) => m.subject?.includes('オンライン職業相談のご案内'));
    expect(invitations).toHaveLength(7);
    for (const mail of invitations) {
      expect(mail.text).toMatch(/様\n/);
      expect(mail.text).toContain('令和4年5月30日制定（令和4年8月24日改正）');
      expect(mail.attachments.map((a) => a.filename)).toEqual([expect.stringMatching(/\.ics$/)]);
      expect(mail.from?.value[0]?.name).toMatch(/ハローワーク/);
    }
    const alerts = mails.filter((m) => m.to && JSON.stringify(m.to).includes('staff@example.jp'));
    expect(alerts.length).toBeGreaterThan(0);
  });

  it('continues from the saved state: a tick on the saved workbook issues no second invitation', async () => {
    const outbox = join(dir, 'outbox');
    const before = new Set(await readdir(outbox));
    execFileSync(
      'npx',
      [
        'tsx',
        'runner/cli.ts',
        'tick',
        '--workbook',
        join(dir, 'demo.xlsx'),
        '--outbox',
        outbox,
        '--at',
        '2026-12-07T10:00:00+09:00',
      ],
      { stdio: 'pipe', timeout: 60_000 },
    );
    const added = (await readdir(outbox)).filter((f) => !before.has(f));
    const subjects = await Promise.all(
      added.map(async (f) => (await simpleParser(await readFile(join(outbox, f)))).subject ?? ''),
    );
    // Whatever the tick alerts staff about, it sends nobody a second invitation.
    expect(subjects.filter((s) => s.includes('オンライン職業相談のご案内'))).toEqual([]);
    const saved = (await readWorkbookFile(join(dir, 'demo.xlsx')))!;
    const ids = saved.sheets
      .find((s) => s.name === SHEET.bookings)!
      .values.slice(1)
      .map((r) => r[0])
      .filter((id) => id !== '' && id !== null && id !== undefined);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
