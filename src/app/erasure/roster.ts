// 対象者 rows whose 支援終了日 is older than the retention period: listed for staff to review,
// never deleted by the script (issue 17 §1).
import { rosterToReview, type RosterRetentionRow } from '../../core/retention';
import { normalizeDate } from '../../core/normalize';
import { ROSTER } from '../../core/schema';
import type { LocalDate } from '../../core/time';
import { readRosterSheet } from '../../sheet/roster';
import { cellText } from '../../sheet/table';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export function rosterRows(
  spreadsheet: Spreadsheet,
  today: LocalDate,
  cutoff: LocalDate,
): RosterRetentionRow[] {
  const table = readRosterSheet(spreadsheet);
  if (table === null) return [];
  const seekerIndex = table.headers.indexOf(ROSTER.seekerNo);
  const endIndex = table.headers.indexOf(ROSTER.supportEnd);
  if (endIndex < 0) return [];
  const rows = table.rows.map((row) => {
    const end = normalizeDate(row.values[endIndex], today);
    return {
      rowNumber: row.rowNumber,
      seekerNo: seekerIndex < 0 ? '' : cellText(row.values[seekerIndex]),
      supportEnd: end.ok ? end.value : null,
    };
  });
  return rosterToReview(rows, cutoff);
}
