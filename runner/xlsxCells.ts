// One cell's value, number format and colours between the snapshot (Apps Script semantics: dates
// are instants, "" is empty) and ExcelJS (dates are Tokyo wall dates, null is empty).
import type ExcelJS from 'exceljs';
import { isDate } from '../emulator/recorder';
import type { CellValue } from '../emulator/snapshot';
import { instantFromWall, tokyoParts, wallFromInstant } from './tokyoTime';

// A date cell needs a date number format, or Excel shows (and ExcelJS reads back) a bare serial
// number. When the snapshot names none, one of these is written. They carry Excel's Japanese
// locale tag [$-411], which Sheets formats never contain, so reading recognises and drops them
// and the snapshot comes back exactly as it went in.
const DEFAULT_DATE = '[$-411]yyyy/mm/dd';
const DEFAULT_DATE_TIME = '[$-411]yyyy/mm/dd h:mm:ss';
const DEFAULT_TIME = '[$-411]h:mm:ss';
const DEFAULT_FORMATS: ReadonlySet<string> = new Set([
  DEFAULT_DATE,
  DEFAULT_DATE_TIME,
  DEFAULT_TIME,
]);

export function isDefaultDateFormat(format: string): boolean {
  return DEFAULT_FORMATS.has(format);
}

/**
 * Whether ExcelJS will read a number in a cell with this format back as a Date. Same rule as
 * ExcelJS's own (utils.isDateFmt), because that rule, not ours, decides what comes back.
 */
export function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  const bare = format.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '');
  return /[ymdhMsb]+/.test(bare);
}

/** Time-only cells (Sheets: 1899-12-30 + time) get a time format, midnight dates a date format. */
export function defaultDateFormat(instant: Date): string {
  const p = tokyoParts(instant);
  if (p.year === 1899 && p.month === 12 && p.day === 30) return DEFAULT_TIME;
  const midnight = p.hour === 0 && p.minute === 0 && p.second === 0 && p.millisecond === 0;
  return midnight ? DEFAULT_DATE : DEFAULT_DATE_TIME;
}

type ExcelScalar = number | string | boolean;

const DAY_MS = 24 * 60 * 60 * 1000;
// Serial day number of 1970-01-01 in the 1900 date system (day 0 = 1899-12-30, as in Sheets).
const UNIX_EPOCH_SERIAL = 25569;

/**
 * The serial number Excel stores for a Tokyo wall time: whole days plus the exact fraction of the
 * day. ExcelJS's own conversion (25569 + ms / day) cancels digits near 1899 and stores 10:00 as
 * 0.4166666666678793, which Excel does not consider equal to TIME(10,0,0); whole days plus the
 * fraction store 0.4166666666666667, exactly what Excel stores for a typed 10:00. Time-only cells
 * (1899-12-30) thereby become serial fractions of day 0. The cell keeps a date format, so ExcelJS
 * reads the number back as a Date.
 */
export function excelSerial(instant: Date): number {
  const wallMs = wallFromInstant(instant).getTime();
  const days = Math.floor(wallMs / DAY_MS);
  return UNIX_EPOCH_SERIAL + days + (wallMs - days * DAY_MS) / DAY_MS;
}

/** A snapshot value as ExcelJS stores it; null for an empty cell. */
export function toExcelScalar(value: CellValue): ExcelScalar | null {
  if (value === '') return null;
  if (isDate(value)) return excelSerial(new Date(value.getTime()));
  return value;
}

/** Any ExcelJS value (or formula result) as a snapshot value. */
export function fromExcelValue(value: unknown): CellValue {
  if (value === null || value === undefined) return '';
  if (isDate(value)) return instantFromWall(value);
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') {
    return value;
  }
  if (typeof value === 'object') {
    const v = value as Partial<ExcelJS.CellRichTextValue & ExcelJS.CellErrorValue> & {
      text?: unknown;
    };
    if (Array.isArray(v.richText)) return v.richText.map((run) => run.text).join('');
    if (typeof v.error === 'string') return v.error;
    // Hyperlinks: the text a person sees; its text may itself be rich text.
    if (v.text !== undefined) return fromExcelValue(v.text);
  }
  throw new Error(`fromExcelValue: unsupported cell value ${JSON.stringify(value)}`);
}

/** "#rrggbb" or "#rgb" → ExcelJS ARGB ("FFRRGGBB"); null when it is not a hex colour. */
export function toArgb(color: string): string | null {
  const hex = color.trim().toLowerCase();
  const long = /^#([0-9a-f]{6})$/.exec(hex);
  if (long) return `FF${long[1]!.toUpperCase()}`;
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/.exec(hex);
  if (short)
    return `FF${short
      .slice(1)
      .map((d) => d + d)
      .join('')
      .toUpperCase()}`;
  return null;
}

/** ExcelJS colour → "#rrggbb" as Apps Script reports colours; theme colours have no RGB here. */
export function fromArgb(color: Partial<ExcelJS.Color> | undefined): string | undefined {
  const argb = color?.argb;
  if (typeof argb !== 'string' || !/^[0-9a-fA-F]{6,8}$/.test(argb)) return undefined;
  return `#${argb.slice(-6).toLowerCase()}`;
}

/** Note text from ExcelJS (a string, or a comment made of rich-text runs). */
export function noteText(note: ExcelJS.Cell['note'] | undefined): string | undefined {
  if (note === undefined || note === null) return undefined;
  if (typeof note === 'string') return note;
  return (note.texts ?? []).map((run) => run.text).join('');
}

// Sheets measures columns in pixels, Excel in characters of the default font (Calibri 11: 7 px a
// character plus 5 px of padding). Fractional widths make the pixel value round-trip exactly.
export function pixelsToCharacters(pixels: number): number {
  return Math.max(0, (pixels - 5) / 7);
}

export function charactersToPixels(characters: number): number {
  return Math.round(characters * 7 + 5);
}
