// 保存期間を過ぎた個人情報を消去 (menu, issue 17 §1): blanks the personal cells (core/retention.ts
// PERSONAL_HEADERS) of 予約_保管 rows whose 相談日 is older than 個人情報の保存年数, keeping every
// other cell, so 月次集計 counts the same before and after. In a fixed number of calls:
//   1. reads 設定 (a malformed 保存年数 stops here: no guessed period), 予約_保管 and 対象者 once,
//      and asks (YES_NO) with the count; 「いいえ」 changes nothing;
//   2. under the script lock re-reads 予約_保管, plans again, and blanks only the filled personal
//      cells of rows found again by 予約ID that qualified in both reads (writeExactCells: one
//      setValues per rectangle of adjacent cells, single cells in one RangeList call);
//   3. flushes and re-reads 予約_保管 to verify the cells are blank; drops invitation-ledger
//      entries older than the cutoff (the ledger keeps hashes and a domain, see
//      docs/threat-model.md); writes one 操作ログ line with counts only.
// Stopped at any call, nothing that should stay has been written (only personal cells of
// qualifying rows are ever written), and a re-run finishes: rows already blank are not counted.
import { PERSONAL_HEADERS, planErasure, retentionCutoff, rosterToReview } from '../core/retention';
import type { ErasurePlan, RetentionRow, RosterRetentionRow } from '../core/retention';
import {
  confirmErasure,
  ERASURE_CANCELLED,
  erasureLogLine,
  type ErasureOutcome,
  erasureReport,
  nothingToErase,
  rosterReviewText,
  settingBlocksErasure,
} from '../core/retentionWords';
import { normalizeDate } from '../core/normalize';
import { BOOKING, ROSTER, SETTING, SHEET } from '../core/schema';
import { compareDays, dayOf, type LocalDate } from '../core/time';
import { writeExactCells } from '../sheet/ownedWrites';
import { readRosterSheet } from '../sheet/roster';
import { type Cell, cellText, readTable, type Table } from '../sheet/table';
import { actorName, AuditLog } from './auditLog';
import { captionOf, runCommand } from './command';
import { loadSettings } from './context';
import { InvitationLedger } from './invitationLedger';
import { alert, confirm, toast } from './ui';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const CAPTION = captionOf('menuErasePersonalData');

export function menuErasePersonalData(): void {
  runCommand('menuErasePersonalData', (command) => {
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    const today = dayOf(new Date());
    const { settings, problems } = loadSettings(spreadsheet);
    const years = settings.retentionYears;
    if (years === null) return alert(settingBlocksErasure(problems), CAPTION);
    const cutoff = retentionCutoff(today, years);
    const review = rosterReviewText(rosterRows(spreadsheet, today, cutoff), cutoff);
    const sheet = spreadsheet.getSheetByName(SHEET.archive);
    if (!sheet) {
      return alert(
        `「${SHEET.archive}」シートがないため、消去するものはありません。${review}`,
        CAPTION,
      );
    }
    const preview = planOf(readTable(sheet), today, cutoff);
    if (preview.erase.size === 0) {
      // A run stopped after blanking the cells may have left old ledger entries: finish that.
      command.locked(() => dropOldLedgerEntries(today, cutoff));
      return alert(nothingToErase(preview) + review, CAPTION);
    }
    if (!confirm(confirmErasure(preview.erase.size, years, cutoff), CAPTION)) {
      return toast(ERASURE_CANCELLED, CAPTION);
    }
    const outcome = command.locked(() => {
      const outcome = erasePersonalData(spreadsheet, today, years, new Set(preview.erase.keys()));
      command.log(spreadsheet, { detail: erasureLogLine(outcome) });
      return outcome;
    });
    alert(erasureReport(outcome) + review, CAPTION);
  });
}

/**
 * The monthly trigger's part, under its lock: when 個人情報の自動消去 is はい, erases every row
 * that qualifies (no dialog) and logs one line; a malformed 保存年数 erases nothing and says so
 * in the log. Returns whether it ran.
 */
export function monthlyErasure(spreadsheet: Spreadsheet, now: Date): boolean {
  const { settings } = loadSettings(spreadsheet);
  if (!settings.autoErase) return false;
  const log = new AuditLog(actorName('trigger'));
  const years = settings.retentionYears;
  const detail =
    years === null
      ? `「${SETTING.retentionYears}」が読めないため消去しませんでした`
      : erasureLogLine(erasePersonalData(spreadsheet, dayOf(now), years, null));
  log.add({ action: CAPTION, detail });
  log.flush(spreadsheet);
  return true;
}

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
 * The window between the re-read and the write is one call wide, but a person's sort or insert
 * can land in it: the blanks then fall on a row that was not to be erased. The re-read before
 * the write still holds that row's cells (found by its 予約ID), so they are written back; a row
 * the re-read does not know (typed in that call) cannot be restored and is counted, so the
 * report and 操作ログ say so.
 */
function restoreDisplaced(
  before: Table,
  after: Table,
  writes: readonly { rowNumber: number; column: number }[],
  erased: ReadonlySet<string>,
): { restored: number; notRestored: number } {
  const beforeId = before.headers.indexOf(BOOKING.id);
  const afterId = after.headers.indexOf(BOOKING.id);
  const expected = new Map(before.rows.map((r) => [r.rowNumber, cellText(r.values[beforeId])]));
  const beforeById = new Map(before.rows.map((r) => [cellText(r.values[beforeId]), r]));
  const afterByRow = new Map(after.rows.map((r) => [r.rowNumber, r]));
  const restore: { rowNumber: number; column: number; value: Cell }[] = [];
  const restoredIds = new Set<string>();
  const lost = new Set<number>();
  for (const write of writes) {
    const now = afterByRow.get(write.rowNumber);
    const id = now === undefined ? '' : cellText(now.values[afterId]);
    if (now === undefined || id === expected.get(write.rowNumber) || erased.has(id)) continue;
    const old = id === '' ? undefined : beforeById.get(id);
    if (old === undefined) {
      lost.add(write.rowNumber);
      continue;
    }
    // The blank went to this sheet position: give back what the row held under that header.
    const value = old.values[before.headers.indexOf(after.headers[write.column] ?? '')];
    if (cellText(value) !== '' && cellText(now.values[write.column]) === '') {
      restore.push({ rowNumber: write.rowNumber, column: write.column, value: value! });
      restoredIds.add(id);
    }
  }
  writeExactCells(after.sheet, restore);
  return { restored: restoredIds.size, notRestored: lost.size };
}

/**
 * The invitation ledger keeps, per 予約ID, the day, the time, hashes of the URL and the address
 * and the address's domain; every save drops bookings whose 相談日 has passed. Entries older
 * than the cutoff remain only when nothing was sent since: saved (so pruned) here.
 */
function dropOldLedgerEntries(today: LocalDate, cutoff: LocalDate): void {
  const ledger = InvitationLedger.load();
  const old = [...ledger.ids()].some((id) => {
    const entry = ledger.get(id);
    return entry !== undefined && compareDays(entry.day, cutoff) < 0;
  });
  if (old) ledger.save(today);
}

function planOf(table: Table, today: LocalDate, cutoff: LocalDate): ErasurePlan {
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

function rosterRows(
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
