// What a Google spreadsheet has and an xlsx file cannot hold — warning-only protections, the
// declared grid size, rules Excel has no words for, the spreadsheet's name and zone — kept as
// JSON in one "very hidden" sheet (Excel offers no way to unhide it), so the runner's next run
// sees the workbook as the script left it and 初期設定 stays idempotent across runs.
import type ExcelJS from 'exceljs';
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
    throw new Error(`readMeta: ${META_SHEET} version ${String(version)} is not ${VERSION}`);
  }
  const parts: string[] = [];
  for (let row = 2; row <= sheet.rowCount; row++) {
    const value = sheet.getCell(row, 1).value;
    if (typeof value === 'string') parts.push(value);
  }
  return JSON.parse(parts.join('')) as WorkbookMeta;
}
