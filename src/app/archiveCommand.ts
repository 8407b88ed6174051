// 過去の予約を保管 (menu): moves finished bookings older than 保管までの月数 from 予約 to 予約_保管.
// Nothing is deleted before it is copied and read back, and no booking ends in both sheets:
// under the script lock, in a fixed number of calls, the run
//   1. reads 予約 and the whole 予約_保管 (its ids tell which rows an earlier run already copied);
//   2. adds to 予約_保管's header row any 予約 column it lacks, then appends the rows not there yet;
//   3. flushes, reads the appended block back and compares it, id and every value, with the plan;
//   4. re-reads 予約 and deletes the rows still carrying a verified id and still holding every
//      value copied, bottom block first, each block re-read (every column) right before its
//      deleteRows (a person may have sorted or edited meanwhile);
//   5. re-reads 予約's ids: a row meant to go that is still there (refused in 4, or moved in the
//      one call before deleteRows) stays in 予約 with the person's edit, and its copy is taken
//      back out of 予約_保管 (found by 予約ID, re-read right before its deletion: see takeBack);
//      a copy that cannot be taken back is marked エラー: in 予約_保管 and logged;
//   6. recomputes PROPERTY.archivedNoShowCounts from the whole archive.
// Stopped at any point, a re-run finds the copied rows by 予約ID, appends nothing twice and
// finishes the deletion. See core/archive.ts for which rows move and how columns are matched.
import { addToGroup } from '../core/groupBy';
import {
  archiveRow,
  type ArchivePlan,
  type ArchiveValue,
  holdsRow,
  type LiveRow,
  mapColumns,
  type ColumnMapping,
  planArchive,
} from '../core/archive';
import { normalizeBooking } from '../core/booking';
import { countNoShows } from '../core/noShows';
import { BOOKING, ERROR_PREFIX, SETTING, SHEET } from '../core/schema';
import { dayOf, formatDayWithYear, type LocalDate } from '../core/time';
import { writeCheckLine } from '../core/writeChecks';
import {
  appendAndReadBack,
  appendHeaders,
  countRowsById,
  deleteRowsById,
  type DeletionOutcome,
  markRowsById,
} from '../sheet/archive';
import { forSheet } from '../sheet/ownedWrites';
import { BOOKING_WRITE_PLAN, bookingReader, bookingRows } from '../sheet/bookings';
import { type Cell, cellText, fieldReader, readTable, type Table } from '../sheet/table';
import { NeedsPerson, requireBookingSheet } from './checkService';
import { highestNumber, keepCounterAbove } from './bookingIds';
import { writeChunked } from './chunkedProperty';
import { loadSettings } from './context';
import { describeError } from './runAction';
import { captionOf, runCommand } from './command';
import { alert, confirm, toast } from './ui';
import { parseLastStaffEdit } from './onEdit';
import { documentProperties, PROPERTY } from './properties';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const CAPTION = captionOf('menuArchiveOldBookings');
/** Booking ids named in a dialog; the rest are counted. */
const MAX_LISTED = 10;

export interface ArchiveRun {
  cutoff: LocalDate;
  months: number;
  /** Rows appended to 予約_保管 by this run. */
  appended: number;
  /** Rows deleted from 予約 (appended now or by an earlier run that stopped). */
  deleted: number;
  /** Appended rows that did not read back as written: kept in 予約. */
  notVerified: string[];
  /**
   * Rows not deleted from 予約 (a person edited, moved, copied or deleted them during the run):
   * their copies were taken back out of 予約_保管, so each is in one sheet at most.
   */
  left: string[];
  /** Rows in both sheets: their copies could not be taken back; marked エラー: in 予約_保管. */
  inBoth: string[];
  /**
   * Rows whose block was deleted but which are still in 予約: rows moved in the one call before
   * deleteRows, so another row was deleted in their place (a person must check 予約).
   */
  displaced: string[];
  /**
   * Rows of 予約 that were not meant to go but are gone after the deletion (deleted in place of
   * a moved block, or by a person in that call): rebuilt from the re-read before the deletion at
   * the bottom of 予約, flagged エラー: (書き込みの確認) for a person.
   */
  restored: string[];
  /** Rows deleted just after staff edited them (onEdit's note): their copy is flagged. */
  editedMeanwhile: string[];
  /** Headers added to the end of 予約_保管. */
  addedHeaders: string[];
  /** What stayed in 予約 for a person, from the plan. */
  conflicting: string[];
  duplicatedId: string[];
  unmatchedValues: string[];
  withoutId: number;
  deferred: number;
  /** Job seekers with archived no-shows, as written to the document property. */
  archivedNoShowSeekers: number;
  /** false when the document property could not be written (see recordArchivedNoShows). */
  noShowsRecorded: boolean;
  settingProblems: string[];
}

