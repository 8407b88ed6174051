// Checks of script arguments shared by the GAS-facing classes: coordinates, colours, ranges.
import { parseA1Range, splitSheetName } from './a1';
import { gasError } from './not-emulated';
import { signatureError } from './cells';
import type { Rect } from './geometry';
import type { SheetModel } from './model';

/** An integer argument; Apps Script truncates fractions and rejects non-numbers. */
export function intArg(method: string, args: readonly unknown[], value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw signatureError(method, args);
  return Math.trunc(value);
}

/** Sheet.getRange(row, column[, numRows[, numColumns]]) with Apps Script's error messages. */
export function rectArgs(method: string, args: readonly unknown[]): Rect {
  const [row, column, numRows = 1, numColumns = 1] = args.map((a) => intArg(method, args, a));
  if (row === undefined || column === undefined) throw signatureError(method, args);
  if (row < 1) throw gasError('The starting row of the range is too small.');
  if (column < 1) throw gasError('The starting column of the range is too small.');
  if (numRows < 1) throw gasError('The number of rows in the range must be at least 1.');
  if (numColumns < 1) throw gasError('The number of columns in the range must be at least 1.');
  return { row, column, numRows, numColumns };
}

const NAMED_COLORS: Record<string, string> = {
  black: '#000000',
  white: '#ffffff',
  red: '#ff0000',
  green: '#008000',
  blue: '#0000ff',
  yellow: '#ffff00',
  orange: '#ffa500',
  gray: '#808080',
  grey: '#808080',
  purple: '#800080',
  pink: '#ffc0cb',
  cyan: '#00ffff',
  magenta: '#ff00ff',
  lime: '#00ff00',
  silver: '#c0c0c0',
  navy: '#000080',
};

/** Colours as getBackground returns them: lowercase '#rrggbb' (names and '#rgb' expanded). */
export function normalizeColor(color: string): string {
  const c = color.trim().toLowerCase();
  const named = NAMED_COLORS[c];
  if (named) return named;
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/.exec(c);
  if (short) return `#${short[1]!.repeat(2)}${short[2]!.repeat(2)}${short[3]!.repeat(2)}`;
  return c;
}

/** A colour argument; null resets to the default (stored as "nothing set"). */
export function colorArg(color: unknown): string | undefined {
  return color === null || color === undefined || color === ''
    ? undefined
    : normalizeColor(String(color));
}

/** What the emulator needs from a Range handed back by the script. */
export interface RangeLike {
  sheetModel: SheetModel;
  rect: Rect;
}

/** A Range argument: must be one of this emulator's ranges. */
export function rangeArg(method: string, value: unknown): RangeLike {
  const r = value as Partial<RangeLike> | null;
  if (!r || typeof r !== 'object' || !r.sheetModel || !r.rect)
    throw signatureError(method, [value]);
  return { sheetModel: r.sheetModel, rect: r.rect };
}

/** A1 (with or without sheet name) resolved against a default sheet; Apps Script's messages. */
export function resolveA1(
  a1: unknown,
  defaultSheet: SheetModel,
  method: string,
): { sheet: SheetModel; rect: Rect } {
  if (typeof a1 !== 'string') throw signatureError(method, [a1]);
  const { sheetName, range } = splitSheetName(a1.trim());
  const sheet = sheetName === null ? defaultSheet : defaultSheet.workbook.sheetByName(sheetName);
  if (!sheet) throw gasError('Range not found');
  const rect = parseA1Range(range, sheet.maxRows, sheet.maxColumns);
  if (!rect) throw gasError('Range not found');
  return { sheet, rect };
}
