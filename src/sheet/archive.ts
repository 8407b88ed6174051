// The sheet side of 過去の予約を保管: extend 予約_保管's header row, append rows and read them back,
// and delete 予約 rows found again by 予約ID. Each step is a fixed number of calls (the deletion:
// one call per block of adjacent rows, bounded by core/archive.ts MAX_DELETE_RUNS).
import { deletionRuns, type ArchiveValue } from '../core/archive';
import type { Cell } from './table';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const PLAIN_TEXT = '@';

/** Appends `headers` after the last header of row 1 (adding grid columns when needed). */
export function appendHeaders(
  sheet: Sheet,
  existingWidth: number,
  headers: readonly string[],
): void {
  if (headers.length === 0) return;
  const needed = existingWidth + headers.length - sheet.getMaxColumns();
  if (needed > 0) sheet.insertColumnsAfter(sheet.getMaxColumns(), needed);
  sheet
    .getRange(1, existingWidth + 1, 1, headers.length)
    .setValues([headers.map((h) => `'${h}`)])
    .setFontWeight('bold');
}

/**
 * Writes `rows` from `firstRow` on and returns what the sheet then holds there (after a flush),
 * for the caller to compare. Text is stored as text: a cell with an automatic format would read
 * '2026-06' or '1/2' as a date and '=…' as a formula, so such text goes in behind an apostrophe
 * (which Sheets does not keep); plain-text ('@') cells take it as it is.
 */
export function appendAndReadBack(
  sheet: Sheet,
  firstRow: number,
  width: number,
  rows: readonly (readonly ArchiveValue[])[],
): Cell[][] {
  if (rows.length === 0) return [];
  const lastRow = firstRow + rows.length - 1;
  const maxRows = sheet.getMaxRows();
  if (lastRow > maxRows) sheet.insertRowsAfter(maxRows, lastRow - maxRows);
  const range = sheet.getRange(firstRow, 1, rows.length, width);
  const formats = range.getNumberFormats();
  const values = rows.map((row, i) =>
    Array.from({ length: width }, (_, j) => asEntered(row[j] ?? '', formats[i]?.[j] ?? '')),
  );
  range.setValues(values);
  SpreadsheetApp.flush();
  return range.getValues() as Cell[][];
}

function asEntered(value: ArchiveValue, numberFormat: string): ArchiveValue {
  if (typeof value !== 'string' || value === '' || numberFormat === PLAIN_TEXT) return value;
  return `'${value}`;
}

export interface DeletionOutcome {
  /** Ids whose row was deleted. */
  deleted: Set<string>;
  /** Ids no longer found exactly once in the 予約ID column (deleted, changed or copied). */
  notFound: Set<string>;
  /** Every 予約ID left on the sheet, for the no-show counts of the archive. */
  remainingIds: Set<string>;
}

/**
 * Re-reads the 予約ID column and deletes the rows that still carry one of `ids` (each found
 * exactly once), bottom block first, so a sort or an insertion made by a person since the first
 * read cannot make the script delete a row it has not copied.
 */
export function deleteRowsById(
  sheet: Sheet,
  idHeader: string,
  ids: ReadonlySet<string>,
): DeletionOutcome {
  const outcome: DeletionOutcome = {
    deleted: new Set(),
    notFound: new Set(),
    remainingIds: new Set(),
  };
  const lastRow = sheet.getLastRow();
  const lastColumn = sheet.getLastColumn();
  if (lastRow < 2 || lastColumn < 1) {
    ids.forEach((id) => outcome.notFound.add(id));
    return outcome;
  }
  const headers = sheet
    .getRange(1, 1, 1, lastColumn)
    .getValues()[0]!
    .map((h) => String(h).trim());
  const column = headers.indexOf(idHeader);
  if (column < 0) {
    ids.forEach((id) => outcome.notFound.add(id));
    return outcome;
  }
  const current = sheet
    .getRange(2, column + 1, lastRow - 1, 1)
    .getValues()
    .map((r) => String(r[0] ?? '').trim());
  const rowsOf = new Map<string, number[]>();
  current.forEach((id, i) => {
    if (id === '') return;
    rowsOf.set(id, [...(rowsOf.get(id) ?? []), i + 2]);
  });
  const targets: number[] = [];
  for (const id of ids) {
    const rows = rowsOf.get(id);
    if (rows?.length === 1) {
      targets.push(rows[0]!);
      outcome.deleted.add(id);
    } else outcome.notFound.add(id);
  }
  for (const id of rowsOf.keys()) if (!outcome.deleted.has(id)) outcome.remainingIds.add(id);
  if (targets.length === 0) return outcome;
  // Sheets refuses to delete every row below a frozen header: keep one empty row.
  const maxRows = sheet.getMaxRows();
  if (targets.length >= maxRows - 1) sheet.insertRowsAfter(maxRows, 1);
  for (const run of deletionRuns(targets)) sheet.deleteRows(run.start, run.count);
  return outcome;
}
