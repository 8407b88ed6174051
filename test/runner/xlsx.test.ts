import ExcelJS from 'exceljs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WorkbookSnapshot } from '../../emulator/snapshot';
import { tokyoInstant } from '../../runner/tokyoTime';
import { readWorkbookFile, writeWorkbookFile } from '../../runner/workbookFile';
import { zipEntry } from './zipEntry';

/** Sheets' time-only cell: 1899-12-30 at a Tokyo wall time. */
const timeOfDay = (hour: number, minute = 0) => tokyoInstant(1899, 12, 30, hour, minute);

function sampleSnapshot(): WorkbookSnapshot {
  return {
    name: '台帳',
    timeZone: 'Asia/Tokyo',
    sheets: [
      {
        name: '予約',
        values: [
          ['予約ID', '氏名', '求職番号', '相談日', '開始時刻', '参加', '件数', '受付日時', '合計'],
          [
            'R-0001',
            '見本 太郎',
            '00123-0045',
            tokyoInstant(2026, 12, 1),
            timeOfDay(10),
            true,
            3,
            new Date('2026-11-30T14:23:45.678+09:00'),
            4.5,
          ],
          [
            'R-0002',
            '試験 花子',
            '33010-12345678',
            tokyoInstant(2027, 1, 4),
            timeOfDay(0),
            false,
            -0.25,
            '',
            '',
          ],
        ],
        formulas: { I2: '=G2+1.5' },
        numberFormats: {
          C2: '@',
          C3: '@',
          C4: '@',
          D2: 'yyyy/mm/dd',
          E2: 'H:mm',
          E3: 'H:mm',
          H2: 'yyyy/mm/dd H:mm',
          G2: '0.00',
        },
        backgrounds: { A1: '#cfe2f3', B2: '#f4cccc' },
        fontColors: { A1: '#888888' },
        notes: {
          A1: 'スクリプトが自動で付ける番号です。\n変更しないでください。',
          C1: '例: 33010-12345678',
        },
        validations: {
          D2: {
            kind: 'date',
            allowInvalid: false,
            helpText: '日付を入力してください（例: 2026/12/1）。',
          },
          E2: {
            kind: 'list',
            values: ['10:00', '11:00', '14:00', '15:00'],
            allowInvalid: true,
            helpText: '開始時刻を一覧から選んでください。',
          },
          E3: {
            kind: 'list',
            values: ['10:00', '11:00', '14:00', '15:00'],
            allowInvalid: true,
            helpText: '開始時刻を一覧から選んでください。',
          },
          F2: { kind: 'checkbox', allowInvalid: false },
          F3: { kind: 'checkbox', allowInvalid: false },
          B2: { kind: 'list', sourceA1: '対象者!B2:B100', allowInvalid: true },
          // Excel has no words for these two: they travel in the hidden meta sheet.
          G2: { kind: 'other', allowInvalid: false, helpText: '数を入力' },
          A2: { kind: 'list', values: ['a,b', 'c'], allowInvalid: false },
        },
        conditionalFormats: [
          {
            ranges: ['A2:I1000'],
            condition: 'formula',
            values: ['=OR($F2=TRUE,$B2="無断キャンセル")'],
            background: '#eeeeee',
            fontColor: '#888888',
          },
          {
            ranges: ['A2:I1000'],
            condition: 'numberGreaterThan',
            values: ['3'],
            background: '#ffffff',
          },
          {
            ranges: ['B2:B1000', 'D2:D1000'],
            condition: 'textContains',
            values: ['エラー:'],
            background: '#f4cccc',
          },
          {
            ranges: ['F2:F1000'],
            condition: 'textEqualTo',
            values: ['無断"キャンセル'],
            fontColor: '#cc0000',
          },
        ],
        protections: [
          {
            rangeA1: 'A1:A1000',
            description: 'スクリプトが書き込む列（予約ID）',
            warningOnly: true,
          },
        ],
        frozenRows: 1,
        filterA1: 'A1:I1000',
        columnWidths: { 1: 90, 2: 110, 9: 320 },
        maxRows: 1000,
        maxColumns: 20,
      },
      {
        name: '対象者',
        values: [
          ['求職番号', '氏名', '支援開始日', '利用停止'],
          ['33010-12345678', '試験 花子', tokyoInstant(2026, 4, 1), false],
        ],
        numberFormats: { A2: '@', C2: 'yyyy/mm/dd' },
        frozenRows: 1,
        frozenColumns: 1,
      },
      // Last in the tab order although alphabetically first: order must survive.
      { name: 'シート1', values: [] },
    ],
  };
}

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'runner-xlsx-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('xlsx ⇄ WorkbookSnapshot', () => {
  it('runs in a zone far from Tokyo, so the host zone cannot hide a mistake', () => {
    expect(new Date(2026, 11, 1).getTimezoneOffset()).not.toBe(-540);
  });

  it('round-trips values, formats, notes, rules, views and sheet order exactly', async () => {
    const path = join(dir, '台帳.xlsx');
    const warnings: string[] = [];
    await writeWorkbookFile(path, sampleSnapshot(), (m) => warnings.push(m));
    const back = await readWorkbookFile(path, (m) => warnings.push(m));
    expect(back).toEqual(sampleSnapshot());
    expect(warnings).toEqual([]);
  });

  it('writes Tokyo wall times into the cells, and times as serial fractions of a day', async () => {
    const path = join(dir, 'a.xlsx');
    await writeWorkbookFile(path, sampleSnapshot());
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    const sheet = workbook.getWorksheet('予約')!;
    // What Excel shows: 2026-12-01 00:00 and 10:00 in the cells' own (zone-less) terms.
    expect(sheet.getCell('D2').value).toEqual(new Date(Date.UTC(2026, 11, 1)));
    expect(sheet.getCell('E2').value).toEqual(new Date(Date.UTC(1899, 11, 30, 10)));
    const xml = zipEntry(await readFile(path), 'xl/worksheets/sheet1.xml');
    expect(xml).toMatch(/<c r="E2"[^>]*><v>0\.4166666666666667<\/v><\/c>/);
    expect(xml).toMatch(/<c r="E3"[^>]*><v>0<\/v><\/c>/);
    expect(xml).toMatch(/<c r="D2"[^>]*><v>46357<\/v><\/c>/);
    // Plain-text cells are strings, not numbers Excel could reformat.
    expect(sheet.getCell('C2').type).toBe(ExcelJS.ValueType.String);
    expect(sheet.getCell('F2').value).toBe(true);
    expect(workbook.worksheets.map((ws) => [ws.name, ws.state])).toEqual([
      ['予約', 'visible'],
      ['対象者', 'visible'],
      ['シート1', 'visible'],
      ['_runner_meta', 'veryHidden'],
    ]);
  });

  it('reads a typed time from a person-made xlsx as 1899-12-30 Tokyo, and leaves text as text', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('予約');
    sheet.getCell('A1').value = new Date(Date.UTC(1899, 11, 30, 14, 0));
    sheet.getCell('A1').numFmt = 'h:mm';
    sheet.getCell('B1').value = new Date(Date.UTC(2026, 11, 1, 9, 30));
    sheet.getCell('B1').numFmt = 'yyyy/m/d h:mm';
    sheet.getCell('C1').value = '00123-0045';
    const path = join(dir, 'person.xlsx');
    await workbook.xlsx.writeFile(path);
    const snapshot = (await readWorkbookFile(path))!;
    expect(snapshot.name).toBe('person');
    expect(snapshot.sheets[0]!.values).toEqual([
      [timeOfDay(14), new Date('2026-12-01T09:30:00+09:00'), '00123-0045'],
    ]);
  });

  it('gives a date without a format a date format, and reads it back without one', async () => {
    const snapshot: WorkbookSnapshot = {
      name: 'x',
      timeZone: 'Asia/Tokyo',
      sheets: [
        {
          name: 'S',
          values: [
            [tokyoInstant(2026, 12, 1), timeOfDay(15), new Date('2026-12-01T10:00:00+09:00')],
          ],
        },
      ],
    };
    const path = join(dir, 'x.xlsx');
    await writeWorkbookFile(path, snapshot);
    expect(await readWorkbookFile(path)).toEqual(snapshot);
  });

  it('accepts Dates made in the script realm (node:vm)', async () => {
    const scriptDate = runInNewContext('new Date(Date.UTC(2026, 10, 30, 15, 0))') as Date;
    expect(scriptDate instanceof Date).toBe(false);
    const path = join(dir, 'vm.xlsx');
    await writeWorkbookFile(path, {
      name: 'vm',
      timeZone: 'Asia/Tokyo',
      sheets: [{ name: 'S', values: [[scriptDate]] }],
    });
    const back = await readWorkbookFile(path);
    expect(back!.sheets[0]!.values[0]![0]).toEqual(tokyoInstant(2026, 12, 1));
  });

  it('returns null for a missing workbook and refuses another time zone', async () => {
    expect(await readWorkbookFile(join(dir, 'none.xlsx'))).toBeNull();
    await expect(
      writeWorkbookFile(join(dir, 'ny.xlsx'), {
        name: 'ny',
        timeZone: 'America/New_York',
        sheets: [{ name: 'S', values: [] }],
      }),
    ).rejects.toThrow(/Asia\/Tokyo/);
  });

  it('replaces the workbook atomically and leaves no temporary files', async () => {
    const path = join(dir, '台帳.xlsx');
    await writeFile(path, 'old');
    await writeWorkbookFile(path, sampleSnapshot());
    expect(await readdir(dir)).toEqual(['台帳.xlsx']);
    expect((await readWorkbookFile(path))!.sheets.map((s) => s.name)).toEqual([
      '予約',
      '対象者',
      'シート1',
    ]);
  });

  it('keeps the old workbook when the new one cannot be built', async () => {
    const path = join(dir, '台帳.xlsx');
    await writeWorkbookFile(path, sampleSnapshot());
    const before = await readFile(path);
    await expect(
      writeWorkbookFile(path, { name: 'bad', timeZone: 'Asia/Tokyo', sheets: [] }),
    ).rejects.toThrow(/at least one sheet/);
    expect(await readFile(path)).toEqual(before);
    expect(await readdir(dir)).toEqual(['台帳.xlsx']);
  });
});
