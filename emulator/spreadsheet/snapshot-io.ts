// WorkbookModel ⇄ WorkbookSnapshot: what the emulator loads from and saves to. Only what the
// snapshot can say survives a round trip (values, formulas, number formats, backgrounds, font
// colours, notes, validations, conditional formats, protections, frozen rows/columns, filter,
// column widths, grid size); other styles, charts and hidden columns are host-only.
import { isDate, type CallRecorder } from '../recorder';
import type {
  CellValidationSnapshot,
  CellValue,
  ConditionalFormatSnapshot,
  SheetSnapshot,
  WorkbookSnapshot,
} from '../snapshot';
import { cellA1, parseA1Range, quoteSheetName, rectA1, splitSheetName } from './a1';
import { readValues } from './cells';
import type { Rect } from './geometry';
import type { Layer } from './layer';
import { WorkbookModel, type SheetModel, type ValidationModel } from './model';
import { copyValue } from './values';
import { isRangeRef } from './validation';
import { insertSheetModel } from './workbook';

/** The grid of a new sheet in Google Sheets. */
export const NEW_SHEET_ROWS = 1000;
export const NEW_SHEET_COLUMNS = 26;

/** A deterministic id in the shape of a Google file id (44 characters). */
export const EMULATED_SPREADSHEET_ID = '1EmuLatedSpreadsheet0000000000000000000000AA';

export interface LoadOptions {
  rec: CallRecorder;
  /** Editor of the protections in the snapshot (which does not record editors). */
  owner: string;
  id?: string;
}

// Loading -----------------------------------------------------------------------------------------

function parseCell(a1: string): { r: number; c: number } | null {
  const rect = parseA1Range(a1, 1, 1);
  return rect ? { r: rect.row - 1, c: rect.column - 1 } : null;
}

function loadByA1<T>(layer: Layer<T>, byA1: Record<string, T> | undefined): void {
  for (const [a1, v] of Object.entries(byA1 ?? {})) {
    const cell = parseCell(a1);
    if (cell) layer.set(cell.r, cell.c, v);
  }
}

/** Snapshot condition names are BooleanCriteria in camelCase; CUSTOM_FORMULA is 'formula'. */
function criteriaOfCondition(condition: string): string {
  if (condition === 'formula') return 'CUSTOM_FORMULA';
  return condition.replace(/[A-Z]/g, (ch) => `_${ch}`).toUpperCase();
}

function conditionOfCriteria(criteria: string): string {
  if (criteria === 'CUSTOM_FORMULA') return 'formula';
  return criteria.toLowerCase().replace(/_([a-z])/g, (_, ch: string) => ch.toUpperCase());
}

/** A rectangle on `sheet` from A1 that may carry a sheet name. */
function rectOn(sheet: SheetModel, a1: string): { sheet: SheetModel; rect: Rect } | null {
  const { sheetName, range } = splitSheetName(a1);
  const target = sheetName === null ? sheet : sheet.workbook.sheetByName(sheetName);
  if (!target) return null;
  const rect = parseA1Range(range, target.maxRows, target.maxColumns);
  return rect ? { sheet: target, rect } : null;
}

function validationFromSnapshot(sheet: SheetModel, v: CellValidationSnapshot): ValidationModel {
  const base = { allowInvalid: v.allowInvalid, helpText: v.helpText ?? null };
  if (v.kind === 'checkbox') return { ...base, criteria: 'CHECKBOX', values: [] };
  if (v.kind === 'date') return { ...base, criteria: 'DATE_IS_VALID_DATE', values: [] };
  if (v.kind === 'list') {
    const source = v.sourceA1 ? rectOn(sheet, v.sourceA1) : null;
    if (source) {
      const ref = sheet.workbook.anchor({ sheet: source.sheet, rect: source.rect });
      return { ...base, criteria: 'VALUE_IN_RANGE', values: [ref, true] };
    }
    return { ...base, criteria: 'VALUE_IN_LIST', values: [[...(v.values ?? [])], true] };
  }
  return { ...base, criteria: 'CUSTOM_FORMULA', values: [] };
}

