// What a Google spreadsheet has and an xlsx file cannot hold — warning-only protections, the
// declared grid size, rules Excel has no words for, the spreadsheet's name and zone — kept as
// JSON in one "very hidden" sheet (Excel offers no way to unhide it), so the runner's next run
// sees the workbook as the script left it and 初期設定 stays idempotent across runs.
import type ExcelJS from 'exceljs';
import { fileProblem } from './problem';
import { fromExcelValue } from './xlsxCells';
import type {
  CellValidationSnapshot,
  ConditionalFormatSnapshot,
  ProtectionSnapshot,
} from '../emulator/snapshot';

export const META_SHEET = '_runner_meta';
const MARKER = 'runner-meta';
const VERSION = 1;
// Excel's cell limit is 32,767 characters.
const CHUNK = 30_000;

export interface SheetMeta {
  protections?: ProtectionSnapshot[];
  maxRows?: number;
  maxColumns?: number;
  /** Rules Excel cannot express, with their place in the sheet's rule list. */
  conditionalFormats?: { index: number; rule: ConditionalFormatSnapshot }[];
  validations?: Record<string, CellValidationSnapshot>;
}

export interface WorkbookMeta {
  version: number;
  name: string;
  timeZone: string;
  sheets: Record<string, SheetMeta>;
}

function chunks(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(start + CHUNK, text.length);
    // Never split a surrogate pair: a lone half is not valid XML.
    const code = text.charCodeAt(end - 1);
    if (end < text.length && code >= 0xd800 && code <= 0xdbff) end -= 1;
    out.push(text.slice(start, end));
    start = end;
  }
  return out;
}

export function writeMeta(workbook: ExcelJS.Workbook, meta: WorkbookMeta): void {
  const sheet = workbook.addWorksheet(META_SHEET, { state: 'veryHidden' });
  sheet.getCell('A1').value = MARKER;
  sheet.getCell('B1').value = VERSION;
  chunks(JSON.stringify(meta)).forEach((part, i) => {
    sheet.getCell(i + 2, 1).value = part;
  });
}

/** The meta the runner wrote, or null for a workbook that did not come from the runner. */
export function readMeta(workbook: ExcelJS.Workbook): WorkbookMeta | null {
  const sheet = workbook.getWorksheet(META_SHEET);
  if (!sheet || sheet.getCell('A1').value !== MARKER) return null;
  const version = sheet.getCell('B1').value;
  if (version !== VERSION) {
    throw fileProblem(
      `シート「${META_SHEET}」の版 ${String(version)} はこのランナーの版 ${VERSION} と違います。このブックを作ったランナーで開くか、シート「${META_SHEET}」を削除してから setup を実行し直してください。`,
      `Sheet ${META_SHEET} has version ${String(version)}, not ${VERSION}: open the workbook with the runner that wrote it, or delete that sheet and run setup again.`,
    );
  }
  const parts: string[] = [];
  for (let row = 2; row <= sheet.rowCount; row++) {
    // LibreOffice saves a cell mixing Latin and CJK text as rich text (one run per script), so
    // the chunk is read as the text a person sees, whatever runs it was split into.
    const value = fromExcelValue(sheet.getCell(row, 1).value);
    if (typeof value === 'string') parts.push(value);
  }
  return parseMeta(parts.join(''));
}

/** The sheet's JSON, or a message saying the sheet is damaged and how to recover. */
function parseMeta(text: string): WorkbookMeta {
  const damaged = (why: string) =>
    fileProblem(
      `シート「${META_SHEET}」（ランナーが保護や入力規則を覚えておく隠しシート）が壊れています（${why}）。表示してからシートごと削除し、setup を実行し直すと作り直されます。`,
      `Sheet ${META_SHEET} (the hidden sheet where the runner keeps protections and rules) is damaged (${why}). Unhide and delete that sheet, then run setup again to rebuild it.`,
    );
  if (text === '') throw damaged('中身が空 / empty');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw damaged((error as Error).message);
  }
  const meta = parsed as Partial<WorkbookMeta> | null;
  if (
    typeof meta !== 'object' ||
    meta === null ||
    typeof meta.name !== 'string' ||
    typeof meta.timeZone !== 'string' ||
    typeof meta.sheets !== 'object' ||
    meta.sheets === null
  ) {
    throw damaged('name / timeZone / sheets がない / missing name, timeZone or sheets');
  }
  return meta as WorkbookMeta;
}
