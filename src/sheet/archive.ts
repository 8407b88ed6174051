// The sheet side of 過去の予約を保管: extend 予約_保管's header row, append rows and read them back,
// and delete rows found again by 予約ID (from 予約, or copies taken back out of 予約_保管). Each
// step is a fixed number of calls (the deletion: two calls per block of adjacent rows, bounded by
// core/archive.ts MAX_DELETE_RUNS).
import { addToGroup } from '../core/groupBy';
import { deletionRuns, type ArchiveValue } from '../core/archive';
import { sameCell } from './ownedWrites';
import { type Cell, cellText, columnLetter, readSheetValues, readTable } from './table';

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
  /**
   * Ids not deleted: no longer found exactly once in the 予約ID column (deleted, changed or
   * copied), or their row no longer holds the values that were copied (a person edited it).
   */
  notFound: Set<string>;
  /**
   * Ids not deleted because, just before their block's deleteRows, its rows no longer held the
   * ids expected there with the values copied (a person inserted, deleted, sorted or edited
   * rows): the run stopped deleting. The caller takes their copies back.
   */
  stopped: Set<string>;
  /**
   * Every row of the re-read before the deletions, by its 予約ID (ids on one row only): a row
   * deleted in place of a block (a person moved rows in the one call before deleteRows) can be
   * rebuilt from it.
   */
  readBefore: Map<string, Cell[]>;
  /** Every 予約ID left on the sheet, for the no-show counts of the archive. */
  remainingIds: Set<string>;
}

/**
 * Re-reads 予約 and deletes the rows that still carry one of the copied ids (each found exactly
 * once) AND still hold exactly the values that were copied, bottom block first: a sort, an
 * insertion or an edit made by a person since the first read can never make the script delete
 * a row, or a cell, it has not copied.
 */
export function deleteRowsById(
  sheet: Sheet,
  idHeader: string,
  copied: ReadonlyMap<string, readonly Cell[]>,
): DeletionOutcome {
  const ids = new Set(copied.keys());
  const outcome: DeletionOutcome = {
    deleted: new Set(),
    notFound: new Set(),
    stopped: new Set(),
    remainingIds: new Set(),
    readBefore: new Map(),
  };
  const table = readTable(sheet);
  const column = table.headers.indexOf(idHeader);
  if (table.rows.length === 0 || column < 0) {
    ids.forEach((id) => outcome.notFound.add(id));
    return outcome;
  }
  const current = table.rows.map((row) => row.values);
  const rowsOf = new Map<string, number[]>();
  current.forEach((values, i) => {
    const id = cellText(values[column]);
    if (id !== '') addToGroup(rowsOf, id, i + 2);
  });
  for (const [id, rows] of rowsOf) {
    if (rows.length === 1) outcome.readBefore.set(id, [...current[rows[0]! - 2]!]);
  }
  const targets: number[] = [];
  const idAt = new Map<number, string>();
  for (const [id, values] of copied) {
    const rows = rowsOf.get(id);
    if (rows?.length === 1 && sameRow(current[rows[0]! - 2]!, values)) {
      targets.push(rows[0]!);
      idAt.set(rows[0]!, id);
    } else outcome.notFound.add(id);
  }
  if (targets.length > 0) {
    // Sheets refuses to delete every row below a frozen header: keep one empty row.
    const maxRows = sheet.getMaxRows();
    if (targets.length >= maxRows - 1) sheet.insertRowsAfter(maxRows, 1);
    const width = Math.max(1, current[0]?.length ?? 1);
    deleteVerifiedBlocks(sheet, width, column, deletionRuns(targets), idAt, copied, outcome);
  }
  for (const id of rowsOf.keys()) if (!outcome.deleted.has(id)) outcome.remainingIds.add(id);
  return outcome;
}

/**
 * Bottom block first: re-reads the block's rows, every column (one call), right before deleting
 * it, and stops at the first block whose rows no longer hold exactly the ids expected there with
 * exactly the values that were copied. Deleting a block never moves the blocks above it, so only
 * a person's act can cause a mismatch. What remains open is the one call between that read and
 * deleteRows (README "Known limitations"); the caller re-reads 予約 afterwards and reports a row
 * that should have gone but is still there (a different row was then deleted in its place).
 */
function deleteVerifiedBlocks(
  sheet: Sheet,
  width: number,
  idIndex: number,
  runs: readonly { start: number; count: number }[],
  idAt: ReadonlyMap<number, string>,
  copied: ReadonlyMap<string, readonly Cell[]>,
  outcome: DeletionOutcome,
): void {
  let stopped = false;
  for (const run of runs) {
    const expected = Array.from({ length: run.count }, (_, i) => idAt.get(run.start + i) ?? '');
    if (!stopped) {
      const now = readSheetValues(sheet, run.start, 1, run.count, width);
      stopped = expected.some((id, i) => {
        const values = now[i] ?? [];
        return cellText(values[idIndex]) !== id || !sameRow(values, copied.get(id) ?? []);
      });
    }
    if (stopped) {
      expected.forEach((id) => outcome.stopped.add(id));
      continue;
    }
    sheet.deleteRows(run.start, run.count);
    expected.forEach((id) => outcome.deleted.add(id));
  }
}

/** How many rows of the sheet carry each 予約ID now (one call). */
export function countRowsById(sheet: Sheet, idHeader: string): Map<string, number> {
  const table = readTable(sheet);
  const column = table.headers.indexOf(idHeader);
  const counts = new Map<string, number>();
  if (column < 0) return counts;
  for (const row of table.rows) {
    const id = cellText(row.values[column]);
    if (id !== '') counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}

/**
 * Writes `text` into the `header` cell of every row carrying one of `ids` (one read, one
 * RangeList write; nothing when there is no such column or row). Returns the rows written.
 */
export function markRowsById(
  sheet: Sheet,
  idHeader: string,
  header: string,
  ids: ReadonlySet<string>,
  text: string,
): number {
  if (ids.size === 0) return 0;
  const table = readTable(sheet);
  const idColumn = table.headers.indexOf(idHeader);
  const column = table.headers.indexOf(header);
  if (idColumn < 0 || column < 0) return 0;
  const a1s = table.rows
    .filter((row) => ids.has(cellText(row.values[idColumn])))
    .map((row) => `${columnLetter(column + 1)}${row.rowNumber}`);
  if (a1s.length > 0) sheet.getRangeList(a1s).setValue(text);
  return a1s.length;
}

/** Cell by cell, as the sheet compares (Dates by instant); trailing blanks do not count. */
function sameRow(now: readonly Cell[], copied: readonly Cell[]): boolean {
  const width = Math.max(now.length, copied.length);
  for (let i = 0; i < width; i++) if (!sameCell(now[i] ?? '', copied[i] ?? '')) return false;
  return true;
}