export function menuArchiveOldBookings(): void {
  runCommand('menuArchiveOldBookings', (command) => {
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    const preview = previewArchive(spreadsheet, new Date());
    if (preview.count > 0 && !confirm(confirmText(preview), CAPTION)) {
      return toast('保管を取りやめました。何も変更していません。', CAPTION);
    }
    const run = command.locked(() => {
      const run = archiveOldBookings(spreadsheet, new Date());
      command.log(spreadsheet, { detail: countsLine(run) });
      return run;
    });
    report(run);
  });
}

// ---------------------------------------------------------------------------------------------
// The service (the caller holds the script lock)

interface Sheets {
  bookings: Table;
  archive: Table;
  archiveWidth: number;
  months: number;
  settingProblems: string[];
}

/** How many rows a run would move now (reads 予約 only), for the confirmation dialog. */
export function previewArchive(
  spreadsheet: Spreadsheet,
  now: Date,
): { count: number; cutoff: LocalDate; months: number } {
  const { settings } = loadSettings(spreadsheet);
  const bookings = bookingTable(spreadsheet);
  const mapping = mapColumns(bookings.headers, trimHeaders(bookings.headers));
  const plan = planArchive({
    rows: liveRows(bookings, dayOf(now)),
    archived: new Map(),
    mapping,
    today: dayOf(now),
    months: settings.archiveAfterMonths,
    maxRuns: Number.POSITIVE_INFINITY,
  });
  return { count: plan.toAppend.length, cutoff: plan.cutoff, months: settings.archiveAfterMonths };
}

