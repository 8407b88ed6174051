// A sheet as a table: row 1 holds the headers, data starts at row 2. Columns are found by header
// text, never by position, because staff may reorder columns or insert their own.

export type Cell = string | number | boolean | Date;

export interface TableRow {
  /** 1-based sheet row at the time of the read. */
  rowNumber: number;
  values: Cell[];
}

export interface Table {
  sheet: GoogleAppsScript.Spreadsheet.Sheet;
  headers: string[];
  rows: TableRow[];
}

/** Reads the whole used range in one call. An empty sheet gives no headers, no rows. */
export function readTable(sheet: GoogleAppsScript.Spreadsheet.Sheet): Table {
  const grid = readSheetValues(sheet, 1, 1, -1, -1);
  const headers = headerTexts(grid[0]);
  const rows = grid.slice(1).map((values, i) => ({ rowNumber: i + 2, values }));
  return { sheet, headers, rows };
}

/**
 * Row 1 as trimmed header texts up to the last non-blank one. A blank header between two others
 * keeps its place (a staff column without a title); blanks after the last header are no columns,
 * so an empty sheet has no headers whether its read gave [], [['']] or a row of blanks (other
 * rows may reach further right than row 1), and new headers go right after the last real one.
 */
export function headerTexts(row: readonly unknown[] | undefined): string[] {
  const texts = (row ?? []).map(cellText);
  let length = texts.length;
  while (length > 0 && texts[length - 1] === '') length--;
  return texts.slice(0, length);
}

/**
 * `Sheet.getSheetValues`: one call, where -1 as the number of rows or columns means "to the very
 * last row or column that has data" (as documented). When -1 leaves nothing to read (a sheet with
 * no data there), Google's answer is not documented and may be an exception: a failed read past
 * the last row or column is then an empty read, and any other failure is rethrown.
 */
export function readSheetValues(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  row: number,
  column: number,
  numRows: number,
  numColumns: number,
): Cell[][] {
  try {
    return sheet.getSheetValues(row, column, numRows, numColumns) as Cell[][];
  } catch (error) {
    const nothingLeft =
      (numRows === -1 && sheet.getLastRow() < row) ||
      (numColumns === -1 && sheet.getLastColumn() < column);
    if (nothingLeft) return [];
    throw error;
  }
}

/** Row 1, trimmed, in one call: a sheet's headers without reading its rows ([] when empty). */
export function readHeaderRow(sheet: GoogleAppsScript.Spreadsheet.Sheet): string[] {
  return headerTexts(readSheetValues(sheet, 1, 1, 1, -1)[0]);
}

/** A cell as trimmed text: how ids, keys and headers are compared ('' for an empty cell). */
export function cellText(value: unknown): string {
  return String(value ?? '').trim();
}

/** 0-based index of the column with this header, or -1. The first one wins if duplicated. */
export function columnIndex(headers: readonly string[], header: string): number {
  return headers.indexOf(header);
}

/** The value under `header` in a row, or "" when the column is missing. */
export function cellOf(table: Pick<Table, 'headers'>, row: TableRow, header: string): Cell {
  const index = columnIndex(table.headers, header);
  return index < 0 ? '' : (row.values[index] ?? '');
}

/** Headers that appear more than once: the script cannot tell which column is meant. */
export function duplicatedHeaders(headers: readonly string[]): string[] {
  const seen = new Set<string>();
  const duplicated = new Set<string>();
  for (const header of headers) {
    if (header === '') continue;
    if (seen.has(header)) duplicated.add(header);
    seen.add(header);
  }
  return [...duplicated];
}

/**
 * True when every staff-facing value of the row is empty: such rows are not bookings. An
 * unticked checkbox (FALSE) counts as empty: Sheets' 挿入 → チェックボックス, and perhaps a checkbox
 * rule, writes FALSE into every cell of a column nobody typed in.
 */
export function isBlankRow(values: readonly Cell[], ignoredIndexes: ReadonlySet<number>): boolean {
  return values.every(
    (value, i) =>
      ignoredIndexes.has(i) ||
      value === '' ||
      value === null ||
      value === false ||
      (typeof value === 'string' && value.trim() === ''),
  );
}

/**
 * The sheet row after the last row holding anything but blanks and unticked checkboxes: where a
 * new row goes. Rows of FALSE alone (checkboxes inserted down a whole column) are free rows.
 */
export function firstFreeRowNumber(table: Pick<Table, 'rows'>): number {
  const none: ReadonlySet<number> = new Set();
  for (let i = table.rows.length - 1; i >= 0; i--) {
    const row = table.rows[i]!;
    if (!isBlankRow(row.values, none)) return row.rowNumber + 1;
  }
  return 2;
}

/** 1-based column number → letters, for A1 notation and conditional-format formulas. */
export function columnLetter(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

/**
 * Reads rows as { field: value } through a schema object (field → header text), so the core
 * never sees column positions. Columns are located once per table; the first of duplicated
 * headers wins; a missing column leaves its field out.
 */
export function fieldReader<F extends string>(
  headers: readonly string[],
  schema: Readonly<Record<F, string>>,
): (row: TableRow) => Partial<Record<F, Cell>> {
  const located = (Object.keys(schema) as F[])
    .map((field) => ({ field, index: headers.indexOf(schema[field]) }))
    .filter(({ index }) => index >= 0);
  return (row) => {
    const values: Partial<Record<F, Cell>> = {};
    for (const { field, index } of located) values[field] = row.values[index] ?? '';
    return values;
  };
}
