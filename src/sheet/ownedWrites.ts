// The one way the script writes to a sheet people are editing at the same time (SPEC §4 "Writing
// to the sheet safely"). A run decides on values it read earlier; by the time it writes, a person
// may have sorted, inserted or deleted rows, or typed into a cell. So, just before writing:
//   1. re-read the table (the caller holds the script lock, so no other run writes meanwhile);
//   2. find each target row again by its 予約ID (or, for a row that had no id yet, by the
//      fingerprint of its staff-typed cells — only if exactly one id-less row still matches);
//   3. skip any cell whose current value is no longer the one the decision was based on: the
//      person's edit wins, and the next run decides again;
//   4. write only script-owned columns: for each block of adjacent owned columns one write that
//      spans the changed rows, carrying the values just re-read for the unchanged cells in
//      between; for columns people also write (状態) exactly the changed cells, grouped by value.
// So a run never writes a whole data range back and never touches a staff column.
import { groupBy } from '../core/groupBy';
import { isDateCell } from '../core/time';
import {
  type Cell,
  cellText,
  columnLetter,
  readHeaderRow,
  readSheetValues,
  readTable,
  type Table,
  type TableRow,
} from './table';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Sheets' plain-text number format: what is entered stays text. */
const PLAIN_TEXT = '@';

/**
 * How a change finds its row again: by 予約ID, or — for a row with no id yet — by what staff
 * typed in it. Rows typed identically (a booking pasted twice) are told apart by their order:
 * the `occurrence`-th of `of` such rows, which holds only while there are still `of` of them.
 */
export type RowKey = { id: string } | { fingerprint: string; occurrence: number; of: number };

export interface OwnedChange {
  key: RowKey;
  header: string;
  /** The value the decision was based on (what the run read). */
  expected: Cell;
  value: Cell;
  /**
   * Other cells of the row the decision read (any column, staff's too): if one of them changed
   * since, the change is skipped like an edited target cell. E.g. 無断キャンセル is decided on 参加
   * being unticked; a tick made meanwhile must stop it.
   */
  guards?: readonly { header: string; expected: Cell }[];
}

export interface WritePlan {
  idHeader: string;
  /** Headers the script may write. Anything else is refused (a programming error). */
  ownedHeaders: readonly string[];
  /** Owned headers people also edit: written cell by cell, never as part of a span. */
  sharedHeaders: readonly string[];
  /** Identifies a row that has no id yet by what staff typed in it. */
  fingerprint: (headers: readonly string[], values: readonly Cell[]) => string;
  /**
   * Owned headers whose values are text that Sheets could read as a date ('2026-12'): their
   * changed cells are given the plain-text format before the write, so a row outside the area
   * 初期設定 formatted keeps text too.
   */
  textHeaders?: readonly string[];
}

export interface WriteOutcome {
  written: number;
  /** Changes whose row is gone or ambiguous (deleted, or its id changed). */
  rowsNotFound: number;
  /** Changes skipped because the cell (or a guard cell) changed since the run read it. */
  editedMeanwhile: number;
  /** New ids not written because another row holds that id now (never give one id twice). */
  idsInUse: number;
  /** The requested changes counted in the three numbers above, for callers that act per row. */
  skipped: OwnedChange[];
}

export function keyOfRow(plan: WritePlan, table: Table, row: TableRow): RowKey {
  const idIndex = table.headers.indexOf(plan.idHeader);
  const id = idIndex < 0 ? '' : cellText(row.values[idIndex]);
  if (id !== '') return { id };
  const fingerprint = plan.fingerprint(table.headers, row.values);
  const group = fingerprintGroups(plan, table).get(fingerprint) ?? [row];
  return { fingerprint, occurrence: group.indexOf(row), of: group.length };
}

// Grouped once per table read, so keying every row of a large sheet stays linear.
const groupsByTable = new WeakMap<Table, Map<string, TableRow[]>>();

/** The id-less rows of a table by fingerprint, in sheet order. */
function fingerprintGroups(plan: WritePlan, table: Table): Map<string, TableRow[]> {
  let groups = groupsByTable.get(table);
  if (groups) return groups;
  const idIndex = table.headers.indexOf(plan.idHeader);
  groups = groupBy(
    table.rows.filter((row) => idIndex < 0 || cellText(row.values[idIndex]) === ''),
    (row) => plan.fingerprint(table.headers, row.values),
  );
  groupsByTable.set(table, groups);
  return groups;
}

