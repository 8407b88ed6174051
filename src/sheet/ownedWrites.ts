// The one way the script writes to a sheet people are editing at the same time (SPEC §4 "Writing
// to the sheet safely"). A run decides on values it read earlier; by the time it writes, a person
// may have sorted, inserted or deleted rows, or typed into a cell. So, just before writing:
//   1. re-read the table (the caller holds the script lock, so no other run writes meanwhile);
//   2. find each target row again by its 予約ID (or, for a row that had no id yet, by the
//      fingerprint of its staff-typed cells — only if exactly one id-less row still matches);
//   3. skip any cell whose current value is no longer the one the decision was based on: the
//      person's edit wins, and the next run decides again;
//   4. write exactly the cells that change, only in script-owned columns: never an unchanged cell
//      rewritten with a value read earlier, which a sort landing between the re-read and the write
//      would carry onto another booking (issue 13, finding 1);
//   5. verify: re-read the 予約ID cells of the rows written (one call); where a row moved in that
//      one-call window, put right what can be put right and flag the rest for a person (a line in
//      チェック結果 and, by the caller, in 操作ログ: WriteOutcome.moved). Never silent.
// So a run never writes a whole data range back and never touches a staff column.
import { groupBy } from '../core/groupBy';
import { formatInstant, isDateCell } from '../core/time';
import { writeCheckLine } from '../core/writeChecks';
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
export type RowKey =
  { id: string } | { fingerprint: string; occurrence: number; of: number } | IdCopyKey;

/**
 * The `copy`-th of the `of` rows holding one 予約ID (a copied row), valid only while exactly `of`
 * rows hold it. Only the check uses it, to put its エラー on every copy; a plain { id } key never
 * finds a duplicated id.
 */
export interface IdCopyKey {
  copyOf: string;
  copy: number;
  of: number;
}

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
  /** Owned headers people also edit (状態): the script changes them only from the value it read. */
  sharedHeaders: readonly string[];
  /** Where a row a write could not put right is flagged for a person (チェック結果). */
  flagHeader?: string;
  /**
   * The column onEdit stamps on every staff edit (最終更新). A shared cell written while this
   * stamp changed between the re-read and the verify read may have overwritten what a person
   * typed in that one-call window: the row is flagged (the window cannot be closed in Sheets).
   */
  editStampHeader?: string;
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
  /**
   * Changes written on a row that moved between the re-read and the write, and not put right
   * (the intended row is gone, or its cell changed meanwhile): the booking did not get them.
   */
  movedMeanwhile: number;
  /** The requested changes counted in the four numbers above, for callers that act per row. */
  skipped: OwnedChange[];
  /** Every cell that landed on a moved row, put right or not: the caller logs them. */
  moved: MovedWrite[];
  /** Shared cells (状態) written on a row a person edited in the one-call window: flagged. */
  overlapped: OverlappedWrite[];
}

/** A shared cell written just as a person edited its row: their edit may be overwritten. */
export interface OverlappedWrite {
  id: string;
  header: string;
  rowNumber: number;
}

export function keyOfRow(plan: WritePlan, table: Table, row: TableRow): RowKey {
  const idIndex = table.headers.indexOf(plan.idHeader);
  const id = idIndex < 0 ? '' : cellText(row.values[idIndex]);
  if (id !== '') return { id };
  const fingerprint = plan.fingerprint(table.headers, row.values);
  const group = fingerprintGroups(plan, table).get(fingerprint) ?? [row];
  return { fingerprint, occurrence: group.indexOf(row), of: group.length };
}

/** keyOfRow, except that a row whose 予約ID is on other rows too is keyed as one of its copies. */
export function keyOfRowOrCopy(plan: WritePlan, table: Table, row: TableRow): RowKey {
  const key = keyOfRow(plan, table, row);
  if (!('id' in key)) return key;
  const copies = idGroups(plan, table).get(key.id) ?? [row];
  return copies.length > 1 ? { copyOf: key.id, copy: copies.indexOf(row), of: copies.length } : key;
}

const idGroupsByTable = new WeakMap<Table, Map<string, TableRow[]>>();