export function archiveOldBookings(spreadsheet: Spreadsheet, now: Date): ArchiveRun {
  const today = dayOf(now);
  const sheets = readSheets(spreadsheet);
  const mapping = mapColumns(sheets.bookings.headers, trimHeaders(sheets.archive.headers));
  const archivedRows = sheets.archive.rows.map((row) =>
    padTo(row.values, mapping.archiveHeaders.length),
  );
  const plan = planArchive({
    rows: liveRows(sheets.bookings, today),
    archived: indexById(mapping, archivedRows),
    mapping,
    today,
    months: sheets.months,
  });

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

  const toDelete = new Map(
    [...verified, ...plan.alreadyArchived].map((row) => [row.id, row.values]),
  );
  const deletionStart = Date.now();
  const deletion = deleteRowsById(sheets.bookings.sheet, BOOKING.id, toDelete);

  // Every row meant to go whose block was not deleted stays in 予約 (refused: edited, moved,
  // copied or its 予約ID changed during the run; or its copy did not read back right): its copy
  // comes back out of 予約_保管, so the booking is in one sheet only, with the person's change
  // (see takeBack). A row whose block was deleted but whose 予約ID is still in 予約 afterwards
  // (one call) was moved or copied in the one call before deleteRows: another row may have been
  // deleted in its place. Which of the two rows is the booking cannot be told, so both stay, the
  // copy in 予約_保管 is marked and the dialog says what to check.
  const meant = [...plan.toAppend, ...plan.alreadyArchived];
  const liveNow =
    deletion.deleted.size > 0
      ? countRowsById(sheets.bookings.sheet, BOOKING.id)
      : deletion.remainingIds;
  const left = meant.filter((row) => !deletion.deleted.has(row.id));
  const displaced = meant.filter((row) => deletion.deleted.has(row.id) && liveNow.has(row.id));
  const restored =
    displaced.length > 0 || deletion.deleted.size > 0
      ? restoreDeletedInPlace(sheets.bookings.sheet, sheets.bookings.headers, deletion, liveNow)
      : [];
  // A displaced row still in 予約 exactly once holds the booking: moved there (the block took
  // other rows, rebuilt above) or a copy pasted in that call (same 予約ID and, verified by the
  // take-back, the same values as the copy). Either way its copy comes back out of 予約_保管, so
  // the booking is in one sheet; a re-run moves it. Held by several rows: which one is the
  // booking cannot be told, so the copy stays, marked.
  const liveCount = (id: string): number =>
    liveNow instanceof Map ? (liveNow.get(id) ?? 0) : liveNow.has(id) ? 1 : 0;
  const displacedOnce = displaced.filter((row) => liveCount(row.id) === 1);
  const copies = copiesToTakeBack(plan, readBack, archivedRows, mapping, [
    ...left,
    ...displacedOnce,
  ]);
  const back = takeBack(
    sheets.archive.sheet,
    copies,
    displaced.filter((row) => !displacedOnce.includes(row)).map((r) => r.id),
  );

  const editedMeanwhile = flagCopiesEditedMeanwhile(
    sheets.archive.sheet,
    deletion,
    deletionStart,
    back.removed,
  );

  const wholeArchive = [
    ...archivedRows,
    ...readBack.map((r) => padTo(r, mapping.archiveHeaders.length)),
  ].filter((row) => !back.removed.has(cellText(row[mapping.archiveHeaders.indexOf(BOOKING.id)])));
  const noShows = archivedNoShows(
    mapping.archiveHeaders,
    wholeArchive,
    new Set(liveNow.keys()),
    today,
  );
  const noShowsRecorded = recordArchivedNoShows(noShows);
  const idColumn = mapping.archiveHeaders.indexOf(BOOKING.id);
  // The taken-back rows' ids stay counted: they are still in 予約 and keep their 予約ID.
  keepCounterAbove(highestNumber([...archivedRows, ...readBack].map((row) => row[idColumn] ?? '')));
  const moved = meant.filter((row) => deletion.deleted.has(row.id) && !liveNow.has(row.id));
  return summarise(plan, {
    months: sheets.months,
    appended: plan.toAppend.length,
    deleted: moved.length,
    notVerified: notVerified.filter((id) => back.removed.has(id)),
    left: [...left, ...displacedOnce]
      .map((r) => r.id)
      .filter((id) => back.removed.has(id) && !notVerified.includes(id)),
    inBoth: back.inBoth,
    displaced: displaced.map((r) => r.id),
    restored,
    editedMeanwhile,
    addedHeaders,
    archivedNoShowSeekers: noShows.size,
    noShowsRecorded,
    settingProblems: sheets.settingProblems,
  });
}

/**
 * Rows the re-read before the deletions saw, not meant to go, and gone now: deleteRows took them
 * in place of a block a person moved in the one call before it (or the person deleted them in
 * that call: the script cannot tell which). Never lose a booking: each is appended again
 * (appendRow, atomic) as it was read, its チェック結果 a write-check エラー saying what to check;
 * a person deletes it again if they meant to. Calls: one appendRow per row, only when it happens.
 */
function restoreDeletedInPlace(
  sheet: Sheet,
  headers: readonly string[],
  deletion: DeletionOutcome,
  liveNow: ReadonlyMap<string, number> | ReadonlySet<string>,
): string[] {
  const checkIndex = headers.indexOf(BOOKING.checkResult);
  const candidates = [...deletion.readBefore.keys()].filter(
    (id) => !deletion.deleted.has(id) && !liveNow.has(id),
  );
  if (candidates.length === 0) return [];
  // A row whose 予約ID a person cleared is still there: known by its staff cells (one read).
  const present = new Map<string, number>();
  for (const row of readTable(sheet).rows) {
    const key = BOOKING_WRITE_PLAN.fingerprint(headers, row.values);
    present.set(key, (present.get(key) ?? 0) + 1);
  }
  const gone = candidates.filter((id) => {
    const key = BOOKING_WRITE_PLAN.fingerprint(headers, deletion.readBefore.get(id)!);
    const n = present.get(key) ?? 0;
    if (n > 0) present.set(key, n - 1);
    return n === 0;
  });
  const line = writeCheckLine(
    new Date(),
    `「${CAPTION}」の削除の直前に行が動いたため、この予約の行が「${SHEET.bookings}」から消えました。消える前に読んだ内容で、この行を作り直しました。` +
      `内容を確かめてください（その間にこの行を削除したのなら、もう一度削除してください）。`,
  );
  for (const id of gone) {
    const row = deletion.readBefore.get(id)!;
    sheet.appendRow(row.map((cell, i) => (i === checkIndex ? line : forSheet(cell))));
  }
  if (gone.length > 0) {
    console.warn(`archive: ${gone.length} row(s) deleted in place of a moved block, rebuilt`);
  }
  return gone;
}

