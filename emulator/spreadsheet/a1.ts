// A1 notation: column letters, cell and range addresses, with and without a sheet name.
import type { Rect } from './geometry';

export function columnToLetters(column: number): string {
  let n = column;
  let s = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    s = String.fromCharCode(65 + rem) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function lettersToColumn(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function cellA1(row: number, column: number): string {
  return `${columnToLetters(column)}${row}`;
}

/** 'A1' for one cell, 'A1:C3' otherwise (Apps Script's getA1Notation). */
export function rectA1(rect: Rect): string {
  const start = cellA1(rect.row, rect.column);
  if (rect.numRows === 1 && rect.numColumns === 1) return start;
  return `${start}:${cellA1(rect.row + rect.numRows - 1, rect.column + rect.numColumns - 1)}`;
}

/**
 * Quotes a sheet name for A1 use when Sheets would ("'My Sheet'!A1"); names of letters (any
 * script, so 設定 too), digits and '_' not starting with a digit stay bare.
 */
export function quoteSheetName(name: string): string {
  return /^[\p{L}_][\p{L}\p{N}_]*$/u.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** Splits "Sheet!A1:B2" / "'My Sheet'!A1" into sheet name (or null) and the range part. */
export function splitSheetName(a1: string): { sheetName: string | null; range: string } {
  const quoted = /^'((?:[^']|'')+)'!(.+)$/.exec(a1);
  if (quoted) return { sheetName: quoted[1]!.replace(/''/g, "'"), range: quoted[2]! };
  const bang = a1.lastIndexOf('!');
  if (bang > 0) return { sheetName: a1.slice(0, bang), range: a1.slice(bang + 1) };
  return { sheetName: null, range: a1 };
}

interface Endpoint {
  row: number | null;
  column: number | null;
}

function parseEndpoint(text: string): Endpoint | null {
  const m = /^\$?([A-Za-z]{0,3})\$?(\d*)$/.exec(text.trim());
  if (!m || (m[1] === '' && m[2] === '')) return null;
  const column = m[1] ? lettersToColumn(m[1]) : null;
  const row = m[2] ? Number(m[2]) : null;
  if (row === 0) return null;
  return { row, column };
}

/**
 * Parses the range part of A1 notation: 'B2', 'B2:D5', 'A:A', 'A2:C' (open to the last row),
 * '2:2', '2:5'. Open ends extend to the grid's current size. Returns null when malformed.
 */
export function parseA1Range(text: string, maxRows: number, maxColumns: number): Rect | null {
  const parts = text.split(':');
  if (parts.length > 2) return null;
  const a = parseEndpoint(parts[0]!);
  const b = parts.length === 2 ? parseEndpoint(parts[1]!) : a;
  if (!a || !b) return null;
  // A single endpoint must be a cell; 'A' alone or '2' alone is not a range.
  if (parts.length === 1 && (a.row === null || a.column === null)) return null;
  const r1 = a.row ?? 1;
  const c1 = a.column ?? 1;
  const r2 = b.row ?? (a.row === null || b.column !== null ? maxRows : a.row);
  const c2 = b.column ?? (a.column === null || b.row !== null ? maxColumns : a.column);
  const row = Math.min(r1, r2);
  const column = Math.min(c1, c2);
  return {
    row,
    column,
    numRows: Math.max(r1, r2) - row + 1,
    numColumns: Math.max(c1, c2) - column + 1,
  };
}
