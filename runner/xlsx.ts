// An ExcelJS workbook ⇄ the emulator's WorkbookSnapshot. What xlsx can hold goes into real
// cells, styles, notes, validations, views, filters and column widths, so the file reads
// naturally in Excel or LibreOffice; the rest goes to the hidden meta sheet (xlsxMeta.ts).
import ExcelJS from 'exceljs';
import { isDate } from '../emulator/recorder';
import type {
  CellValidationSnapshot,
  CellValue,
  ConditionalFormatSnapshot,
  SheetSnapshot,
  WorkbookSnapshot,
} from '../emulator/snapshot';
import { a1, parseA1 } from './a1';
import { assertTokyo, TOKYO } from './tokyoTime';
import {
  charactersToPixels,
  defaultDateFormat,
  fromArgb,
  fromExcelValue,
  isDateFormat,
  isDefaultDateFormat,
  noteText,
  pixelsToCharacters,
  toArgb,
  toExcelScalar,
} from './xlsxCells';
import { META_SHEET, readMeta, writeMeta, type SheetMeta, type WorkbookMeta } from './xlsxMeta';
import { fromExcelRule, fromExcelValidation, toExcelRule, toExcelValidation } from './xlsxRules';

/** Receives one sentence per thing that could not be converted faithfully. */
export type Warn = (message: string) => void;
const ignore: Warn = () => undefined;

// ExcelJS keeps these on the worksheet at runtime but leaves them out of its type definitions.
interface WorksheetInternals {
  dataValidations: { model: Record<string, ExcelJS.DataValidation | undefined> };
  conditionalFormattings: ExcelJS.ConditionalFormattingOptions[];
}
const internals = (sheet: ExcelJS.Worksheet) => sheet as unknown as WorksheetInternals;

// ───────────────────────────── snapshot → workbook ─────────────────────────────

export function workbookFromSnapshot(
  snapshot: WorkbookSnapshot,
  warn: Warn = ignore,
): ExcelJS.Workbook {
  assertTokyo(snapshot.timeZone);
  if (snapshot.sheets.length === 0) {
    throw new Error('workbookFromSnapshot: a workbook needs at least one sheet');
  }
  const workbook = new ExcelJS.Workbook();
  const meta: WorkbookMeta = {
    version: 1,
    name: snapshot.name,
    timeZone: snapshot.timeZone,
    sheets: {},
  };
  for (const sheet of snapshot.sheets) {
    if (sheet.name === META_SHEET) {
      throw new Error(`workbookFromSnapshot: sheet name ${META_SHEET} is reserved for the runner`);
    }
    const sheetMeta = writeSheet(workbook, sheet, (m) => warn(`「${sheet.name}」: ${m}`));
    if (Object.keys(sheetMeta).length > 0) meta.sheets[sheet.name] = sheetMeta;
  }
  writeMeta(workbook, meta);
  return workbook;
}

function writeSheet(workbook: ExcelJS.Workbook, sheet: SheetSnapshot, warn: Warn): SheetMeta {
  const ws = workbook.addWorksheet(sheet.name);
  const meta: SheetMeta = {};
  writeValues(ws, sheet);
  writeNumberFormats(ws, sheet, warn);
  writeColours(ws, sheet, warn);
  for (const [address, note] of Object.entries(sheet.notes ?? {})) ws.getCell(address).note = note;
  const validations = writeValidations(ws, sheet.validations ?? {});
  if (Object.keys(validations).length > 0) meta.validations = validations;
  const rules = writeConditionalFormats(ws, sheet.conditionalFormats ?? []);
  if (rules.length > 0) meta.conditionalFormats = rules;
  if (sheet.protections?.length) meta.protections = sheet.protections;
  if (sheet.maxRows !== undefined) meta.maxRows = sheet.maxRows;
  if (sheet.maxColumns !== undefined) meta.maxColumns = sheet.maxColumns;
  const frozenRows = sheet.frozenRows ?? 0;
  const frozenColumns = sheet.frozenColumns ?? 0;
  if (frozenRows > 0 || frozenColumns > 0) {
    ws.views = [{ state: 'frozen', xSplit: frozenColumns, ySplit: frozenRows }];
  }
  if (sheet.filterA1) ws.autoFilter = sheet.filterA1;
  for (const [column, pixels] of Object.entries(sheet.columnWidths ?? {})) {
    ws.getColumn(Number(column)).width = pixelsToCharacters(pixels);
  }
  return meta;
}

function writeValues(ws: ExcelJS.Worksheet, sheet: SheetSnapshot) {
  sheet.values.forEach((row, r) =>
    row.forEach((value, c) => {
      const scalar = toExcelScalar(value);
      if (scalar !== null) ws.getCell(r + 1, c + 1).value = scalar;
    }),
  );
  for (const [address, formula] of Object.entries(sheet.formulas ?? {})) {
    const { row, column } = parseA1(address);
    const result = toExcelScalar(sheet.values[row - 1]?.[column - 1] ?? '');
    ws.getCell(address).value = {
      formula: formula.startsWith('=') ? formula.slice(1) : formula,
      ...(result !== null ? { result } : {}),
    };
  }
}