/** チェック結果 of a 予約_保管 row whose 予約 row was edited in the call before its deletion. */
export const EDITED_BEFORE_DELETE_MARK =
  `${ERROR_PREFIX} 保管の直前に「${SHEET.bookings}」でこの予約の行が編集されました。その編集はこの行に入っていない可能性があります。` +
  `この行の内容（「状態」「メールアドレス」など）を確かめて、違っていれば直してください（操作ログ参照）。`;

/**
 * A row deleted from 予約 right after a person edited it (onEdit notes the ids of edited rows in
 * PROPERTY.lastStaffEdit): the edit landed in the one call between the block's re-read and its
 * deleteRows, so the copy in 予約_保管 may lack it. Its copy is marked. One property read; one
 * read and one write of 予約_保管 only when it happens.
 */
function flagCopiesEditedMeanwhile(
  archiveSheet: Sheet,
  deletion: DeletionOutcome,
  since: number,
  takenBack: ReadonlySet<string>,
): string[] {
  if (deletion.deleted.size === 0) return [];
  const note = parseLastStaffEdit(documentProperties().getProperty(PROPERTY.lastStaffEdit));
  if (note === null || note.at < since) return [];
  const ids = new Set(note.ids.filter((id) => deletion.deleted.has(id) && !takenBack.has(id)));
  if (ids.size === 0) return [];
  markRowsById(archiveSheet, BOOKING.id, BOOKING.checkResult, ids, EDITED_BEFORE_DELETE_MARK);
  console.warn(`archive: ${ids.size} row(s) edited just before their deletion, copies marked`);
  return [...ids];
}

/** What the run appended (or found already copied) for the rows still in 予約, by 予約ID. */
function copiesToTakeBack(
  plan: ArchivePlan,
  readBack: readonly Cell[][],
  archivedRows: readonly ArchiveValue[][],
  mapping: ColumnMapping,
  left: readonly LiveRow[],
): Map<string, Cell[]> {
  const idColumn = mapping.archiveHeaders.indexOf(BOOKING.id);
  const copies = new Map<string, Cell[]>();
  for (const row of left) {
    const appended = plan.toAppend.indexOf(row);
    const copy =
      appended >= 0
        ? readBack[appended]
        : archivedRows.find(
            (r) => cellText(r[idColumn]) === row.id && holdsRow(mapping, row.values, r),
          );
    if (copy) copies.set(row.id, [...copy]);
  }
  return copies;
}

/** チェック結果 of a 予約_保管 row left in both sheets. */
export const IN_BOTH_MARK =
  `${ERROR_PREFIX} 同じ予約IDの行が「${SHEET.bookings}」にもあります（保管の途中で「${SHEET.bookings}」の行が編集・移動・コピーされました）。` +
  `2つの行を見比べ、この行を残すなら「${SHEET.bookings}」の行を、「${SHEET.bookings}」の行を残すならこの行を削除してください。`;

/**
 * Takes the copies of rows that stayed in 予約 back out of 予約_保管 (a sheet only the script
 * writes), so no booking is in both sheets: they are found again by 予約ID (exactly once), and
 * each block is re-read, every column, right before its deleteRows and deleted only if it still
 * holds exactly the copy (deleteRowsById). Nothing is lost: the live row in 予約 holds the
 * booking, with whatever the person changed meanwhile (or the person deleted it, and then it is
 * not moved either). The alternatives lose something: deleting the live row anyway loses the
 * person's edit, and leaving both keeps the booking twice for good (a re-run no longer sees a
 * row whose 状態 the person changed). A copy that cannot be taken back, and the copy of a
 * `displaced` row, get an エラー: in their チェック結果 and a log line (counts only). Calls: none
 * when nothing stayed; otherwise one read, two per block taken back, one read and one write for
 * the marks.
 */
