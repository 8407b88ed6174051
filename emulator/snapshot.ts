// A plain-data picture of a spreadsheet: what the emulator loads from and saves to. The local
// runner converts .xlsx workbooks to and from this shape, so neither needs the other's internals.

/** A cell value with Apps Script's semantics: "" is empty; dates are absolute instants. */
export type CellValue = string | number | boolean | Date;

export interface CellValidationSnapshot {
  kind: 'list' | 'checkbox' | 'date' | 'other';
  /** For 'list': the allowed values. */
  values?: string[];
  /** For 'list' built from a range: its A1 notation, e.g. "設定!B2:B5". */
  sourceA1?: string;
  allowInvalid: boolean;
  helpText?: string;
}

export interface ConditionalFormatSnapshot {
  /** A1 ranges the rule applies to. */
  ranges: string[];
  /** e.g. 'formula', 'textContains', 'textEqualTo'. */
  condition: string;
  values: string[];
  background?: string;
  fontColor?: string;
}

export interface ProtectionSnapshot {
  /** A1 notation of the protected range, or null for the whole sheet. */
  rangeA1: string | null;
  description: string;
  warningOnly: boolean;
}

export interface SheetSnapshot {
  name: string;
  /** Row-major, rectangular; row 0 is sheet row 1. Trailing empty rows/columns may be omitted. */
  values: CellValue[][];
  /** Formulas by A1 address (e.g. "B2": "=SUM(A1:A3)"); their values are in `values`. */
  formulas?: Record<string, string>;
  /** Number formats by A1 address, "@" for plain text; only cells that have one. */
  numberFormats?: Record<string, string>;
  /** Backgrounds by A1 address ("#rrggbb"); only cells that have one. */
  backgrounds?: Record<string, string>;
  fontColors?: Record<string, string>;
  notes?: Record<string, string>;
  validations?: Record<string, CellValidationSnapshot>;
  conditionalFormats?: ConditionalFormatSnapshot[];
  protections?: ProtectionSnapshot[];
  frozenRows?: number;
  frozenColumns?: number;
  /** A1 range of the basic filter, if the sheet has one. */
  filterA1?: string | null;
  /** 1-based column index → width in pixels. */
  columnWidths?: Record<number, number>;
  /** Size of the grid; default a new sheet's 1000 × 26, or larger to hold the values. */
  maxRows?: number;
  maxColumns?: number;
}

export interface WorkbookSnapshot {
  name: string;
  /** IANA zone of the spreadsheet, e.g. "Asia/Tokyo". */
  timeZone: string;
  sheets: SheetSnapshot[];
}
