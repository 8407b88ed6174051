// npm run docs:pictures — refreshes the pictures in docs/images/ from what the code does now:
//   予約シート.png / 月次集計.png: the demo workbook (npm start) printed by LibreOffice headless;
//   空き枠サイドバー.png: the screenshot the headless-Chromium test of the sidebar takes.
// Needs Debian's libreoffice-calc-nogui, poppler-utils, chromium and fonts-ipafont-gothic (not
// needed by npm test).
//
// 月次集計's chart: in Google Sheets the script inserts a stacked column chart of the 直近12か月
// table (src/sheet/monthlySheet.ts). The local runner's .xlsx cannot hold it (ExcelJS writes no
// charts), so the picture draws the same chart — same table, title, stacking and legend — as an
// SVG, rasterised by Chromium and placed where Sheets puts it: beside the tables, one column to
// their right, level with the 直近12か月 title. What the picture shows is what a manager sees in
// Google Sheets.
import type ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { SheetSnapshot, WorkbookSnapshot } from '../emulator/snapshot';
import { readWorkbookFile } from '../runner/workbookFile';
import { printableSheet, type PrintOptions } from '../runner/xlsxPrint';
import { BOOKING, SHEET } from '../src/core/schema';

const OUT = 'docs/images';
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { stdio: 'inherit' });

/**
 * Prints `book` (one sheet) to PDF with LibreOffice and keeps the top `heightPx` of the page drawn
 * at `dpi` (A4 landscape is 11.7 inches wide).
 */
