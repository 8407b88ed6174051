// The spreadsheet's state, host-side and uncounted: what the GAS-facing classes (EmuSpreadsheet,
// EmuSheet, EmuRange, …) read and change. Structural edits (insert/delete rows and columns) live
// here because they must move every per-cell layer and every remembered place together.
import type { CallRecorder } from '../recorder';
import type { CellValue } from '../snapshot';
import { rectAfterDelete, rectAfterInsert, type Dimension, type Rect } from './geometry';
import { Layer } from './layer';
import type { EntryContext } from './values';
import { DEFAULT_VARIANTS, type Variants } from '../variants';

/** A place on some sheet that must follow that sheet's row/column insertions and deletions. */
export interface RangeRef {
  sheet: SheetModel;
  rect: Rect;
}

/** A data validation rule; one object is shared by every cell it was set on. */
export interface ValidationModel {
  /** A DataValidationCriteria name, e.g. 'VALUE_IN_LIST'. */
  criteria: string;
  /** Host-side criteria values: strings, numbers, booleans, host Dates, RangeRefs, string[]. */
  values: readonly unknown[];
  allowInvalid: boolean;
  helpText: string | null;
}

export interface CellFormat {
  background?: string;
  fontColor?: string;
  bold?: boolean;
  italic?: boolean;
  strikethrough?: boolean;
  underline?: boolean;
}

export interface ConditionalRuleModel {
  ranges: Rect[];
  /** A BooleanCriteria name, e.g. 'CUSTOM_FORMULA', 'TEXT_CONTAINS'. */
  criteria: string;
  values: readonly unknown[];
  format: CellFormat;
}

export interface ProtectionModel {
  type: 'RANGE' | 'SHEET';
  /** null for a whole-sheet protection. */
  rect: Rect | null;
  description: string;
  warningOnly: boolean;
  editors: string[];
  domainEdit: boolean;
  unprotected: Rect[];
}

export interface FilterModel {
  rect: Rect;
  /** Column filter criteria by sheet column (opaque FilterCriteria objects from the script). */
  criteria?: Map<number, unknown>;
}

export interface ChartModel {
  /** Apps Script's chart ids are integers, unique in the spreadsheet. */
  id: number;
  ranges: RangeRef[];
  chartType: string | null;
  anchor: { row: number; column: number; offsetX: number; offsetY: number };
  options: Record<string, unknown>;
}

export interface SelectionModel {
  ranges: Rect[];
  current: { row: number; column: number };
}

/** Per-cell string attributes set by setBackground, setFontColor, setHorizontalAlignment, … */
export type StyleKey =
  | 'background'
  | 'fontColor'
  | 'fontWeight'
  | 'fontStyle'
  | 'fontLine'
  | 'horizontalAlignment'
  | 'verticalAlignment'
  | 'wrapStrategy';

export const STYLE_KEYS: readonly StyleKey[] = [
  'background',
  'fontColor',
  'fontWeight',
  'fontStyle',
  'fontLine',
  'horizontalAlignment',
  'verticalAlignment',
  'wrapStrategy',
];

export const DEFAULT_STYLE: Record<StyleKey, string> = {
  background: '#ffffff',
  fontColor: '#000000',
  fontWeight: 'normal',
  fontStyle: 'normal',
  fontLine: 'none',
  horizontalAlignment: 'general',
  verticalAlignment: 'bottom',
  wrapStrategy: 'OVERFLOW',
};

export const DEFAULT_COLUMN_WIDTH = 100;

export class SheetModel {
  readonly values = new Layer<CellValue>();
  readonly formulas = new Layer<string>();
  readonly numberFormats = new Layer<string>();
  readonly notes = new Layer<string>();
  readonly validations = new Layer<ValidationModel>();
  readonly styles: Record<StyleKey, Layer<string>> = Object.fromEntries(
    STYLE_KEYS.map((k) => [k, new Layer<string>()]),
  ) as Record<StyleKey, Layer<string>>;
  frozenRows = 0;
  frozenColumns = 0;
  readonly columnWidths = new Map<number, number>();
  readonly hiddenColumns = new Set<number>();
  tabColor: string | null = null;
  rules: ConditionalRuleModel[] = [];
  protections: ProtectionModel[] = [];
  filter: FilterModel | null = null;
  charts: ChartModel[] = [];
  selection: SelectionModel = {
    ranges: [{ row: 1, column: 1, numRows: 1, numColumns: 1 }],
    current: { row: 1, column: 1 },
  };

