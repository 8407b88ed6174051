// The 対象者 sheet as the script writes it: only 無断キャンセル回数, found again by 求職番号.
import { ROSTER, SHEET } from '../core/schema';
import type { WritePlan } from './ownedWrites';
import { type Cell, readTable, type Table } from './table';

/** Staff-typed cells that tell one roster row without a 求職番号 from another. */
const FINGERPRINT_HEADERS = [ROSTER.name, ROSTER.office, ROSTER.officer, ROSTER.note];

/**
 * The row key is the 求職番号 cell as typed (trimmed): the write finds the row again by the same
 * text the decision read, so a sort or an inserted row cannot move a count onto another person,
 * and a 求職番号 typed on two rows is written to neither (writeOwnedCells refuses duplicates).
 */
export const ROSTER_WRITE_PLAN: WritePlan = {
  idHeader: ROSTER.seekerNo,
  ownedHeaders: [ROSTER.noShowCount],
  sharedHeaders: [],
  fingerprint: (headers: readonly string[], values: readonly Cell[]) =>
    FINGERPRINT_HEADERS.map((h) => String(values[headers.indexOf(h)] ?? '')).join('\u001f'),
};

/** 対象者, read in one batch; null when 初期設定 has not made it yet. */
export function readRosterSheet(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
): Table | null {
  const sheet = spreadsheet.getSheetByName(SHEET.roster);
  return sheet ? readTable(sheet) : null;
}