function takeBack(
  sheet: Sheet,
  copies: ReadonlyMap<string, readonly Cell[]>,
  displaced: readonly string[],
): { removed: Set<string>; inBoth: string[] } {
  const outcome =
    copies.size > 0 ? deleteRowsById(sheet, BOOKING.id, copies) : { deleted: new Set<string>() };
  const kept = [...copies.keys()].filter((id) => !outcome.deleted.has(id));
  const toMark = new Set([...kept, ...displaced]);
  if (toMark.size > 0) {
    const marked = markRowsById(sheet, BOOKING.id, BOOKING.checkResult, toMark, IN_BOTH_MARK);
    console.warn(
      `archive: ${toMark.size} booking(s) left in both ${SHEET.bookings} and ${SHEET.archive} (${displaced.length} after a move in the call before deleteRows); ${marked} row(s) marked in ${SHEET.archive}`,
    );
  }
  if (outcome.deleted.size > 0) {
    console.log(`archive: ${outcome.deleted.size} copy(ies) taken back out of ${SHEET.archive}`);
  }
  return { removed: outcome.deleted, inBoth: [...toMark] };
}

function summarise(
  plan: ArchivePlan,
  done: Omit<
    ArchiveRun,
    'cutoff' | 'conflicting' | 'duplicatedId' | 'unmatchedValues' | 'withoutId' | 'deferred'
  >,
): ArchiveRun {
  const ids = (rows: readonly LiveRow[]): string[] => rows.map((r) => r.id);
  return {
    ...done,
    cutoff: plan.cutoff,
    conflicting: ids(plan.conflicting),
    duplicatedId: [...new Set(ids(plan.duplicatedId))],
    unmatchedValues: ids(plan.unmatchedValues),
    withoutId: plan.withoutId,
    deferred: plan.deferred.length,
  };
}

function bookingTable(spreadsheet: Spreadsheet): Table {
  return requireBookingSheet(spreadsheet, [BOOKING.date]);
}

function readSheets(spreadsheet: Spreadsheet): Sheets {
  const { settings, problems } = loadSettings(spreadsheet);
  const bookings = bookingTable(spreadsheet);
  const archiveSheet = spreadsheet.getSheetByName(SHEET.archive);
  if (!archiveSheet) {
    throw new NeedsPerson(
      `「${SHEET.archive}」シートがありません。メニュー「初期設定」を実行してから、もう一度お試しください。`,
    );
  }
  const archive = readTable(archiveSheet);
  if (!archive.headers.includes(BOOKING.id)) {
    throw new NeedsPerson(
      `「${SHEET.archive}」シートの1行目に見出し「${BOOKING.id}」がありません。メニュー「初期設定」を実行してから、もう一度お試しください。`,
    );
  }
  return {
    bookings,
    archive,
    archiveWidth: trimHeaders(archive.headers).length,
    months: settings.archiveAfterMonths,
    settingProblems: problems.filter((p) => p.includes(SETTING.archiveAfterMonths)),
  };
}

/** The header row without the blank cells after its last header. */
function trimHeaders(headers: readonly string[]): string[] {
  let end = headers.length;
  while (end > 0 && headers[end - 1] === '') end--;
  return headers.slice(0, end);
}

function padTo(values: readonly Cell[], width: number): ArchiveValue[] {
  return Array.from({ length: width }, (_, i) => values[i] ?? '');
}

function liveRows(table: Table, today: LocalDate): LiveRow[] {
  const read = bookingReader(table);
  return bookingRows(table).map((row) => {
    const booking = normalizeBooking({ rowNumber: row.rowNumber, values: read(row) }, today);
    return {
      rowNumber: row.rowNumber,
      id: booking.id,
      date: booking.date,
      status: booking.status,
      values: row.values,
    };
  });
}

function indexById(
  mapping: ColumnMapping,
  rows: readonly ArchiveValue[][],
): Map<string, ArchiveValue[][]> {
  const idColumn = mapping.archiveHeaders.indexOf(BOOKING.id);
  const byId = new Map<string, ArchiveValue[][]>();
  for (const values of rows) {
    const id = cellText(values[idColumn]);
    if (id !== '') addToGroup(byId, id, values);
  }
  return byId;
}

/**
 * Writes PROPERTY.archivedNoShowCounts (split over several properties when long). The rows are
 * already safe in 予約_保管 by now, so a failure here is reported to the person instead of ending
 * the run with a generic error.
 */