  constructor(
    readonly workbook: WorkbookModel,
    public name: string,
    readonly sheetId: number,
    public maxRows: number,
    public maxColumns: number,
  ) {}

  private layers(): Layer<unknown>[] {
    return [
      this.values,
      this.formulas,
      this.numberFormats,
      this.notes,
      this.validations,
      ...Object.values(this.styles),
    ];
  }

  /**
   * Grows the grid so that (row, column) exists. Only appendRow, a person and loading a
   * workbook use it: a script's range past the grid throws (cells.ts assertInGrid).
   */
  ensureSize(lastRow: number, lastColumn: number): void {
    this.maxRows = Math.max(this.maxRows, lastRow);
    this.maxColumns = Math.max(this.maxColumns, lastColumn);
  }

  hasContent(row: number, column: number): boolean {
    const v = this.values.get(row - 1, column - 1);
    return (v !== undefined && v !== '') || this.formulas.get(row - 1, column - 1) !== undefined;
  }

  /** Last row with a value or formula (0 when empty) — Sheet.getLastRow. */
  lastContentRow(): number {
    for (let r = Math.max(this.values.rowExtent, this.formulas.rowExtent) - 1; r >= 0; r--) {
      if (rowHasContent(this.values.rowView(r)) || rowHasContent(this.formulas.rowView(r))) {
        return r + 1;
      }
    }
    return 0;
  }

  /** Last column with a value or formula in any row (0 when empty) — Sheet.getLastColumn. */
  lastContentColumn(): number {
    let last = 0;
    for (const layer of [this.values, this.formulas] as Layer<unknown>[]) {
      for (let r = 0; r < layer.rowExtent; r++) {
        const row = layer.rowView(r);
        if (!row) continue;
        for (let c = row.length - 1; c >= last; c--) {
          const v = row[c];
          if (v !== undefined && v !== '') {
            last = c + 1;
            break;
          }
        }
      }
    }
    return last;
  }

  insertLines(dim: Dimension, at: number, count: number): void {
    for (const layer of this.layers()) {
      if (dim === 'ROWS') layer.insertRows(at - 1, count);
      else layer.insertColumns(at - 1, count);
    }
    if (dim === 'ROWS') {
      this.maxRows += count;
      if (at <= this.frozenRows) this.frozenRows += count;
    } else {
      this.maxColumns += count;
      if (at <= this.frozenColumns) this.frozenColumns += count;
      shiftKeys(this.columnWidths, at, count);
      shiftSet(this.hiddenColumns, at, count);
    }
    this.moveGeometry((r) => rectAfterInsert(r, dim, at, count));
  }

  deleteLines(dim: Dimension, at: number, count: number): void {
    for (const layer of this.layers()) {
      if (dim === 'ROWS') layer.deleteRows(at - 1, count);
      else layer.deleteColumns(at - 1, count);
    }
    const shrink = (n: number): number => n - Math.max(0, Math.min(n, at + count - 1) - at + 1);
    if (dim === 'ROWS') {
      this.maxRows -= count;
      this.frozenRows = shrink(this.frozenRows);
    } else {
      this.maxColumns -= count;
      this.frozenColumns = shrink(this.frozenColumns);
      for (let c = at; c < at + count; c++) {
        this.columnWidths.delete(c);
        this.hiddenColumns.delete(c);
      }
      shiftKeys(this.columnWidths, at + count, -count);
      shiftSet(this.hiddenColumns, at + count, -count);
    }
    this.moveGeometry((r) => rectAfterDelete(r, dim, at, count));
  }