/** The rows of a table by 予約ID, in sheet order (ids trimmed, blanks left out). */
function idGroups(plan: WritePlan, table: Table): Map<string, TableRow[]> {
  let groups = idGroupsByTable.get(table);
  if (groups) return groups;
  const idIndex = table.headers.indexOf(plan.idHeader);
  groups = groupBy(
    table.rows.filter((row) => idIndex >= 0 && cellText(row.values[idIndex]) !== ''),
    (row) => cellText(row.values[idIndex]),
  );
  idGroupsByTable.set(table, groups);
  return groups;
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
    movedMeanwhile: 0,
    skipped: [],
    moved: [],
    overlapped: [],
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
  const writes = writesStillWanted(plan, table, allIds, changes, outcome);
  markTextCells(sheet, plan, table, writes);
  outcome.written = writeExactCells(sheet, writes);
  const verified = verifyWrites(sheet, plan, table, writes);
  outcome.moved = verified.moved;
  outcome.overlapped = verified.overlapped;
  for (const moved of outcome.moved) {
    if (moved.putRight) continue;
    outcome.written--;
    outcome.movedMeanwhile++;
    outcome.skipped.push(moved.change);
  }
  return outcome;
}

/**
 * Against the re-read: the changes still to write. A row no longer found, a cell or guard a
 * person changed since the plan's read, or an id now in use elsewhere is skipped and counted in
 * `outcome`; a cell that already holds the value needs no write.
 */