function writeNumberFormats(ws: ExcelJS.Worksheet, sheet: SheetSnapshot, warn: Warn) {
  const formats = new Map(Object.entries(sheet.numberFormats ?? {}));
  // A date needs a date format to stay a date (see xlsxCells.ts).
  sheet.values.forEach((row, r) =>
    row.forEach((value, c) => {
      if (!isDate(value)) return;
      const address = a1(r + 1, c + 1);
      const format = formats.get(address);
      if (isDateFormat(format)) return;
      if (format !== undefined) {
        warn(
          `${address} は日付ですが表示形式 "${format}" は日付形式でないため、既定の日付形式で保存します。`,
        );
      }
      formats.set(address, defaultDateFormat(value));
    }),
  );
  for (const [address, format] of formats) ws.getCell(address).numFmt = format;
}

function writeColours(ws: ExcelJS.Worksheet, sheet: SheetSnapshot, warn: Warn) {
  for (const [address, colour] of Object.entries(sheet.backgrounds ?? {})) {
    const argb = toArgb(colour);
    if (argb) ws.getCell(address).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb } };
    else warn(`${address} の背景色 "${colour}" は #rrggbb でないため保存しません。`);
  }
  for (const [address, colour] of Object.entries(sheet.fontColors ?? {})) {
    const argb = toArgb(colour);
    if (argb) ws.getCell(address).font = { color: { argb } };
    else warn(`${address} の文字色 "${colour}" は #rrggbb でないため保存しません。`);
  }
}

/** Writes what Excel can express; returns the rest for the meta sheet. */
function writeValidations(
  ws: ExcelJS.Worksheet,
  validations: Record<string, CellValidationSnapshot>,
): Record<string, CellValidationSnapshot> {
  const rest: Record<string, CellValidationSnapshot> = {};
  for (const [address, rule] of Object.entries(validations)) {
    const excel = toExcelValidation(rule);
    if (excel) ws.getCell(address).dataValidation = excel;
    else rest[address] = rule;
  }
  return rest;
}

function writeConditionalFormats(
  ws: ExcelJS.Worksheet,
  rules: ConditionalFormatSnapshot[],
): NonNullable<SheetMeta['conditionalFormats']> {
  const rest: NonNullable<SheetMeta['conditionalFormats']> = [];
  rules.forEach((rule, index) => {
    const excel = toExcelRule(rule, index + 1);
    if (excel) ws.addConditionalFormatting({ ref: rule.ranges.join(' '), rules: [excel] });
    else rest.push({ index, rule });
  });
  return rest;
}

// ───────────────────────────── workbook → snapshot ─────────────────────────────

/** `name` is used when the workbook did not come from the runner (no meta sheet). */
export function snapshotFromWorkbook(
  workbook: ExcelJS.Workbook,
  name: string,
  warn: Warn = ignore,
): WorkbookSnapshot {
  const meta = readMeta(workbook);
  const timeZone = meta?.timeZone ?? TOKYO;
  assertTokyo(timeZone);
  const sheets = workbook.worksheets
    .filter((ws) => ws.name !== META_SHEET)
    .map((ws) => readSheet(ws, meta?.sheets[ws.name] ?? {}, (m) => warn(`「${ws.name}」: ${m}`)));
  return { name: meta?.name ?? name, timeZone, sheets };
}

interface CellMaps {
  formulas: Record<string, string>;
  numberFormats: Record<string, string>;
  backgrounds: Record<string, string>;
  fontColors: Record<string, string>;
  notes: Record<string, string>;
}

function readSheet(ws: ExcelJS.Worksheet, meta: SheetMeta, warn: Warn): SheetSnapshot {
  const maps: CellMaps = {
    formulas: {},
    numberFormats: {},
    backgrounds: {},
    fontColors: {},
    notes: {},
  };
  const values = readCells(ws, maps);
  const sheet: SheetSnapshot = { name: ws.name, values };
  for (const [key, map] of Object.entries(maps) as [keyof CellMaps, Record<string, string>][]) {
    if (Object.keys(map).length > 0) sheet[key] = map;
  }
  const validations = { ...readValidations(ws), ...(meta.validations ?? {}) };
  if (Object.keys(validations).length > 0) sheet.validations = sortByAddress(validations);
  const rules = readConditionalFormats(ws, meta, warn);
  if (rules.length > 0) sheet.conditionalFormats = rules;
  if (meta.protections?.length) sheet.protections = meta.protections;
  const frozen = (ws.views ?? []).find((view) => view.state === 'frozen') as
    Partial<ExcelJS.WorksheetViewFrozen> | undefined;
  if (frozen?.ySplit) sheet.frozenRows = frozen.ySplit;
  if (frozen?.xSplit) sheet.frozenColumns = frozen.xSplit;
  const filter = filterA1(ws.autoFilter);
  if (filter) sheet.filterA1 = filter;
  const widths = readColumnWidths(ws);
  if (Object.keys(widths).length > 0) sheet.columnWidths = widths;
  if (meta.maxRows !== undefined) sheet.maxRows = meta.maxRows;
  if (meta.maxColumns !== undefined) sheet.maxColumns = meta.maxColumns;
  return sheet;
}