  /** Applies a move to everything on this sheet (and elsewhere) that remembers a place here. */
  private moveGeometry(move: (r: Rect) => Rect | null): void {
    const keep = <T>(
      items: T[],
      rectOf: (t: T) => Rect | null,
      set: (t: T, r: Rect) => void,
    ): T[] =>
      items.filter((item) => {
        const old = rectOf(item);
        if (!old) return true;
        const moved = move(old);
        if (moved) set(item, moved);
        return moved !== null;
      });
    this.protections = keep(
      this.protections,
      (p) => p.rect,
      (p, r) => (p.rect = r),
    );
    for (const p of this.protections) {
      p.unprotected = p.unprotected.map(move).filter((r): r is Rect => r !== null);
    }
    for (const rule of this.rules) {
      rule.ranges = rule.ranges.map(move).filter((r): r is Rect => r !== null);
    }
    this.rules = this.rules.filter((rule) => rule.ranges.length > 0);
    if (this.filter) {
      const moved = move(this.filter.rect);
      this.filter = moved ? { ...this.filter, rect: moved } : null;
    }
    const ranges = this.selection.ranges.map(move).filter((r): r is Rect => r !== null);
    this.selection = ranges.length
      ? { ranges, current: { row: ranges[0]!.row, column: ranges[0]!.column } }
      : {
          ranges: [{ row: 1, column: 1, numRows: 1, numColumns: 1 }],
          current: { row: 1, column: 1 },
        };
    for (const ref of this.workbook.anchoredRefs) {
      if (ref.sheet !== this) continue;
      const moved = move(ref.rect);
      if (moved) ref.rect = moved;
    }
  }

  /** Reorders rows `start`..`start+order.length-1` (1-based) in columns c0..c1 (inclusive). */
  permuteRows(start: number, order: readonly number[], c0: number, c1: number): void {
    for (const layer of this.layers()) layer.permuteRows(start - 1, order, c0 - 1, c1);
  }
}

function rowHasContent(row: readonly unknown[] | undefined): boolean {
  if (!row) return false;
  for (let c = 0; c < row.length; c++) {
    const v = row[c];
    if (v !== undefined && v !== '') return true;
  }
  return false;
}

function shiftKeys(map: Map<number, number>, from: number, by: number): void {
  const moved = [...map].filter(([k]) => k >= from);
  for (const [k] of moved) map.delete(k);
  for (const [k, v] of moved) map.set(k + by, v);
}

function shiftSet(set: Set<number>, from: number, by: number): void {
  const moved = [...set].filter((k) => k >= from);
  for (const k of moved) set.delete(k);
  for (const k of moved) set.add(k + by);
}

export interface Toast {
  message: string;
  title: string;
  timeoutSeconds: number | null;
  at: Date;
}

export class WorkbookModel {
  sheets: SheetModel[] = [];
  activeSheet: SheetModel | null = null;
  readonly toasts: Toast[] = [];
  /** Validation sources and chart ranges that must follow row/column edits on their sheet. */
  readonly anchoredRefs = new Set<RangeRef>();
  /** Google's undocumented answers this workbook gives (emulator/variants.ts). */
  variants: Readonly<Variants> = DEFAULT_VARIANTS;
  private nextSheetId = 0;
  private nextChartId = 1;

  constructor(
    readonly rec: CallRecorder,
    readonly id: string,
    public name: string,
    public timeZone: string,
  ) {}

  entryContext(): EntryContext {
    return {
      timeZone: this.timeZone,
      now: () => this.rec.now(),
      typedDates: this.variants.typedDates,
    };
  }

  sheetByName(name: string): SheetModel | null {
    return this.sheets.find((s) => s.name === name) ?? null;
  }

  addSheet(name: string, index: number, maxRows = 1000, maxColumns = 26): SheetModel {
    const sheet = new SheetModel(this, name, this.nextSheetId++, maxRows, maxColumns);
    this.sheets.splice(index, 0, sheet);
    return sheet;
  }

  removeSheet(sheet: SheetModel): void {
    this.sheets = this.sheets.filter((s) => s !== sheet);
    for (const ref of [...this.anchoredRefs])
      if (ref.sheet === sheet) this.anchoredRefs.delete(ref);
    if (this.activeSheet === sheet) this.activeSheet = this.sheets[0] ?? null;
  }

  active(): SheetModel {
    const sheet = this.activeSheet ?? this.sheets[0];
    if (!sheet) throw new Error('emulated spreadsheet has no sheets');
    return sheet;
  }

  /** Registers a place to keep in step with row/column edits; returns it for chaining. */
  anchor(ref: RangeRef): RangeRef {
    this.anchoredRefs.add(ref);
    return ref;
  }

  newChartId(): number {
    return this.nextChartId++;
  }
}