function loadSheetCells(sheet: SheetModel, s: SheetSnapshot): void {
  s.values.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v !== '' && v !== null && v !== undefined) sheet.values.set(r, c, copyValue(v));
    }),
  );
  loadByA1(sheet.formulas, s.formulas);
  loadByA1(sheet.numberFormats, s.numberFormats);
  loadByA1(sheet.styles.background, s.backgrounds);
  loadByA1(sheet.styles.fontColor, s.fontColors);
  loadByA1(sheet.notes, s.notes);
  sheet.frozenRows = s.frozenRows ?? 0;
  sheet.frozenColumns = s.frozenColumns ?? 0;
  for (const [col, width] of Object.entries(s.columnWidths ?? {})) {
    sheet.columnWidths.set(Number(col), width);
  }
}

/** Validations, rules, protections and the filter: after all sheets exist (sources may be elsewhere). */
function loadSheetFeatures(sheet: SheetModel, s: SheetSnapshot, owner: string): void {
  // Cells with the same snapshot rule share one model, as a rule set on a range does in Sheets.
  const shared = new Map<string, ValidationModel>();
  for (const [a1, v] of Object.entries(s.validations ?? {})) {
    const cell = parseCell(a1);
    if (!cell) continue;
    const key = JSON.stringify(v);
    let model = shared.get(key);
    if (!model) {
      model = validationFromSnapshot(sheet, v);
      shared.set(key, model);
    }
    sheet.validations.set(cell.r, cell.c, model);
  }
  sheet.rules = (s.conditionalFormats ?? []).map((f) => {
    const criteria = criteriaOfCondition(f.condition);
    return {
      ranges: f.ranges
        .map((a1) => rectOn(sheet, a1)?.rect)
        .filter((r): r is Rect => r !== undefined),
      criteria,
      values: criteria.startsWith('NUMBER_') ? f.values.map(Number) : [...f.values],
      format: {
        ...(f.background ? { background: f.background } : {}),
        ...(f.fontColor ? { fontColor: f.fontColor } : {}),
      },
    };
  });
  sheet.protections = (s.protections ?? []).map((p) => {
    const rect = p.rangeA1 === null ? null : (rectOn(sheet, p.rangeA1)?.rect ?? null);
    return {
      type: rect ? 'RANGE' : 'SHEET',
      rect,
      description: p.description,
      warningOnly: p.warningOnly,
      editors: [owner],
      domainEdit: true,
      unprotected: [],
    };
  });
  const filter = s.filterA1 ? rectOn(sheet, s.filterA1) : null;
  sheet.filter = filter ? { rect: filter.rect } : null;
}

/** A model holding the snapshot; `sheets: []` means a new spreadsheet with one empty sheet. */
export function loadWorkbook(snapshot: WorkbookSnapshot, options: LoadOptions): WorkbookModel {
  const wb = new WorkbookModel(
    options.rec,
    options.id ?? EMULATED_SPREADSHEET_ID,
    snapshot.name,
    snapshot.timeZone,
  );
  if (snapshot.sheets.length === 0) {
    insertSheetModel(wb, undefined, 0);
    return wb;
  }
  snapshot.sheets.forEach((s, i) => {
    const rows = s.values.length;
    const columns = s.values.reduce((n, row) => Math.max(n, row.length), 0);
    const sheet = wb.addSheet(
      s.name,
      i,
      // Without a size, the grid of a sheet Sheets makes (1000 × 26), or larger to hold the data.
      s.maxRows ?? Math.max(rows, NEW_SHEET_ROWS),
      s.maxColumns ?? Math.max(columns, NEW_SHEET_COLUMNS),
    );
    loadSheetCells(sheet, s);
    // Formats may sit beyond the values: make sure the grid holds everything loaded.
    sheet.ensureSize(sheet.values.rowExtent, columns);
  });
  snapshot.sheets.forEach((s, i) => loadSheetFeatures(wb.sheets[i]!, s, options.owner));
  return wb;
}

// Saving ------------------------------------------------------------------------------------------