export function writeOwnedCells(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  plan: WritePlan,
  requested: readonly OwnedChange[],
): WriteOutcome {
  const outcome: WriteOutcome = {
    written: 0,
    rowsNotFound: 0,
    editedMeanwhile: 0,
    idsInUse: 0,
    skipped: [],
  };
  for (const change of requested) {
    if (!plan.ownedHeaders.includes(change.header)) {
      throw new Error(`writeOwnedCells: ${change.header} is not a script-owned column`);
    }
  }
  // A decision to keep a cell as it was read writes nothing, whatever happened since: no need to
  // re-read the sheet for it (an idle check or tick then reads each sheet once).
  const changes = requested.filter((c) => !sameCell(c.expected, c.value));
  if (changes.length === 0) return outcome;
  const { table, allIds } = readForWrite(sheet, plan, changes);
  const locate = rowLocator(plan, table, allIds);
  const idIndex = table.headers.indexOf(plan.idHeader);
  const idsNow = new Set(allIds);
  // column index → (row index in table.rows → new value)
  const pending = new Map<number, Map<number, Cell>>();
  for (const change of changes) {
    const column = table.headers.indexOf(change.header);
    const rowIndex = locate(change.key);
    if (column < 0 || rowIndex === undefined) {
      outcome.rowsNotFound++;
      outcome.skipped.push(change);
      continue;
    }
    const values = table.rows[rowIndex]?.values ?? [];
    const current = values[column] ?? '';
    if (sameCell(current, change.value)) continue;
    const guardMoved = (change.guards ?? []).some(
      (g) => !sameCell(values[table.headers.indexOf(g.header)] ?? '', g.expected),
    );
    if (!sameCell(current, change.expected) || guardMoved) {
      outcome.editedMeanwhile++;
      outcome.skipped.push(change);
      continue;
    }
    if (column === idIndex && idsNow.has(String(change.value).trim())) {
      outcome.idsInUse++;
      outcome.skipped.push(change);
      continue;
    }
    const cells = pending.get(column) ?? new Map<number, Cell>();
    cells.set(rowIndex, change.value);
    pending.set(column, cells);
  }
  outcome.written = writePending(sheet, plan, table, pending);
  return outcome;
}

/** What a writer sees just before writing: some or all rows, and every id on the sheet. */
export interface FreshRead {
  /** The header row and the rows read (all of them, or the block holding the targets). */
  table: Table;
  /** Every 予約ID of the sheet, row 2 down: duplicates and ids in use are judged on all of them. */
  allIds: readonly string[];
}

function readForWrite(sheet: Sheet, plan: WritePlan, changes: readonly OwnedChange[]): FreshRead {
  const ids = new Set<string>();
  for (const change of changes) {
    // A row with no id yet is found by its fingerprint, which needs every row.
    if (!('id' in change.key)) return readWhole(sheet, plan.idHeader);
    ids.add(change.key.id);
  }
  return readRowsById(sheet, plan.idHeader, ids);
}

function readWhole(sheet: Sheet, idHeader: string): FreshRead {
  const table = readTable(sheet);
  const idIndex = table.headers.indexOf(idHeader);
  return { table, allIds: table.rows.map((row) => cellText(row.values[idIndex])) };
}

/**
 * The rows holding one of `ids`, and every id on the sheet: only the header, the 予約ID column and
 * the block of rows from the first target to the last (3 calls). At every size, so that a write
 * costs the same calls on 1,000 rows as on 50,000, where reading the sheet whole would be
 * ~900,000 cells per write.
 */
export function readRowsById(sheet: Sheet, idHeader: string, ids: ReadonlySet<string>): FreshRead {
  const headers = readHeaderRow(sheet);
  const empty = (allIds: string[] = []): FreshRead => ({
    table: { sheet, headers, rows: [] },
    allIds,
  });
  const idIndex = headers.indexOf(idHeader);
  if (idIndex < 0) return empty();
  // From row 1, so the read is never empty: the header cell, then every id.
  const allIds = readSheetValues(sheet, 1, idIndex + 1, -1, 1)
    .slice(1)
    .map((r) => cellText(r[0]));
  let first = Infinity;
  let last = -Infinity;
  allIds.forEach((id, i) => {
    if (!ids.has(id)) return;
    first = Math.min(first, i + 2);
    last = Math.max(last, i + 2);
  });
  if (first === Infinity) return empty(allIds);
  const block = readSheetValues(sheet, first, 1, last - first + 1, headers.length);
  return {
    table: { sheet, headers, rows: block.map((values, i) => ({ rowNumber: first + i, values })) },
    allIds,
  };
}

