// The guide's pictures print sheets of the demo workbook (npm run docs:pictures). They once showed
// 13:59 and 10:59 for bookings at 14:00 and 11:00: the print step re-saved the workbook with
// ExcelJS, which stores 14:00 as 0.58333333333212 (a hair below), and LibreOffice's h:mm cuts the
// seconds off. The printable sheet is rebuilt by the runner's writer and stores exactly 14/24.
import ExcelJS from 'exceljs';
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkbookSnapshot } from '../../emulator/snapshot';
import { tokyoInstant } from '../../runner/tokyoTime';
import { readWorkbookFile, writeWorkbookFile } from '../../runner/workbookFile';
import { printableSheet } from '../../runner/xlsxPrint';
import { zipEntry } from './zipEntry';

const sofficeBin = process.env.SOFFICE ?? 'soffice';
const soffice = spawnSync(sofficeBin, ['--version'], { stdio: 'ignore' }).status === 0;

const CSV_AS_SHOWN = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true';
const START_TIMES = [10, 11, 14, 15];

function register(): WorkbookSnapshot {
  return {
    name: '台帳',
    timeZone: 'Asia/Tokyo',
    sheets: [
      { name: '設定', values: [['項目', '値']] },
      {
        name: '予約',
        values: [
          ['予約ID', '相談日', '開始時刻', 'チェック結果', '参加'],
          ...START_TIMES.map((hour, i) => [
            `Y00000${i + 1}`,
            tokyoInstant(2026, 12, 1 + i),
            tokyoInstant(1899, 12, 30, hour, 0),
            i === 0 ? 'エラー: 一行目\n注意: 二行目' : 'OK',
            i === 1,
          ]),
          ['', '', '', '', false],
          ['', '', '', '', false],
        ],
        numberFormats: { C2: 'H:mm', C3: 'H:mm', C4: 'H:mm', C5: 'H:mm' },
      },
    ],
  };
}

/** Column C's stored numbers in the sheet XML of a one-sheet workbook. */
function storedTimes(xlsx: Buffer): number[] {
  const rels = zipEntry(xlsx, 'xl/workbook.xml');
  const sheets = [...rels.matchAll(/<sheet /g)].length;
  expect(sheets).toBe(1);
  const sheetFile = zipEntry(xlsx, 'xl/_rels/workbook.xml.rels').match(
    /Target="\/?(?:xl\/)?(worksheets\/sheet\d+\.xml)"/,
  )![1]!;
  const xml = zipEntry(xlsx, `xl/${sheetFile}`);
  return [...xml.matchAll(/<c r="C(\d+)"[^>]*><v>([^<]+)<\/v><\/c>/g)]
    .filter((m) => Number(m[1]) > 1)
    .map((m) => Number(m[2]));
}

let dir: string;
let printed: Buffer;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'runner-print-'));
  // As docs:pictures does: the workbook on disk, read back, its 予約 made printable.
  await writeWorkbookFile(join(dir, 'demo.xlsx'), register());
  const snapshot = (await readWorkbookFile(join(dir, 'demo.xlsx')))!;
  const book = printableSheet(snapshot, '予約', {
    wrap: ['チェック結果'],
    checkboxes: ['参加'],
  });
  printed = Buffer.from(await book.xlsx.writeBuffer());
  await writeFile(join(dir, 'sheet.xlsx'), printed);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('a sheet printed for the guide', () => {
  it('stores each start time as the exact fraction of the day, not a hair below', () => {
    const times = storedTimes(printed);
    expect(times).toEqual(START_TIMES.map((hour) => (hour * 60) / 1440));
    // What an h:mm format shows: whole minutes, seconds cut off (LibreOffice does not round).
    expect(times.map((t) => Math.floor(t * 1440))).toEqual(START_TIMES.map((h) => h * 60));
  });

  it('prints every line of チェック結果 and leaves out the unticked rows below the last booking', () => {
    const sheetXml = zipEntry(printed, 'xl/worksheets/sheet1.xml');
    expect(sheetXml).not.toMatch(/<row r="6"/);
    // Row 2 holds two lines: wrapped, and at least two lines tall (15 pt a line).
    const row2 = /<row r="2"[^>]*>/.exec(sheetXml)![0];
    expect(Number(/ht="([\d.]+)"/.exec(row2)![1])).toBeGreaterThanOrEqual(30);
    const styles = zipEntry(printed, 'xl/styles.xml');
    expect(styles).toContain('wrapText="1"');
  });

  it('prints 参加 as the checkboxes Sheets draws (☑ ticked, ☐ not), not as 1 and blank', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(printed as unknown as ExcelJS.Buffer);
    const column = book.worksheets[0]!.getColumn(5).values.slice(2);
    expect(column).toEqual(['☐', '☑', '☐', '☐']);
  });

  it.skipIf(!soffice)(
    'LibreOffice shows 14:00 (and every start time) as typed',
    async () => {
      const profile = `-env:UserInstallation=file://${join(dir, 'lo-profile')}`;
      const run = spawnSync(
        sofficeBin,
        // The CSV filter's ninth option: each cell's text as the sheet shows it (as a print would).
        [
          profile,
          '--headless',
          '--convert-to',
          CSV_AS_SHOWN,
          '--outdir',
          dir,
          join(dir, 'sheet.xlsx'),
        ],
        { stdio: 'pipe', timeout: 90_000 },
      );
      expect(run.status, String(run.stderr)).toBe(0);
      const csv = await readFile(join(dir, 'sheet.csv'), 'utf8');
      // Each booking's line starts with its 予約ID (チェック結果's second line is a line of its own).
      const shown = csv
        .split('\n')
        .filter((line) => /^Y\d+,/.test(line))
        .map((line) => line.split(',')[2]);
      expect(shown).toEqual(['10:00', '11:00', '14:00', '15:00']);
    },
    120_000,
  );
});
