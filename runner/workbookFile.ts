// Reading and writing the .xlsx on disk. Writes go to a temporary file in the same folder that is
// flushed and then renamed over the workbook: rename is atomic within a file system, so a crash
// leaves either the old workbook or the new one, never half of one.
import ExcelJS from 'exceljs';
import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import type { WorkbookSnapshot } from '../emulator/snapshot';
import { snapshotFromWorkbook, workbookFromSnapshot, type Warn } from './xlsx';

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
  const workbook = new ExcelJS.Workbook();
  try {
    // ExcelJS's load() is typed for its own Buffer declaration; Node's Buffer is what it reads.
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch (error) {
    throw new Error(`ブック ${path} を .xlsx として読めません: ${(error as Error).message}`);
  }
  return snapshotFromWorkbook(workbook, basename(path, extname(path)), warn);
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
