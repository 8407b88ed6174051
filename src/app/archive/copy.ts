// 過去の予約を保管: step 2–3 of the run (index.ts): add 予約_保管's missing headers, append the
// planned rows, read them back and compare every value with the plan.
import { archiveRow, holdsRow, type LiveRow } from '../../core/archive';
import { appendAndReadBack, appendHeaders } from '../../sheet/archive';
import type { Cell } from '../../sheet/table';
import type { Planned, Sheets } from './read';

/** The rows appended to 予約_保管 and read back, and which of them hold what was planned. */
export interface Copied {
  addedHeaders: string[];
  readBack: Cell[][];
  verified: Set<LiveRow>;
  notVerified: string[];
}

/** Adds the missing headers, appends the planned rows, reads them back and compares. */
export function copy(sheets: Sheets, { mapping, plan }: Planned): Copied {
  const addedHeaders = plan.toAppend.length > 0 ? mapping.added : [];
  appendHeaders(sheets.archive.sheet, sheets.archiveWidth, addedHeaders);
  const intended = plan.toAppend.map((row) => archiveRow(mapping, row.values));
  const readBack = appendAndReadBack(
    sheets.archive.sheet,
    sheets.archive.rows.length + 2,
    mapping.archiveHeaders.length,
    intended,
  );
  const verified = new Set(
    plan.toAppend.filter((row, i) => holdsRow(mapping, row.values, readBack[i] ?? [])),
  );
  const notVerified = plan.toAppend.filter((row) => !verified.has(row)).map((r) => r.id);
  return { addedHeaders, readBack, verified, notVerified };
}