/** Finds a change's row in the freshly re-read table: by id, else by fingerprint and order. */
function rowLocator(
  plan: WritePlan,
  table: Table,
  allIds: readonly string[],
): (key: RowKey) => number | undefined {
  // An id on two rows anywhere on the sheet (a copied row) cannot be told apart: never written.
  const seen = new Set<string>();
  const duplicated = new Set<string>();
  for (const id of allIds) (seen.has(id) ? duplicated : seen).add(id);
  const byId = new Map<string, number>();
  const indexOfRow = new Map(table.rows.map((row, index) => [row, index]));
  table.rows.forEach((row, index) => {
    const key = keyOfRow(plan, table, row);
    if ('id' in key) byId.set(key.id, byId.has(key.id) || duplicated.has(key.id) ? -1 : index);
  });
  const groups = fingerprintGroups(plan, table);
  return (key) => {
    if ('id' in key) {
      const index = byId.get(key.id);
      return index === undefined || index < 0 ? undefined : index; // -1: duplicated id
    }
    // Identical id-less rows are interchangeable, but only while there are as many as were read.
    const group = groups.get(key.fingerprint);
    const row = group?.length === key.of ? group[key.occurrence] : undefined;
    return row === undefined ? undefined : indexOfRow.get(row);
  };
}

function writePending(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  plan: WritePlan,
  table: Table,
  pending: Map<number, Map<number, Cell>>,
): number {
  let written = 0;
  const shared = new Set(plan.sharedHeaders.map((h) => table.headers.indexOf(h)));
  for (const column of pending.keys()) {
    if (shared.has(column)) written += writeExactCells(sheet, table, column, pending.get(column)!);
  }
  const spanColumns = [...pending.keys()].filter((c) => !shared.has(c)).sort((a, b) => a - b);
  const owned = new Set(plan.ownedHeaders.map((h) => table.headers.indexOf(h)));
  const text = new Set((plan.textHeaders ?? []).map((h) => table.headers.indexOf(h)));
  for (const block of adjacentOwnedBlocks(spanColumns, owned, shared)) {
    written += writeSpan(sheet, table, block, pending, text);
  }
  return written;
}

/** Groups changed columns into runs of adjacent owned (not shared) columns. */
function adjacentOwnedBlocks(
  columns: number[],
  owned: Set<number>,
  shared: Set<number>,
): number[][] {
  const blocks: number[][] = [];
  for (const column of columns) {
    const last = blocks[blocks.length - 1];
    const previous = last?.[last.length - 1];
    const bridge = previous === undefined ? [] : range(previous + 1, column);
    const canJoin =
      last !== undefined &&
      previous !== undefined &&
      bridge.every((c) => owned.has(c) && !shared.has(c));
    if (canJoin) last.push(...bridge, column);
    else blocks.push([column]);
  }
  return blocks;
}

function writeSpan(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  table: Table,
  columns: number[],
  pending: Map<number, Map<number, Cell>>,
  textColumns: ReadonlySet<number>,
): number {
  const rowIndexes = columns.flatMap((c) => [...(pending.get(c)?.keys() ?? [])]);
  const first = Math.min(...rowIndexes);
  const last = Math.max(...rowIndexes);
  let written = 0;
  const block = range(first, last + 1).map((rowIndex) =>
    columns.map((column) => {
      const next = pending.get(column)?.get(rowIndex);
      if (next !== undefined) written++;
      return forSheet(next !== undefined ? next : (table.rows[rowIndex]?.values[column] ?? ''));
    }),
  );
  const firstRow = table.rows[first]!.rowNumber;
  for (const column of columns) {
    if (!textColumns.has(column) || !pending.has(column)) continue;
    sheet.getRange(firstRow, column + 1, block.length, 1).setNumberFormat(PLAIN_TEXT);
  }
  sheet.getRange(firstRow, columns[0]! + 1, block.length, columns.length).setValues(block);
  return written;
}

function writeExactCells(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  table: Table,
  column: number,
  cells: Map<number, Cell>,
): number {
  const byValue = new Map<string, { value: Cell; a1s: string[] }>();
  for (const [rowIndex, value] of cells) {
    const key = `${typeof value}:${String(isDateCell(value) ? value.getTime() : value)}`;
    const group = byValue.get(key) ?? { value, a1s: [] };
    group.a1s.push(`${columnLetter(column + 1)}${table.rows[rowIndex]!.rowNumber}`);
    byValue.set(key, group);
  }
  for (const { value, a1s } of byValue.values()) {
    sheet.getRangeList(a1s).setValue(forSheet(value));
  }
  return cells.size;
}

/**
 * Text that Sheets would read as a formula (= + - @) is stored as literal text. The apostrophe
 * is not part of the stored value, so comparisons with what is read back still hold.
 */
export function forSheet(value: Cell): Cell {
  return typeof value === 'string' && /^[=+\-@]/.test(value) ? `'${value}` : value;
}

/** Cell equality as the sheet sees it: Dates by instant, text after the formula guard. */
export function sameCell(a: Cell | null | undefined, b: Cell | null | undefined): boolean {
  if (isDateCell(a) || isDateCell(b)) {
    return isDateCell(a) && isDateCell(b) && a.getTime() === b.getTime();
  }
  return (a ?? '') === (b ?? '');
}

function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i);
}
