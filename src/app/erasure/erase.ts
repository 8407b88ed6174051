// The erasure itself (issue 17 §1), under the caller's script lock: plan from one read, blank
// only the personal cells of qualifying rows, flush, verify by 予約ID, restore what a sort carried
// under the blanks (./restore.ts), prune the invitation ledger.
import { PERSONAL_HEADERS, planErasure, retentionCutoff } from '../../core/retention';
import type { ErasurePlan, RetentionRow } from '../../core/retention';
import type { ErasureOutcome } from '../../core/retentionWords';
import { normalizeDate } from '../../core/normalize';
import { BOOKING, SHEET } from '../../core/schema';
import { compareDays, type LocalDate } from '../../core/time';
import { writeExactCells } from '../../sheet/ownedWrites';
import { cellText, readTable, type Table } from '../../sheet/table';
import { InvitationLedger } from '../invitationLedger';
import { restoreDisplaced } from './restore';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * The work, under the caller's script lock. `confirmed`: the ids the person agreed to (null: all
 * that qualify, for an unattended run).
 */
export function erasePersonalData(
  spreadsheet: Spreadsheet,
  today: LocalDate,
  years: number,
  confirmed: ReadonlySet<string> | null,
): ErasureOutcome {
  const cutoff = retentionCutoff(today, years);
  const sheet = spreadsheet.getSheetByName(SHEET.archive);
  if (!sheet) {
    const plan = planErasure([], cutoff);
    return { plan, years, erased: 0, skipped: 0, notVerified: 0, restored: 0, notRestored: 0 };
  }
  const table = readTable(sheet);
  const plan = planOf(table, today, cutoff);
  const idIndex = table.headers.indexOf(BOOKING.id);
  const writes: { rowNumber: number; column: number; value: '' }[] = [];
  const written = new Set<string>();
  for (const row of table.rows) {
    const id = cellText(row.values[idIndex]);
    const headers = plan.erase.get(id);
    if (headers === undefined || (confirmed !== null && !confirmed.has(id))) continue;
    written.add(id);
    for (const header of headers) {
      writes.push({ rowNumber: row.rowNumber, column: table.headers.indexOf(header), value: '' });
    }
  }
  const skipped = confirmed === null ? 0 : [...confirmed].filter((id) => !written.has(id)).length;
  writeExactCells(sheet, writes);
  SpreadsheetApp.flush();
  // Verify: every written id still found once, its personal cells blank; a row a sort or an
  // insert carried under the write in the one call before it gets its cells back.
  const afterTable = readTable(sheet);
  const displaced = restoreDisplaced(table, afterTable, writes, written);
  const after = planOf(afterTable, today, cutoff);
  const notVerified = [...written].filter((id) => after.erase.has(id)).length;
  dropOldLedgerEntries(today, cutoff);
  return { plan, years, erased: written.size - notVerified, skipped, notVerified, ...displaced };
}

/**
 * The invitation ledger keeps, per 予約ID, the day, the time, hashes of the URL and the address
 * and the address's domain; every save drops bookings whose 相談日 has passed. Entries older
 * than the cutoff remain only when nothing was sent since: saved (so pruned) here.
 */
export function dropOldLedgerEntries(today: LocalDate, cutoff: LocalDate): void {
  const ledger = InvitationLedger.load();
  const old = [...ledger.ids()].some((id) => {
    const entry = ledger.get(id);
    return entry !== undefined && compareDays(entry.day, cutoff) < 0;
  });
  if (old) ledger.save(today);
}

export function planOf(table: Table, today: LocalDate, cutoff: LocalDate): ErasurePlan {
  const idIndex = table.headers.indexOf(BOOKING.id);
  const dateIndex = table.headers.indexOf(BOOKING.date);
  const personal = PERSONAL_HEADERS.map((h) => ({ h, i: table.headers.indexOf(h) })).filter(
    ({ i }) => i >= 0,
  );
  const rows: RetentionRow[] = table.rows.map((row) => {
    // A date typed without a year cannot be placed in a past year: such a row is never erased.
    const date =
      dateIndex < 0 ? null : normalizeDate(row.values[dateIndex], today, { yearRequired: true });
    return {
      rowNumber: row.rowNumber,
      id: idIndex < 0 ? '' : cellText(row.values[idIndex]),
      date: date?.ok ? date.value : null,
      filled: personal.filter(({ i }) => cellText(row.values[i]) !== '').map(({ h }) => h),
    };
  });
  return planErasure(rows, cutoff);
}