async function printToPng(
  book: ExcelJS.Workbook,
  png: string,
  heightPx: number,
  dpi = 140,
): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'docs-pictures-'));
  try {
    const xlsx = join(work, 'sheet.xlsx');
    await book.xlsx.writeFile(xlsx);
    const profile = `-env:UserInstallation=file://${join(work, 'lo-profile')}`;
    run('soffice', [profile, '--headless', '--convert-to', 'pdf', '--outdir', work, xlsx]);
    const pdf = join(work, 'sheet.pdf');
    const crop = [
      '-x',
      '0',
      '-y',
      '0',
      '-W',
      String(Math.round(11.7 * dpi)),
      '-H',
      String(heightPx),
    ];
    run('pdftoppm', [
      '-r',
      String(dpi),
      '-png',
      '-f',
      '1',
      '-l',
      '1',
      ...crop,
      pdf,
      join(work, 'page'),
    ]);
    const page = readdirSync(work).find((f) => f.startsWith('page') && f.endsWith('.png'));
    if (!page) throw new Error('docs-pictures: pdftoppm made no page');
    renameSync(join(work, page), png);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function sheetOf(snapshot: WorkbookSnapshot, name: string): SheetSnapshot {
  const sheet = snapshot.sheets.find((s) => s.name === name);
  if (!sheet) throw new Error(`docs-pictures: no sheet ${name} in the demo workbook`);
  return sheet;
}

interface Trend {
  /** 0-based row of the section title (where Sheets anchors the chart). */
  titleRow: number;
  series: string[];
  months: { month: string; counts: number[] }[];
}

/** The 直近12か月 table of 月次集計: the chart's source (相談月 and the four 状態 columns). */
function trendTable(sheet: SheetSnapshot): Trend {
  const titleRow = sheet.values.findIndex((row) => String(row[0]).startsWith('直近12か月'));
  const header = sheet.values[titleRow + 1];
  if (titleRow < 0 || !header) throw new Error('docs-pictures: 月次集計 has no 直近12か月 table');
  const series = header.slice(1, 5).map(String);
  const months = sheet.values.slice(titleRow + 2, titleRow + 14).map((row) => ({
    month: String(row[0]),
    counts: row.slice(1, 5).map(Number),
  }));
  return { titleRow, series, months };
}

/** Google Sheets' default series colours, in order. */
const COLOURS = ['#4285f4', '#db4437', '#f4b400', '#0f9d58'];

/** The chart Sheets draws: stacked columns per month, title on top, legend at the bottom. */
function chartSvg(trend: Trend, width: number, height: number): string {
  const left = 44;
  const right = 16;
  const top = 44;
  const bottom = 78;
  const plotW = width - left - right;
  const plotH = height - top - bottom;
  const totals = trend.months.map((m) => m.counts.reduce((a, b) => a + b, 0));
  const step = Math.max(1, Math.ceil(Math.max(1, ...totals) / 5));
  const max = step * Math.max(1, Math.ceil(Math.max(1, ...totals) / step));
  const y = (v: number) => top + plotH - (v / max) * plotH;
  const slot = plotW / trend.months.length;
  const parts: string[] = [];
  for (let v = 0; v <= max; v += step) {
    parts.push(
      `<line x1="${left}" x2="${left + plotW}" y1="${y(v)}" y2="${y(v)}" stroke="#ccc"/>`,
      `<text x="${left - 6}" y="${y(v) + 4}" text-anchor="end" font-size="12">${v}</text>`,
    );
  }
  trend.months.forEach((m, i) => {
    const x = left + i * slot + slot * 0.2;
    let base = 0;
    m.counts.forEach((count, s) => {
      if (count <= 0) return;
      parts.push(
        `<rect x="${x}" y="${y(base + count)}" width="${slot * 0.6}" height="${y(base) - y(base + count)}" fill="${COLOURS[s]}"/>`,
      );
      base += count;
    });
    parts.push(
      `<text x="${x + slot * 0.3}" y="${top + plotH + 16}" text-anchor="middle" font-size="12">${m.month}</text>`,
    );
  });
  const legendY = height - 22;
  let lx = left;
  trend.series.forEach((name, s) => {
    parts.push(
      `<circle cx="${lx + 5}" cy="${legendY - 4}" r="5" fill="${COLOURS[s]}"/>`,
      `<text x="${lx + 14}" y="${legendY}" font-size="12">${name}</text>`,
    );
    lx += 24 + name.length * 13;
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"
    font-family="IPAGothic, IPAexGothic, sans-serif">
    <rect width="100%" height="100%" fill="#fff" stroke="#bbb"/>
    <text x="${left}" y="26" font-size="15" font-weight="bold">直近12か月の予約（状態別）</text>
    ${parts.join('\n')}
  </svg>`;
}

/** The SVG as a PNG, drawn by headless Chromium at twice the size for a sharp print. */
async function rasterise(svg: string, width: number, height: number): Promise<Buffer> {
  const browser = await chromium.launch({ executablePath: CHROMIUM });
  try {
    const page = await browser.newPage({
      viewport: { width, height },
      deviceScaleFactor: 2,
    });
    await page.setContent(`<body style="margin:0">${svg}</body>`);
    return await page.locator('svg').screenshot();
  } finally {
    await browser.close();
  }
}

/** 月次集計 with the chart placed where Sheets puts it. */
async function monthlyWithChart(snapshot: WorkbookSnapshot): Promise<ExcelJS.Workbook> {
  const sheet = sheetOf(snapshot, SHEET.monthly);
  const trend = trendTable(sheet);
  const book = printableSheet(snapshot, SHEET.monthly);
  const width = Math.max(...sheet.values.map((row) => row.length));
  const [w, h] = [760, 420];
  const image = book.addImage({
    buffer: (await rasterise(chartSvg(trend, w, h), w, h)) as unknown as ExcelJS.Buffer,
    extension: 'png',
  });
  // Sheets: setPosition(title row, table width + 2): one empty column right of the tables.
  book.worksheets[0]!.addImage(image, {
    tl: { col: width + 1, row: trend.titleRow },
    ext: { width: w, height: h },
  });
  return book;
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  run('npx', ['tsx', 'runner/cli.ts']); // the demo: out/demo.xlsx
  const snapshot = await readWorkbookFile('out/demo.xlsx');
  if (!snapshot) throw new Error('docs-pictures: the demo wrote no out/demo.xlsx');
  // The columns staff look at; the rest (times stamped by the script, URL, notes) make it unreadable.
  const bookings: PrintOptions = {
    hide: ['受付日時', '受付方法', '会議URL', '最終更新', '備考', '相談月'],
    wrap: [BOOKING.checkResult],
    checkboxes: [BOOKING.joined],
  };
  await printToPng(
    printableSheet(snapshot, SHEET.bookings, bookings),
    join(OUT, '予約シート.png'),
    640,
  );
  await printToPng(await monthlyWithChart(snapshot), join(OUT, '月次集計.png'), 1150, 200);
  run('npx', ['vitest', 'run', 'test/bundle/sidebar.browser.test.ts']);
  copyFileSync('test-artifacts/sidebar.png', join(OUT, '空き枠サイドバー.png'));
  console.log(`docs-pictures: ${readdirSync(OUT).join(', ')}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