/** Values as a rectangle up to the last non-empty cell; formats etc. into `maps`. */
function readCells(ws: ExcelJS.Worksheet, maps: CellMaps): CellValue[][] {
  const found: { row: number; column: number; value: CellValue }[] = [];
  let height = 0;
  let width = 0;
  // includeEmpty: cells holding only a format or a note matter too.
  ws.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      const address = a1(rowNumber, column);
      const value = readCell(cell, address, maps);
      if (value === '') return;
      found.push({ row: rowNumber, column, value });
      height = Math.max(height, rowNumber);
      width = Math.max(width, column);
    });
  });
  const values: CellValue[][] = Array.from({ length: height }, () =>
    Array.from<CellValue>({ length: width }).fill(''),
  );
  for (const { row, column, value } of found) values[row - 1]![column - 1] = value;
  return values;
}

function readCell(cell: ExcelJS.Cell, address: string, maps: CellMaps): CellValue {
  const format = cell.numFmt;
  if (format && format !== 'General' && !isDefaultDateFormat(format)) {
    maps.numberFormats[address] = format;
  }
  const fill = cell.fill;
  const background =
    fill?.type === 'pattern' && fill.pattern === 'solid' ? fromArgb(fill.fgColor) : undefined;
  if (background) maps.backgrounds[address] = background;
  const fontColor = fromArgb(cell.font?.color);
  if (fontColor) maps.fontColors[address] = fontColor;
  const note = noteText(cell.note);
  if (note !== undefined) maps.notes[address] = note;
  // A merged cell's other parts show the first part's value; Sheets reports them empty.
  if (cell.type === ExcelJS.ValueType.Merge) return '';
  if (cell.type === ExcelJS.ValueType.Formula) {
    // LibreOffice saves a typed TRUE/FALSE (a ticked or unticked checkbox) as the formula TRUE()
    // or FALSE(); Sheets and Excel hold the plain value, and so does the snapshot.
    if (/^(TRUE|FALSE)\(\)$/i.test(cell.formula) && typeof cell.result === 'boolean') {
      return cell.result;
    }
    maps.formulas[address] = `=${cell.formula}`;
    return fromExcelValue(cell.result);
  }
  return fromExcelValue(cell.value);
}

function readValidations(ws: ExcelJS.Worksheet): Record<string, CellValidationSnapshot> {
  const out: Record<string, CellValidationSnapshot> = {};
  for (const [address, rule] of Object.entries(internals(ws).dataValidations.model)) {
    if (rule) out[address] = fromExcelValidation(rule);
  }
  return out;
}

function readConditionalFormats(
  ws: ExcelJS.Worksheet,
  meta: SheetMeta,
  warn: Warn,
): ConditionalFormatSnapshot[] {
  const excel = (internals(ws).conditionalFormattings ?? [])
    .flatMap(({ ref, rules }) => rules.map((rule) => ({ ref, rule })))
    .sort((a, b) => a.rule.priority - b.rule.priority);
  const mapped: ConditionalFormatSnapshot[] = [];
  for (const { ref, rule } of excel) {
    const snapshot = fromExcelRule(rule, ref.split(/\s+/));
    if (snapshot) mapped.push(snapshot);
    else warn(`${ref} の条件付き書式（${rule.type}）は読み込めないため省きます。`);
  }
  // Rules only the meta sheet could hold go back to their places in the list.
  const out = [...mapped];
  for (const { index, rule } of [...(meta.conditionalFormats ?? [])].sort(
    (a, b) => a.index - b.index,
  )) {
    out.splice(Math.min(index, out.length), 0, rule);
  }
  return out;
}

function filterA1(filter: ExcelJS.AutoFilter | undefined): string | undefined {
  if (!filter) return undefined;
  if (typeof filter === 'string') return filter;
  const corner = (c: string | { row: number; column: number }) =>
    typeof c === 'string' ? c : a1(c.row, c.column);
  return `${corner(filter.from)}:${corner(filter.to)}`;
}

function readColumnWidths(ws: ExcelJS.Worksheet): Record<number, number> {
  const widths: Record<number, number> = {};
  (ws.columns ?? []).forEach((column, i) => {
    if (typeof column?.width === 'number') widths[i + 1] = charactersToPixels(column.width);
  });
  return widths;
}

/** Row-major order (A1, B1, …, A2) so snapshots compare and diff predictably. */
function sortByAddress<T>(map: Record<string, T>): Record<string, T> {
  const key = (address: string) => {
    const { row, column } = parseA1(address);
    return row * 100_000 + column;
  };
  return Object.fromEntries(Object.entries(map).sort(([a], [b]) => key(a) - key(b)));
}