function writesStillWanted(
  plan: WritePlan,
  table: Table,
  allIds: readonly string[],
  changes: readonly OwnedChange[],
  outcome: WriteOutcome,
): PlannedWrite[] {
  const locate = rowLocator(plan, table, allIds);
  const idIndex = table.headers.indexOf(plan.idHeader);
  const idsNow = new Set(allIds);
  const writes: PlannedWrite[] = [];
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
    const rowNumber = table.rows[rowIndex]!.rowNumber;
    writes.push({ change, rowIndex, rowNumber, column, value: change.value });
  }
  return writes;
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
    if ('copyOf' in change.key) ids.add(change.key.copyOf);
    // A row with no id yet is found by its fingerprint, which needs every row.
    else if (!('id' in change.key)) return readWhole(sheet, plan.idHeader);
    else ids.add(change.key.id);
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
  const copies = idGroups(plan, table);
  const count = new Map<string, number>();
  for (const id of allIds) count.set(id, (count.get(id) ?? 0) + 1);
  return (key) => {
    if ('copyOf' in key) {
      // Every row holding the id is in the block read (it spans the first to the last of them).
      const rows = copies.get(key.copyOf);
      const row =
        rows?.length === key.of && count.get(key.copyOf) === key.of ? rows[key.copy] : undefined;
      return row === undefined ? undefined : indexOfRow.get(row);
    }
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

/** One cell the write sets: where, to what, and the change it carries out. */
interface CellWrite {
  rowNumber: number;
  column: number;
  value: Cell;
}

interface PlannedWrite extends CellWrite {
  change: OwnedChange;
  rowIndex: number;
}

/**
 * Writes exactly these cells and no other: every maximal rectangle of cells that all change is
 * one setValues; a cell on its own is grouped with the others of the same value into one
 * RangeList setValue. No unchanged cell is ever rewritten with a value read earlier (a sort
 * between the read and the write would carry it onto another booking: issue 13, finding 1).
 * The calls depend on the shape of the changes, never on the size of the sheet.
 */
export function writeExactCells(sheet: Sheet, cells: readonly CellWrite[]): number {
  if (cells.length === 0) return 0;
  const byColumn = groupBy(cells, (c) => c.column);
  const placed: { column: number; width: number; runs: CellWrite[][] }[] = [];
  const open = new Map<string, { column: number; width: number; runs: CellWrite[][] }>();
  for (const column of [...byColumn.keys()].sort((a, b) => a - b)) {
    const sorted = [...byColumn.get(column)!].sort((a, b) => a.rowNumber - b.rowNumber);
    for (const run of consecutiveRuns(sorted)) {
      const key = `${run[0]!.rowNumber}:${run.length}`;
      const rect = open.get(key);
      if (rect && rect.column + rect.width === column) {
        rect.width++;
        rect.runs.push(run);
      } else {
        const fresh = { column, width: 1, runs: [run] };
        open.set(key, fresh);
        placed.push(fresh);
      }
    }
  }
  const singles: CellWrite[] = [];
  for (const rect of placed) {
    const height = rect.runs[0]!.length;
    if (height * rect.width === 1) {
      singles.push(rect.runs[0]![0]!);
      continue;
    }
    const values = Array.from({ length: height }, (_, i) =>
      rect.runs.map((run) => forSheet(run[i]!.value)),
    );
    sheet
      .getRange(rect.runs[0]![0]!.rowNumber, rect.column + 1, height, rect.width)
      .setValues(values);
  }
  const byValue = groupBy(singles, (c) => valueKey(c.value));
  for (const group of byValue.values()) {
    const a1s = group.map((c) => `${columnLetter(c.column + 1)}${c.rowNumber}`);
    sheet.getRangeList(a1s).setValue(forSheet(group[0]!.value));
  }
  return cells.length;
}

/**
 * Cells of the plan's text columns (相談月 '2026-12') get the plain-text format before the write,
 * so a row outside the area 初期設定 formatted keeps text too (one call, only when such a cell
 * changes).
 */
function markTextCells(
  sheet: Sheet,
  plan: WritePlan,
  table: Table,
  writes: readonly CellWrite[],
): void {
  const text = new Set((plan.textHeaders ?? []).map((h) => table.headers.indexOf(h)));
  const a1s = writes
    .filter((w) => text.has(w.column))
    .map((w) => `${columnLetter(w.column + 1)}${w.rowNumber}`);
  if (a1s.length > 0) sheet.getRangeList(a1s).setNumberFormat(PLAIN_TEXT);
}

function consecutiveRuns(sorted: readonly CellWrite[]): CellWrite[][] {
  const runs: CellWrite[][] = [];
  for (const cell of sorted) {
    const last = runs[runs.length - 1];
    if (last && last[last.length - 1]!.rowNumber + 1 === cell.rowNumber) last.push(cell);
    else runs.push([cell]);
  }
  return runs;
}

function valueKey(value: Cell): string {
  return `${typeof value}:${String(isDateCell(value) ? value.getTime() : value)}`;
}

// ─── Verify ──────────────────────────────────────────────────────────────────────────────────

/**
 * A cell written on a row that, by the time the write landed, held another booking: a person
 * sorted, inserted or deleted rows in the one call between the re-read and the write.
 */
export interface MovedWrite {
  change: OwnedChange;
  /** The booking the value was meant for ('' for a row that had no id yet), and the column. */
  id: string;
  header: string;
  /** Where the value landed, and the 予約ID that row holds now ('' for none). */
  rowNumber: number;
  landedOnId: string;
  /** What was written there (shown in the flag, so a person knows what to take out). */
  value: Cell;
  /** The value reached the intended booking after all (found again by 予約ID and written). */
  putRight: boolean;
  /** The cell it landed on holds its earlier value again (or never needed it). */
  restored: boolean;
}

/**
 * After the write: re-reads the 予約ID cells of the rows written (one call; whole rows where the
 * write gave a new id, since that cell then shows our own value whatever row is there now, and
 * the row is known by its staff-typed cells instead). Where a row moved in between, puts back
 * the cell written by mistake (if it still holds our value and its earlier value is known from
 * the re-read), writes the value on the row that holds the id now (if its cell is still as the
 * run read it), and flags what is left in the plan's flag column.
 */
function verifyWrites(
  sheet: Sheet,
  plan: WritePlan,
  table: Table,
  writes: readonly PlannedWrite[],
): { moved: MovedWrite[]; overlapped: OverlappedWrite[] } {
  const idIndex = table.headers.indexOf(plan.idHeader);
  if (idIndex < 0 || writes.length === 0) return { moved: [], overlapped: [] };
  const rowIndexOf = new Map(writes.map((w) => [w.rowNumber, w.rowIndex]));
  const idWritten = new Set(writes.filter((w) => w.column === idIndex).map((w) => w.rowNumber));
  const stampIndex =
    plan.editStampHeader === undefined ? -1 : table.headers.indexOf(plan.editStampHeader);
  const sharedWrites = writes.filter((w) =>
    plan.sharedHeaders.includes(table.headers[w.column] ?? ''),
  );
  const rowNumbers = [...rowIndexOf.keys()];
  const first = Math.min(...rowNumbers);
  const height = Math.max(...rowNumbers) - first + 1;
  // Still one call: whole rows where an id was written or a shared cell (to see the edit stamp).
  const wholeRows = idWritten.size > 0 || (sharedWrites.length > 0 && stampIndex >= 0);
  const read = wholeRows
    ? readSheetValues(sheet, first, 1, height, table.headers.length)
    : readSheetValues(sheet, first, idIndex + 1, height, 1);
  const movedRows = new Set(
    rowNumbers.filter((n) => {
      const before = table.rows[rowIndexOf.get(n)!]!.values;
      const now = read[n - first] ?? [];
      if (idWritten.has(n))
        return plan.fingerprint(table.headers, now) !== plan.fingerprint(table.headers, before);
      const expected = cellText(before[idIndex]);
      return expected !== '' && cellText(now[wholeRows ? idIndex : 0]) !== expected;
    }),
  );
  const overlapped =
    stampIndex < 0
      ? []
      : flagOverlappingEdits(sheet, plan, table, sharedWrites, movedRows, (n) => read[n - first]);
  if (movedRows.size === 0) return { moved: [], overlapped };
  const moved = putRight(
    sheet,
    plan,
    table,
    writes.filter((w) => movedRows.has(w.rowNumber)),
    idWritten,
  );
  return { moved, overlapped };
}

/**
 * A shared cell (状態) written on a row whose edit stamp (最終更新, set by onEdit) changed between
 * the re-read and the verify read: a person edited that row in the one call between them, perhaps
 * that very cell, which the write then overwrote. Nobody can tell afterwards, so the row gets an
 * エラー naming the cell (one write, only when it happens).
 */
function flagOverlappingEdits(
  sheet: Sheet,
  plan: WritePlan,
  table: Table,
  sharedWrites: readonly PlannedWrite[],
  movedRows: ReadonlySet<number>,
  rowNow: (rowNumber: number) => readonly Cell[] | undefined,
): OverlappedWrite[] {
  const stampIndex = table.headers.indexOf(plan.editStampHeader ?? '');
  const flagColumn = plan.flagHeader === undefined ? -1 : table.headers.indexOf(plan.flagHeader);
  const idIndex = table.headers.indexOf(plan.idHeader);
  const overlapped: OverlappedWrite[] = [];
  const flags = new Map<number, string>();
  for (const w of sharedWrites) {
    if (movedRows.has(w.rowNumber)) continue; // put right or flagged by the move repair
    const before = table.rows[w.rowIndex]!.values;
    const now = rowNow(w.rowNumber) ?? [];
    if (sameCell(now[stampIndex] ?? '', before[stampIndex] ?? '')) continue;
    const header = table.headers[w.column] ?? '';
    overlapped.push({ id: cellText(now[idIndex]), header, rowNumber: w.rowNumber });
    if (flagColumn < 0) continue;
    const line = writeCheckLine(
      new Date(),
      `「${header}」を「${cellText(w.value)}」に書き込む直前に、この行が編集されました。` +
        `入力した内容が上書きされた可能性があります。「${header}」を確かめて、違っていれば直してください（操作ログ参照）。`,
    );
    const text = flags.get(w.rowNumber) ?? cellText(now[flagColumn]);
    if (!text.includes(line)) {
      flags.set(w.rowNumber, text === '' || text === 'OK' ? line : `${text}\n${line}`);
    }
  }
  writeExactCells(
    sheet,
    [...flags].map(([rowNumber, value]) => ({ rowNumber, column: flagColumn, value })),
  );
  return overlapped;
}

/** The booking a stray write was meant for ('' for a row that had no id yet). */
function intendedId(w: PlannedWrite): string {
  return 'id' in w.change.key ? w.change.key.id : '';
}

/** The rows a repair touches, as re-read in one call, and what their cells will hold after it. */
class RepairGrid {
  private readonly edits = new Map<string, Cell>();
  constructor(
    private readonly block: readonly Cell[][],
    private readonly top: number,
  ) {}
  row(row: number): readonly Cell[] {
    return this.block[row - this.top] ?? [];
  }
  fresh(row: number, column: number): Cell {
    return this.row(row)[column] ?? '';
  }
  at(row: number, column: number): Cell {
    return this.edits.get(`${row}:${column}`) ?? this.fresh(row, column);
  }
  set(row: number, column: number, value: Cell): void {
    this.edits.set(`${row}:${column}`, value);
  }
  /** Only the cells whose repaired value differs from what the sheet holds now. */
  changedCells(): CellWrite[] {
    const cells: CellWrite[] = [];
    for (const [key, value] of this.edits) {
      const [row, column] = key.split(':').map(Number) as [number, number];
      if (!sameCell(this.fresh(row, column), value)) cells.push({ rowNumber: row, column, value });
    }
    return cells;
  }
}

function putRight(
  sheet: Sheet,
  plan: WritePlan,
  table: Table,
  strays: readonly PlannedWrite[],
  idWritten: ReadonlySet<number>,
): MovedWrite[] {
  const idIndex = table.headers.indexOf(plan.idHeader);
  const allIds = readSheetValues(sheet, 1, idIndex + 1, -1, 1)
    .slice(1)
    .map((r) => cellText(r[0]));
  const rowOfId = uniqueIndexes(allIds);
  const targets = strays.map((w) => {
    const index = intendedId(w) === '' ? undefined : rowOfId.get(intendedId(w));
    return index === undefined ? undefined : index + 2;
  });
  const involved = [...strays.map((w) => w.rowNumber), ...targets.filter((n) => n !== undefined)];
  const top = Math.min(...involved);
  const height = Math.max(...involved) - top + 1;
  const grid = new RepairGrid(readSheetValues(sheet, top, 1, height, table.headers.length), top);
  // First put back what landed on the wrong row, then write each value where its id is now:
  // rows swapped among themselves need both, in this order.
  const moved = putBackStrays(plan, table, strays, idWritten, grid);
  writeWhereIdsAreNow(table, strays, targets, moved, grid);
  const at = (row: number, column: number) => grid.at(row, column);
  const set = (row: number, column: number, value: Cell) => grid.set(row, column, value);
  flagForPerson(plan, table, moved, targets, at, set);
  writeExactCells(sheet, grid.changedCells());
  return moved;
}

/** Each stray value's cell gets back what the row now under it held in the re-read. */
function putBackStrays(
  plan: WritePlan,
  table: Table,
  strays: readonly PlannedWrite[],
  idWritten: ReadonlySet<number>,
  grid: RepairGrid,
): MovedWrite[] {
  const idIndex = table.headers.indexOf(plan.idHeader);
  const tableIds = table.rows.map((r) => cellText(r.values[idIndex]));
  const indexBefore = uniqueIndexes(tableIds);
  const fingerprints = table.rows.map((r) => plan.fingerprint(table.headers, r.values));
  const indexByFingerprint = uniqueIndexes(fingerprints);
  /** Which row of the re-read now sits where the value landed (our own id there tells nothing). */
  const landedOn = (row: number): number | undefined =>
    idWritten.has(row)
      ? indexByFingerprint.get(plan.fingerprint(table.headers, grid.row(row)))
      : indexBefore.get(cellText(grid.fresh(row, idIndex)));
  const writtenAt = groupBy(strays, (w) => w.rowNumber);
  /** A row inserted in the window: blank but for what we wrote, so blank is what it held. */
  const wasBlank = (row: number): boolean => {
    const ours = new Set((writtenAt.get(row) ?? []).map((w) => w.column));
    return grid.row(row).every((v, c) => ours.has(c) || v === false || cellText(v) === '');
  };
  return strays.map((w) => {
    const before = landedOn(w.rowNumber);
    let restored = !sameCell(grid.fresh(w.rowNumber, w.column), w.value); // changed since: not ours
    if (!restored && before !== undefined) {
      grid.set(w.rowNumber, w.column, table.rows[before]!.values[w.column] ?? '');
      restored = true;
    } else if (!restored && wasBlank(w.rowNumber)) {
      grid.set(w.rowNumber, w.column, '');
      restored = true;
    }
    const landedOnId =
      before === undefined ? cellText(grid.fresh(w.rowNumber, idIndex)) : tableIds[before]!;
    return {
      change: w.change,
      id: intendedId(w),
      header: table.headers[w.column] ?? '',
      rowNumber: w.rowNumber,
      landedOnId,
      value: w.value,
      putRight: false,
      restored,
    };
  });
}

/** Each value written where its 予約ID is now, unless a person changed that cell or a guard. */
function writeWhereIdsAreNow(
  table: Table,
  strays: readonly PlannedWrite[],
  targets: readonly (number | undefined)[],
  moved: MovedWrite[],
  grid: RepairGrid,
): void {
  strays.forEach((w, i) => {
    const target = targets[i];
    if (target === undefined) return;
    const row = grid.row(target);
    const guardsHold = (w.change.guards ?? []).every((g) =>
      sameCell(row[table.headers.indexOf(g.header)] ?? '', g.expected),
    );
    const current = grid.at(target, w.column);
    if (sameCell(current, w.value) || (sameCell(current, w.change.expected) && guardsHold)) {
      grid.set(target, w.column, w.value);
      moved[i]!.putRight = true;
    }
  });
}

/** A line in the flag column of each row a repair could not finish, naming the cell to check. */
function flagForPerson(
  plan: WritePlan,
  table: Table,
  moved: readonly MovedWrite[],
  targets: readonly (number | undefined)[],
  at: (row: number, column: number) => Cell,
  set: (row: number, column: number, value: Cell) => void,
): void {
  const flagColumn = plan.flagHeader === undefined ? -1 : table.headers.indexOf(plan.flagHeader);
  if (flagColumn < 0) return;
  const now = new Date();
  const flag = (row: number, line: string) => {
    const text = cellText(at(row, flagColumn));
    if (text.includes(line)) return;
    set(row, flagColumn, text === '' || text === 'OK' ? line : `${text}\n${line}`);
  };
  moved.forEach((m, i) => {
    if (!m.restored) {
      flag(
        m.rowNumber,
        writeCheckLine(
          now,
          `書き込みの最中に行が移動したため、この行の「${m.header}」に${m.id === '' ? '別の予約' : `予約ID ${m.id} `}の値（${shown(m.value)}）が入った可能性があります。` +
            `「${m.header}」を確認して正しい値に直してください（操作ログ参照）。`,
        ),
      );
    }
    const target = targets[i];
    if (!m.putRight && target !== undefined && m.header !== plan.flagHeader) {
      flag(
        target,
        writeCheckLine(
          now,
          `書き込みの最中に行が移動したため、この行の「${m.header}」を書き込めませんでした。` +
            `「${m.header}」を確認してください（操作ログ参照）。`,
        ),
      );
    }
  });
}

/** A written value as a person sees it in a flag: a time as 2026/12/01 09:05, long text cut. */
function shown(value: Cell): string {
  if (isDateCell(value)) return formatInstant(value);
  const text = cellText(value);
  return text.length > 30 ? `${text.slice(0, 30)}…` : text;
}

/** Index of each key that appears exactly once ('' never counts). */
function uniqueIndexes(keys: readonly string[]): Map<string, number> {
  const indexes = new Map<string, number>();
  const twice = new Set<string>();
  keys.forEach((key, i) => {
    if (key === '') return;
    if (indexes.has(key)) twice.add(key);
    indexes.set(key, i);
  });
  for (const key of twice) indexes.delete(key);
  return indexes;
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
