// npm run docs:pictures — refreshes the pictures in docs/images/ from what the code does now:
//   予約シート.png / 月次集計.png: the demo workbook (npm start) printed by LibreOffice headless;
//   空き枠サイドバー.png: the screenshot the headless-Chromium test of the sidebar takes.
// Needs Debian's libreoffice-calc-nogui, poppler-utils and chromium (not needed by npm test).
import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const OUT = 'docs/images';
const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { stdio: 'inherit' });

/**
 * One sheet of the demo workbook, landscape, fitted to the page width, as a PNG of the page's
 * top `heightPx` pixels. Columns in `hide` are left out so the rest is large enough to read.
 */
async function printSheet(
  workbookPath: string,
  sheetName: string,
  png: string,
  options: { hide?: readonly string[]; heightPx: number },
): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'docs-pictures-'));
  try {
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(workbookPath);
    for (const sheet of [...book.worksheets]) {
      if (sheet.name !== sheetName) book.removeWorksheet(sheet.id);
    }
    const sheet = book.getWorksheet(sheetName);
    if (!sheet) throw new Error(`docs-pictures: no sheet ${sheetName} in ${workbookPath}`);
    const headers = (sheet.getRow(1).values as unknown[]).map((v) => String(v ?? ''));
    for (const header of options.hide ?? []) {
      const index = headers.indexOf(header);
      if (index > 0) sheet.getColumn(index).hidden = true;
    }
    sheet.pageSetup = {
      ...sheet.pageSetup,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      paperSize: 9, // A4
    };
    const xlsx = join(work, 'sheet.xlsx');
    await book.xlsx.writeFile(xlsx);
    run('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', work, xlsx]);
    const pdf = join(work, 'sheet.pdf');
    const crop = ['-x', '0', '-y', '0', '-W', '1650', '-H', String(options.heightPx)];
    run('pdftoppm', ['-r', '140', '-png', '-f', '1', '-l', '1', ...crop, pdf, join(work, 'page')]);
    const page = readdirSync(work).find((f) => f.startsWith('page') && f.endsWith('.png'));
    if (!page) throw new Error('docs-pictures: pdftoppm made no page');
    renameSync(join(work, page), png);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  run('npx', ['tsx', 'runner/cli.ts']); // the demo: out/demo.xlsx
  // The columns staff look at; the rest (times stamped by the script, URL, notes) make it unreadable.
  const hide = ['受付日時', '受付方法', '会議URL', '最終更新', '備考', '相談月'];
  await printSheet('out/demo.xlsx', '予約', join(OUT, '予約シート.png'), { hide, heightPx: 330 });
  await printSheet('out/demo.xlsx', '月次集計', join(OUT, '月次集計.png'), { heightPx: 900 });
  run('npx', ['vitest', 'run', 'test/bundle/sidebar.browser.test.ts']);
  copyFileSync('test-artifacts/sidebar.png', join(OUT, '空き枠サイドバー.png'));
  console.log(`docs-pictures: ${readdirSync(OUT).join(', ')}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
