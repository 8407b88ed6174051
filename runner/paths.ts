// The --workbook path before anything is opened: a misspelt name must not quietly become a new,
// empty workbook. Only setup (初期設定) creates one; every other command needs the file to exist.
import { readdir, stat } from 'node:fs/promises';
import { dirname, extname, resolve } from 'node:path';
import { fileProblem } from './problem';

/** Other workbooks in the same folder, as hints for a misspelt name. */
async function workbooksBeside(path: string): Promise<string[]> {
  const names = await readdir(dirname(path)).catch(() => [] as string[]);
  return names.filter((n) => /\.xlsx$/i.test(n) && !n.startsWith('.')).sort();
}

/** Whether the workbook exists; throws a FileProblem when the command cannot use the path. */
export async function checkWorkbookPath(
  path: string,
  options: { mayCreate: boolean },
): Promise<boolean> {
  if (extname(path).toLowerCase() !== '.xlsx') {
    throw fileProblem(
      `--workbook には .xlsx ファイルを指定してください（指定: ${path}）。.xls・.ods・.csv は Excel か LibreOffice で「Excel ブック (.xlsx)」形式で保存し直してから指定してください。`,
      `--workbook must name an .xlsx file (given: ${path}). Save .xls, .ods or .csv files as "Excel Workbook (.xlsx)" first.`,
    );
  }
  const info = await stat(path).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });
  if (info?.isFile()) return true;
  if (info) {
    throw fileProblem(
      `${path} はファイルではなくフォルダです。ブック（.xlsx ファイル）の名前まで指定してください。`,
      `${path} is a folder, not a file: name the workbook (.xlsx file) itself.`,
    );
  }
  if (options.mayCreate) return false;
  const others = await workbooksBeside(path);
  const hint = others.length
    ? `同じフォルダにあるブック / workbooks in that folder: ${others.slice(0, 10).join(', ')}`
    : `フォルダ ${dirname(resolve(path))} に .xlsx はありません / no .xlsx in that folder`;
  throw fileProblem(
    `ブック ${path} が見つかりません（${resolve(path)}）。名前とフォルダを確かめてください。新しいブックを作るときは、先に setup（初期設定）を実行します。\n${hint}`,
    `Workbook ${path} does not exist (${resolve(path)}). Check the name and folder; to start a new workbook, run setup first.`,
  );
}
