// Finding the sidebar's booking again after it was added: by its 予約ID, still holding the staff
// text written, and (after a write into a free row) whether that write took someone's row.
import { BOOKING } from '../../core/schema';
import { type Cell, cellText, readSheetValues, type Table } from '../../sheet/table';
import { hasContent, type Placed } from './freeRow';

/**
 * A row the write into a free row took from someone: rows were inserted above the free row in
 * the one call between the re-read and the write, and the row pushed down into it was
 * overwritten. `lost` is that row as the re-read showed it (null: it was not there then — a row
 * inserted and typed in that very call, or more than one row changed — and cannot be rebuilt).
 */
export interface Collision {
  lost: Cell[] | null;
}

export interface Found {
  /** Where the booking is now (null: not found exactly once with the text written). */
  rowNumber: number | null;
  collision: Collision | null;
}

/** Staff text the sheet stores as given: a row that took the appended one differs here. */
const VERIFIED_HEADERS = [BOOKING.name, BOOKING.email, BOOKING.office, BOOKING.meetingUrl];

/** What a cell holds after appendRow: text behind an apostrophe is stored without it. */
function storedAs(cell: Cell): Cell {
  return typeof cell === 'string' && cell.startsWith("'") ? cell.slice(1) : cell;
}

function sameStaffText(
  headers: readonly string[],
  now: readonly Cell[],
  appended: readonly Cell[],
) {
  return VERIFIED_HEADERS.every((header) => {
    const i = headers.indexOf(header);
    return cellText(now[i]) === cellText(storedAs(appended[i] ?? ''));
  });
}

/** The row holding `id` exactly once and still the staff text appended, or null. */
export function findAppended(table: Table, id: string, appended: readonly Cell[]): Found {
  const sheet = table.sheet;
  const idColumn = table.headers.indexOf(BOOKING.id) + 1;
  const ids = readSheetValues(sheet, 1, idColumn, -1, 1).map((r) => cellText(r[0]));
  const rows = ids.flatMap((value, i) => (value === id ? [i + 1] : []));
  if (rows.length !== 1) return { rowNumber: null, collision: null };
  const [now] = readSheetValues(sheet, rows[0]!, 1, 1, appended.length);
  const same = sameStaffText(table.headers, now ?? [], appended);
  return { rowNumber: same ? rows[0]! : null, collision: null };
}

/**
 * Finds the booking written into a free row (one read of the rows below the header) and checks
 * what happened around it since the re-read before the write: the sheet has more rows and a row
 * it held then is gone (neither in place nor under its 予約ID) — the write took that row.
 */
export function findWritten(
  table: Table,
  id: string,
  written: readonly Cell[],
  placed: Placed,
): Found {
  const after = readSheetValues(table.sheet, 2, 1, -1, written.length);
  const idIndex = table.headers.indexOf(BOOKING.id);
  const ours = after.flatMap((r, i) => (cellText(r[idIndex]) === id ? [i] : []));
  const index = ours.length === 1 ? ours[0]! : -1;
  if (index < 0 || !sameStaffText(table.headers, after[index] ?? [], written)) {
    return { rowNumber: null, collision: null };
  }
  const rowNumber = index + 2;
  // Rows inserted above before the write push rows down: one of them is where the write went.
  // Rows inserted only after it push the booking down too (then it is not where it was written).
  const inserted = after.length - placed.before.length;
  if (inserted <= 0 || rowNumber !== placed.rowNumber) return { rowNumber, collision: null };
  const gone = goneRows(placed.before, after, index, idIndex);
  return { rowNumber, collision: { lost: gone.length === 1 ? gone[0]! : null } };
}

/** Rows of `before` with content that are in `after` neither as they were nor under their 予約ID. */
function goneRows(
  before: readonly Cell[][],
  after: readonly Cell[][],
  ours: number,
  idIndex: number,
): Cell[][] {
  const left = new Map<string, number>();
  const idsNow = new Set<string>();
  after.forEach((r, i) => {
    if (i === ours) return;
    const key = JSON.stringify(r);
    left.set(key, (left.get(key) ?? 0) + 1);
    const rowId = cellText(r[idIndex]);
    if (rowId !== '') idsNow.add(rowId);
  });
  return before.filter((r) => {
    if (!hasContent(r)) return false;
    const key = JSON.stringify(r);
    const n = left.get(key) ?? 0;
    if (n > 0) {
      left.set(key, n - 1);
      return false;
    }
    // Still there under its 予約ID: edited meanwhile, not taken.
    const rowId = cellText(r[idIndex]);
    return rowId === '' || !idsNow.has(rowId);
  });
}
