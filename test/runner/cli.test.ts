// The runner's command line with the wrong file: a misspelt --workbook is refused (only setup
// creates a workbook), and a file that is not a readable .xlsx is named with what is wrong and
// how to fix it, in Japanese for staff and English for maintainers, with a non-zero exit.
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readWorkbookFile, writeWorkbookFile } from '../../runner/workbookFile';
import { SHEET } from '../../src/core/schema';

let dir: string;

function cli(args: string[]) {
  const run = spawnSync('npx', ['tsx', 'runner/cli.ts', ...args], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'runner-cli-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('--workbook names a file that does not exist', () => {
  it.each(['check', 'send', 'tick', 'report', 'archive'])(
    '%s refuses it, names the workbooks that are there, and creates nothing',
    async (command) => {
      const folder = await mkdtemp(join(dir, `${command}-`));
      await writeFile(join(folder, 'demo.xlsx'), '');
      const run = cli([command, '--workbook', join(folder, 'dmeo.xlsx')]);
      expect(run.status).toBe(1);
      expect(run.stderr).toContain(`ブック ${join(folder, 'dmeo.xlsx')} が見つかりません`);
      expect(run.stderr).toContain('先に setup（初期設定）を実行します');
      expect(run.stderr).toContain('workbooks in that folder: demo.xlsx');
      expect(run.stderr).toContain('does not exist');
      expect(run.stdout).toBe('');
      // No new workbook, script state or outbox appeared.
      expect(await readdir(folder)).toEqual(['demo.xlsx']);
    },
  );

  it('setup creates it (the one command that may), says so, and reports what it did', async () => {
    const workbook = join(dir, 'new', 'book.xlsx');
    const run = cli(['setup', '--workbook', workbook, '--at', '2026-11-30T09:00:00+09:00']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`初期設定: ${workbook}（新しいブックを作ります）`);
    expect(run.stdout).toMatch(/実行結果: 操作ログ 1行/);
    expect(run.stdout).toMatch(/ {4}初期設定: \d+件の変更/);
    const saved = (await readWorkbookFile(workbook))!;
    expect(saved.sheets.map((s) => s.name)).toEqual(expect.arrayContaining(Object.values(SHEET)));
  });

  it('a name that is not .xlsx is refused before anything is opened', () => {
    const run = cli(['check', '--workbook', join(dir, 'book.ods')]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('--workbook には .xlsx ファイルを指定してください');
    expect(run.stderr).toContain('must name an .xlsx file');
  });
});

describe('a file that is not a readable .xlsx', () => {
  const cases: { name: string; bytes: () => Promise<Buffer>; ja: string; en: string }[] = [
    {
      name: 'an empty file',
      bytes: async () => Buffer.alloc(0),
      ja: '空のファイル（0バイト）',
      en: 'is an empty file',
    },
    {
      name: 'a CSV renamed .xlsx',
      bytes: async () => Buffer.from('予約ID,氏名\nY000001,見本 一郎\n'),
      ja: '.xlsx 形式ではありません',
      en: 'is not an .xlsx file',
    },
    {
      name: 'an old .xls or a password-protected .xlsx (an OLE2 compound file)',
      bytes: async () =>
        Buffer.concat([
          Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
          Buffer.alloc(504),
        ]),
      ja: 'パスワードを外したうえで',
      en: 'password-protected',
    },
    {
      name: 'an .ods renamed .xlsx',
      bytes: async () => {
        const zip = new JSZip();
        zip.file('mimetype', 'application/vnd.oasis.opendocument.spreadsheet');
        zip.file('content.xml', '<office:document-content/>');
        return zip.generateAsync({ type: 'nodebuffer' });
      },
      ja: 'OpenDocument（.ods）形式',
      en: 'holds an OpenDocument spreadsheet',
    },
    {
      name: 'a workbook whose runner sheet (_runner_meta) was cut short',
      bytes: async () => {
        const workbook = new ExcelJS.Workbook();
        workbook.addWorksheet('予約').getCell('A1').value = '予約ID';
        const meta = workbook.addWorksheet('_runner_meta', { state: 'veryHidden' });
        meta.getCell('A1').value = 'runner-meta';
        meta.getCell('B1').value = 1;
        meta.getCell('A2').value = '{"version":1,"name":"台';
        return Buffer.from(await workbook.xlsx.writeBuffer());
      },
      ja: 'シート「_runner_meta」（ランナーが保護や入力規則を覚えておく隠しシート）が壊れています',
      en: 'Unhide and delete that sheet, then run setup again',
    },
  ];

  it.each(cases)('$name: says what is wrong and how to fix it', async ({ bytes, ja, en }) => {
    const path = join(dir, 'bad.xlsx');
    await writeFile(path, await bytes());
    const error = await readWorkbookFile(path).then(
      () => null,
      (e: unknown) => e as Error,
    );
    expect(error?.message).toContain(ja);
    expect(error?.message).toContain(en);
    expect(error?.message).toContain(path);
  });

  it('a damaged script state beside the workbook: says so and how to recover', async () => {
    const path = join(dir, 'state.xlsx');
    await writeWorkbookFile(path, {
      name: 'state',
      timeZone: 'Asia/Tokyo',
      sheets: [{ name: SHEET.bookings, values: [['予約ID']] }],
    });
    // A save cut short: what once surfaced as a bare "Unexpected end of JSON input".
    await writeFile(`${path}.script-state.json`, '{"documentProperties": {"next');
    const run = cli(['check', '--workbook', path]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      `スクリプトの状態ファイル ${path}.script-state.json が壊れています`,
    );
    expect(run.stderr).toContain('バックアップから戻してください');
    expect(run.stderr).toContain('is damaged (not valid JSON)');
    expect(run.stdout).toBe('');
  });

  it('the command exits 1 with the message alone', async () => {
    const path = join(dir, 'empty.xlsx');
    await writeFile(path, '');
    const run = cli(['check', '--workbook', path]);
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split('\n')).toEqual([
      expect.stringContaining('空のファイル（0バイト）'),
      expect.stringContaining('is an empty file'),
    ]);
  });
});