function recordArchivedNoShows(noShows: ReadonlyMap<string, number>): boolean {
  const sorted = [...noShows].sort(([a], [b]) => (a < b ? -1 : 1));
  try {
    writeChunked(
      documentProperties(),
      PROPERTY.archivedNoShowCounts,
      JSON.stringify(Object.fromEntries(sorted)),
    );
    return true;
  } catch (error) {
    console.error(`archive: ${PROPERTY.archivedNoShowCounts} not written: ${describeError(error)}`);
    return false;
  }
}

/** No-shows per 求職番号 in 予約_保管, leaving out rows whose 予約ID is still in 予約 (counted there). */
function archivedNoShows(
  headers: readonly string[],
  rows: readonly ArchiveValue[][],
  liveIds: ReadonlySet<string>,
  today: LocalDate,
): Map<string, number> {
  const read = fieldReader(headers, BOOKING);
  const bookings = rows
    .map((values, i) =>
      normalizeBooking({ rowNumber: i + 2, values: read({ rowNumber: i + 2, values }) }, today),
    )
    .filter((b) => !liveIds.has(b.id));
  return countNoShows(bookings);
}

// ---------------------------------------------------------------------------------------------
// What the person is told

function confirmText(preview: { count: number; cutoff: LocalDate; months: number }): string {
  return (
    `相談日が${formatDayWithYear(preview.cutoff)}より前（${preview.months}か月より前）で、` +
    `状態が「実施」「キャンセル」「無断キャンセル」の予約 ${preview.count}件を「${SHEET.archive}」シートに移します。\n\n` +
    `行は「${SHEET.archive}」に書き写して確かめてから「${SHEET.bookings}」から削除します。` +
    '月次集計と無断キャンセル回数には、移した後も数えられます。\n\nよろしいですか？'
  );
}

export function countsLine(run: ArchiveRun): string {
  const parts = [`${run.deleted}件を予約から削除（うち今回書き写し${run.appended}件）`];
  const kept = run.notVerified.length + run.left.length + run.conflicting.length;
  if (kept > 0) parts.push(`移さなかった${kept}件`);
  const takenBack = run.notVerified.length + run.left.length;
  if (takenBack > 0) parts.push(`うち書き写しを予約_保管から取り消した${takenBack}件`);
  if (run.inBoth.length > 0) parts.push(`両方のシートに残った${run.inBoth.length}件`);
  if (run.displaced.length > 0) {
    parts.push(`削除の直前に行が動き別の行を削除した可能性${run.displaced.length}件`);
  }
  if (run.editedMeanwhile.length > 0) {
    parts.push(`削除の直前に編集された${run.editedMeanwhile.length}件に印`);
  }
  if (run.restored.length > 0) parts.push(`誤って消えた行を作り直した${run.restored.length}件`);
  if (run.deferred > 0) parts.push(`次回に回した${run.deferred}件`);
  return `${parts.join('、')}。基準日 ${run.cutoff}`;
}

function listIds(ids: readonly string[]): string {
  const shown = ids.slice(0, MAX_LISTED).join('、');
  return ids.length > MAX_LISTED ? `${shown} ほか${ids.length - MAX_LISTED}件` : shown;
}