function saveByA1<T>(layer: Layer<T>, map: (v: T) => T = (v) => v): Record<string, T> | undefined {
  const out: Record<string, T> = {};
  let any = false;
  for (const [r, c, v] of layer.entries()) {
    out[cellA1(r + 1, c + 1)] = map(v);
    any = true;
  }
  return any ? out : undefined;
}

function validationToSnapshot(v: ValidationModel): CellValidationSnapshot {
  const base = {
    allowInvalid: v.allowInvalid,
    ...(v.helpText !== null ? { helpText: v.helpText } : {}),
  };
  switch (v.criteria) {
    case 'CHECKBOX':
      return { kind: 'checkbox', ...base };
    case 'VALUE_IN_LIST':
      return { kind: 'list', values: ((v.values[0] as unknown[]) ?? []).map(String), ...base };
    case 'VALUE_IN_RANGE': {
      const ref = v.values[0];
      if (!isRangeRef(ref)) return { kind: 'other', ...base };
      const values = readValues(ref.sheet, ref.rect)
        .flat()
        .filter((x) => x !== '')
        .map(String);
      return {
        kind: 'list',
        values,
        sourceA1: `${quoteSheetName(ref.sheet.name)}!${rectA1(ref.rect)}`,
        ...base,
      };
    }
    default:
      return v.criteria.startsWith('DATE_')
        ? { kind: 'date', ...base }
        : { kind: 'other', ...base };
  }
}

function rulesToSnapshot(sheet: SheetModel): ConditionalFormatSnapshot[] | undefined {
  if (sheet.rules.length === 0) return undefined;
  return sheet.rules.map((rule) => ({
    ranges: rule.ranges.map(rectA1),
    condition: conditionOfCriteria(rule.criteria),
    values: rule.values.map((v) => (isDate(v) ? v.toISOString() : String(v))),
    ...(rule.format.background ? { background: rule.format.background } : {}),
    ...(rule.format.fontColor ? { fontColor: rule.format.fontColor } : {}),
  }));
}

export function saveSheet(sheet: SheetModel): SheetSnapshot {
  const rows = sheet.lastContentRow();
  const columns = sheet.lastContentColumn();
  const values: CellValue[][] =
    rows === 0 ? [] : readValues(sheet, { row: 1, column: 1, numRows: rows, numColumns: columns });
  const validations = saveByA1(sheet.validations) as Record<string, ValidationModel> | undefined;
  const out: SheetSnapshot = {
    name: sheet.name,
    values,
    maxRows: sheet.maxRows,
    maxColumns: sheet.maxColumns,
  };
  const optional: Partial<SheetSnapshot> = {
    formulas: saveByA1(sheet.formulas),
    numberFormats: saveByA1(sheet.numberFormats),
    backgrounds: saveByA1(sheet.styles.background),
    fontColors: saveByA1(sheet.styles.fontColor),
    notes: saveByA1(sheet.notes),
    validations: validations
      ? Object.fromEntries(
          Object.entries(validations).map(([a1, v]) => [a1, validationToSnapshot(v)]),
        )
      : undefined,
    conditionalFormats: rulesToSnapshot(sheet),
    protections: sheet.protections.length
      ? sheet.protections.map((p) => ({
          rangeA1: p.rect ? rectA1(p.rect) : null,
          description: p.description,
          warningOnly: p.warningOnly,
        }))
      : undefined,
    frozenRows: sheet.frozenRows || undefined,
    frozenColumns: sheet.frozenColumns || undefined,
    filterA1: sheet.filter ? rectA1(sheet.filter.rect) : undefined,
    columnWidths: sheet.columnWidths.size ? Object.fromEntries(sheet.columnWidths) : undefined,
  };
  for (const [key, value] of Object.entries(optional)) {
    if (value !== undefined) (out as unknown as Record<string, unknown>)[key] = value;
  }
  return out;
}

export function saveWorkbook(wb: WorkbookModel): WorkbookSnapshot {
  return { name: wb.name, timeZone: wb.timeZone, sheets: wb.sheets.map(saveSheet) };
}
