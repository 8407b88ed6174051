// Reading and writing the .xlsx on disk. Writes go to a temporary file in the same folder that is
// flushed and then renamed over the workbook: rename is atomic within a file system, so a crash
// leaves either the old workbook or the new one, never half of one.
import ExcelJS from 'exceljs';
import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import type { WorkbookSnapshot } from '../emulator/snapshot';
import { FileProblem, fileProblem } from './problem';
import { snapshotFromWorkbook, workbookFromSnapshot, type Warn } from './xlsx';
import {
  looksLikeCompoundFile,
  looksLikeZip,
  normalisePackage,
  NotSpreadsheetMl,
} from './xlsxPackage';

/** The workbook at `path`, or null when there is no file yet. */
export async function readWorkbookFile(
  path: string,
  warn?: Warn,
): Promise<WorkbookSnapshot | null> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  const workbook = await loadWorkbook(path, bytes);
  try {
    return snapshotFromWorkbook(workbook, basename(path, extname(path)), warn);
  } catch (error) {
    if (!(error instanceof FileProblem)) throw error;
    throw fileProblem(`ブック ${path}: ${error.japanese}`, `Workbook ${path}: ${error.english}`);
  }
}

/** ExcelJS's reading of the file, or a message naming what is wrong with it and the fix. */
async function loadWorkbook(path: string, bytes: Buffer): Promise<ExcelJS.Workbook> {
  const resave =
    'Excel か LibreOffice で開き、「名前を付けて保存」で「Excel ブック (.xlsx)」形式を選んで保存し直してください。';
  const resaveEn = 'Open it in Excel or LibreOffice and save it as "Excel Workbook (.xlsx)".';
  if (bytes.length === 0) {
    throw fileProblem(
      `ブック ${path} は空のファイル（0バイト）です。保存の途中で止まった可能性があります。バックアップから戻すか、別のファイルを指定してください。`,
      `Workbook ${path} is an empty file (0 bytes), perhaps from an interrupted save: restore it from a backup or name another file.`,
    );
  }
  if (looksLikeCompoundFile(bytes)) {
    throw fileProblem(
      `ブック ${path} は古い .xls 形式か、パスワードで保護された .xlsx です。パスワードを外したうえで${resave}`,
      `Workbook ${path} is an old .xls file or a password-protected .xlsx. Remove the password, then: ${resaveEn}`,
    );
  }
  if (!looksLikeZip(bytes)) {
    throw fileProblem(
      `ブック ${path} は .xlsx 形式ではありません（.csv や .ods などの別形式か、壊れたファイルです）。${resave}`,
      `Workbook ${path} is not an .xlsx file (another format such as .csv or .ods, or a damaged file). ${resaveEn}`,
    );
  }
  const workbook = new ExcelJS.Workbook();
  try {
    const normalised = await normalisePackage(bytes).catch((error: unknown) => {
      if (!(error instanceof NotSpreadsheetMl)) throw error;
      throw error.openDocument
        ? fileProblem(
            `ブック ${path} の中身は OpenDocument（.ods）形式です。名前が .xlsx でも読めません。${resave}`,
            `Workbook ${path} holds an OpenDocument spreadsheet (.ods), whatever its name. ${resaveEn}`,
          )
        : fileProblem(
            `ブック ${path} は zip ファイルですが、Excel のブック（xl/workbook.xml）が入っていません。${resave}`,
            `Workbook ${path} is a zip file without an Excel workbook in it (no xl/workbook.xml). ${resaveEn}`,
          );
    });
    // ExcelJS's load() is typed for its own Buffer declaration; Node's Buffer is what it reads.
    await workbook.xlsx.load(normalised as unknown as ExcelJS.Buffer);
  } catch (error) {
    if (error instanceof FileProblem) throw error;
    throw fileProblem(
      `ブック ${path} を .xlsx として読めません（${(error as Error).message}）。ファイルが壊れているか、対応していない機能を含んでいます。${resave}`,
      `Workbook ${path} cannot be read as .xlsx (${(error as Error).message}): the file is damaged or uses a feature the runner does not read. ${resaveEn}`,
    );
  }
  return workbook;
}

export async function writeWorkbookFile(
  path: string,
  snapshot: WorkbookSnapshot,
  warn?: Warn,
): Promise<void> {
  const bytes = Buffer.from(await workbookFromSnapshot(snapshot, warn).xlsx.writeBuffer());
  await writeFileAtomically(path, bytes);
}

export async function writeFileAtomically(path: string, bytes: Uint8Array): Promise<void> {
  const dir = dirname(path);
  await mkdir(dir, { recursive: true });
  const temp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    const file = await open(temp, 'wx');
    try {
      await file.writeFile(bytes);
      await file.sync();
    } finally {
      await file.close();
    }
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