/** What needs a person, one paragraph each; empty when all went as planned. */
export function followUps(run: ArchiveRun): string[] {
  const lines: string[] = [];
  if (run.notVerified.length > 0) {
    lines.push(
      `・${run.notVerified.length}件（${listIds(run.notVerified)}）は「${SHEET.archive}」への書き込みを確認できなかったため、「${SHEET.bookings}」に残しました（書き込んだ行は取り消しました）。もう一度実行してください。続けて起きる場合は管理者に連絡してください。`,
    );
  }
  if (run.left.length > 0) {
    lines.push(
      `・${run.left.length}件（${listIds(run.left)}）は、保管の途中で「${SHEET.bookings}」の行が編集・移動・コピー・削除されたため、移していません（「${SHEET.archive}」に書き写した行は取り消しました。どの予約も片方のシートにだけあります）。` +
        `「${SHEET.bookings}」に残っている行は、もう一度「${CAPTION}」を実行すると、その時の内容で移します。`,
    );
  }
  if (run.inBoth.length > 0) {
    lines.push(
      `・${run.inBoth.length}件（${listIds(run.inBoth)}）は「${SHEET.bookings}」と「${SHEET.archive}」の両方にあります（保管の途中で行が動いたかコピーされ、どちらを残すか決められませんでした）。` +
        `「${SHEET.archive}」のその行の「${BOOKING.checkResult}」に印を付けました。2つの行を見比べ、片方を削除してください。`,
    );
  }
  if (run.displaced.length > 0) {
    lines.push(
      `・削除の直前に「${SHEET.bookings}」の行が動いた（行の挿入・削除・並べ替え・コピー）ため、${listIds(run.displaced)} の行の代わりに別の行を削除した可能性があります。` +
        `「${SHEET.bookings}」から消えた予約がないか確かめ、あれば「ファイル」>「変更履歴」から戻してください。`,
    );
  }
  if (run.editedMeanwhile.length > 0) {
    lines.push(
      `・${listIds(run.editedMeanwhile)} は、「${SHEET.bookings}」から削除する直前に行が編集されました。「${SHEET.archive}」の行にその編集が入っていない可能性があるため、「${BOOKING.checkResult}」に印を付けました。内容を確かめてください。`,
    );
  }
  if (run.restored.length > 0) {
    lines.push(
      `・削除の直前に行が動いたため、${listIds(run.restored)} の行が「${SHEET.bookings}」から消えていました。消える前の内容で「${SHEET.bookings}」の下に作り直し、「${BOOKING.checkResult}」にエラーを付けました。内容を確かめてください（その間に自分で削除した行なら、もう一度削除してください）。`,
    );
  }
  if (run.conflicting.length > 0) {
    lines.push(
      `・${run.conflicting.length}件（${listIds(run.conflicting)}）は、「${SHEET.archive}」に同じ予約IDの行があるのに内容が違うため、「${SHEET.bookings}」に残しました。2つの行を見比べ、正しい内容を「${SHEET.archive}」に残してから「${SHEET.bookings}」の行を手で削除してください。`,
    );
  }
  if (run.duplicatedId.length > 0) {
    lines.push(
      `・予約ID ${listIds(run.duplicatedId)} は「${SHEET.bookings}」の複数の行にあるため移していません。コピーして作った行の「予約ID」を空にして「すべての予約をチェック」を実行してから、もう一度保管してください。`,
    );
  }
  if (run.unmatchedValues.length > 0) {
    lines.push(
      `・${run.unmatchedValues.length}件（${listIds(run.unmatchedValues)}）は、見出しのない列（または同じ見出しが2つある列）に値があるため移していません。その列に重ならない見出しを付けてから、もう一度実行してください。`,
    );
  }
  if (run.withoutId > 0) {
    lines.push(
      `・予約IDのない${run.withoutId}件は移していません。「すべての予約をチェック」で予約IDを付けてから、もう一度実行してください。`,
    );
  }
  if (run.deferred > 0) {
    lines.push(
      `・残りの${run.deferred}件は、もう一度実行すると移します（1回に移す量を区切っています）。`,
    );
  }
  if (!run.noShowsRecorded) {
    lines.push(
      `・「${SHEET.archive}」の無断キャンセル回数を記録できませんでした。対象者の「無断キャンセル回数」とチェックの注意に保管分が数えられていない可能性があります。管理者に連絡してください。`,
    );
  }
  lines.push(...run.settingProblems.map((p) => `・${p}`));
  return lines;
}

function report(run: ArchiveRun): void {
  const attempted = run.appended > 0 || run.left.length + run.inBoth.length > 0;
  const done =
    run.deleted > 0
      ? `${run.deleted}件の予約を「${SHEET.archive}」に移しました（相談日が${formatDayWithYear(run.cutoff)}より前の終わった予約）。`
      : attempted
        ? `「${SHEET.archive}」に移した予約はありません。`
        : `保管する予約はありませんでした（相談日が${formatDayWithYear(run.cutoff)}より前の、終わった予約が対象です）。`;
  const added =
    run.addedHeaders.length > 0
      ? [`「${SHEET.archive}」に列を追加しました: ${run.addedHeaders.join('、')}`]
      : [];
  const needs = followUps(run);
  if (needs.length === 0 && added.length === 0) return toast(done, CAPTION);
  const lines = [done, ...added];
  if (needs.length > 0) lines.push('', '確認してください:', ...needs);
  alert(lines.join('\n'), CAPTION);
}
