// Checking the 予約 rows and recording the outcome: the one place that turns the pure check into
// sheet writes. Used by the check menus now, and by sending and the triggers (which check again
// before they act). The caller holds the script lock.
import { groupBy } from '../core/groupBy';
import {
  checkBookings,
  countNoShows,
  normalizeBooking,
  type CheckResult,
  type NormalizedBooking,
} from '../core/check';
import { sentDetailsOf, withLedgerFindings } from '../core/invitationLedger';
import { withCarriedWriteChecks } from '../core/writeChecks';
import { normalizeStatus } from '../core/normalize';
import { BOOKING, SEND_FAILED_MARK, SHEET, STATUS } from '../core/schema';
import type { Settings } from '../core/settings';
import { dayOf, formatMonth } from '../core/time';
import {
  BOOKING_WRITE_PLAN,
  bookingReader,
  bookingRows,
  missingBookingHeaders,
  readBookingSheet,
} from '../sheet/bookings';
import { keyOfRowOrCopy, type OwnedChange, type WriteOutcome } from '../sheet/ownedWrites';
import { type Cell, cellText, type Table, type TableRow } from '../sheet/table';
import { issueBookingIds } from './bookingIds';
import { InvitationLedger } from './invitationLedger';
import { writeBookingCells } from './bookingWrites';
import { addCounts, archivedNoShowCounts, loadCheckContext, type LoadedContext } from './context';

/** A problem only a person can fix before the script can work (shown as a dialog). */
export class NeedsPerson extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NeedsPerson';
  }
}

/**
 * 予約, read in one batch, with the headers this action needs (the script-owned ones and 状態
 * always); otherwise a NeedsPerson saying to run 初期設定.
 */
export function requireBookingSheet(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  alsoNeeded: readonly string[],
): Table {
  const table = readBookingSheet(spreadsheet);
  if (!table) {
    throw new NeedsPerson(
      `「${SHEET.bookings}」シートがありません。メニュー「初期設定」を実行してください。`,
    );
  }
  const missing = [
    ...missingBookingHeaders(table),
    ...alsoNeeded.filter((h) => !table.headers.includes(h)),
  ];
  if (missing.length > 0) {
    throw new NeedsPerson(
      `「${SHEET.bookings}」シートに見出し ${[...new Set(missing)].map((h) => `「${h}」`).join('')} がありません。` +
        'メニュー「初期設定」を実行すると列が追加されます（見出しの名前を変えた場合は元に戻してください）。',
    );
  }
  return table;
}

export interface CheckedRow {
  row: TableRow;
  result: CheckResult;
  /** The 予約ID the row has after this run ('' if it could not be given one). */
  id: string;
}

export interface CheckRun {
  table: Table;
  /** Every booking row, checked together (capacity and clashes need them all). */
  checked: CheckedRow[];
  /** The rows whose cells this run recorded: all, or the selected ones. */
  recorded: CheckedRow[];
  outcome: WriteOutcome;
  /** 設定 as read for this check, so later steps of the same run need not read it again. */
  settings: Settings;
  /** The roster and closed days as read for this check, for the same reason. */
  context: LoadedContext['base'];
  /** 対象者 as read for this check (the tick writes 無断キャンセル回数 from it). */
  rosterTable: Table | null;
  /** 設定 / 対象者 / 休業日 / 予約 problems for the person who ran it. */
  problems: string[];
}

export function checkAndRecord(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  options: { now: Date; onlyRows?: ReadonlySet<number> },
): CheckRun {
  const table = requireBookingSheet(spreadsheet, []);
  const { base, problems, rosterTable } = loadCheckContext(spreadsheet, options.now);
  const rows = bookingRows(table);
  const targets = rows.flatMap((row, i) =>
    !options.onlyRows || options.onlyRows.has(row.rowNumber) ? [i] : [],
  );
  // New ids first, so that messages about a clash can name the other booking by its id.
  const idIndex = table.headers.indexOf(BOOKING.id);
  const needIds = targets.filter((i) => cellText(rows[i]!.values[idIndex]) === '');
  const read = bookingReader(table);
  const today = dayOf(options.now);
  const ledger = InvitationLedger.load();
  const sameInvitationAs = ledger.sameInvitationIndex();
  // A row whose 予約ID was cleared gets it back when it shows an invitation the ledger holds
  // under an id no row has: the booking stays one booking (and is never mailed again).
  const idsOnSheet = new Set(table.rows.map((row) => cellText(row.values[idIndex])));
  const restoredIds = new Map<number, string>();
  for (const i of needIds) {
    const booking = normalizeBooking(
      { rowNumber: rows[i]!.rowNumber, values: read(rows[i]!) },
      today,
    );
    const id = sameInvitationAs('', sentDetailsOf(booking));
    if (id === undefined || idsOnSheet.has(id)) continue;
    idsOnSheet.add(id);
    restoredIds.set(i, id);
  }
  const fresh = needIds.filter((i) => !restoredIds.has(i));
  const newIds = issueBookingIds(
    fresh.length,
    table.rows.map((row) => row.values[idIndex]),
    spreadsheet,
  );
  const idOf = new Map([...restoredIds, ...fresh.map((i, n): [number, string] => [i, newIds[n]!])]);

  const raw = rows.map((row, i) => {
    const values = read(row);
    const newId = idOf.get(i);
    return {
      rowNumber: row.rowNumber,
      values: newId === undefined ? values : { ...values, id: newId },
    };
  });
  // Only the few rows that need it are read twice (the check reads every row once, below):
  // rows a person fixed after a refused send lose their 送信失敗 mark, and no-shows are counted.
  const marked = (i: number, text: string) => cellText(raw[i]!.values.invitedAt).startsWith(text);
  const failureFixed = new Set(
    targets.filter(
      (i) => marked(i, SEND_FAILED_MARK) && fixedSinceFailure(normalizeBooking(raw[i]!, today)),
    ),
  );
  for (const i of failureFixed) {
    raw[i] = { ...raw[i]!, values: { ...raw[i]!.values, invitedAt: '' } };
  }
  const live = countNoShows(
    raw.filter((r) => isNoShow(r.values.status)).map((r) => normalizeBooking(r, today)),
  );
  const results = checkBookings(raw, {
    ...base,
    noShowCounts: addCounts(live, archivedNoShowCounts()),
  }).map((result, i) => {
    const id = idOf.get(i) ?? cellText(rows[i]!.values[idIndex]);
    const entry = ledger.get(id);
    const sameAs = entry ? undefined : sameInvitationAs(id, sentDetailsOf(result.booking));
    const previous = cellText(rows[i]!.values[table.headers.indexOf(BOOKING.checkResult)]);
    return withCarriedWriteChecks(withLedgerFindings(result, entry, sameAs), previous);
  });

  const checked = rows.map((row, i) => ({
    row,
    result: results[i]!,
    id: idOf.get(i) ?? cellText(row.values[idIndex]),
  }));
  const changes = targets.flatMap((i) =>
    recordChanges(table, checked[i]!, idOf.get(i), options.now, failureFixed.has(i)),
  );
  const outcome = writeBookingCells(table.sheet, changes);
  return {
    table,
    checked,
    recorded: targets.map((i) => checked[i]!),
    outcome,
    settings: base.settings,
    context: base,
    rosterTable,
    problems: [...problems, ...duplicatedIdProblems(checked)],
  };
}

/** Edited (最終更新) after the mail service refused its invitation. */
function fixedSinceFailure(booking: NormalizedBooking): boolean {
  const failure = booking.sendFailure;
  if (failure === null || booking.updatedAt === null) return false;
  return failure.at === null || booking.updatedAt > failure.at;
}

/**
 * The script-owned cells a check writes: 予約ID (new), 受付日時 (if blank), 相談月, チェック結果,
 * and 招待メール送信日時 back to blank when a refused send's row has been fixed.
 */
function recordChanges(
  table: Table,
  checked: CheckedRow,
  newId: string | undefined,
  now: Date,
  clearFailure: boolean,
): OwnedChange[] {
  const { row, result } = checked;
  // A copied row's エラー (same 予約ID) must reach both copies: key them as copies of the id.
  const key = keyOfRowOrCopy(BOOKING_WRITE_PLAN, table, row);
  const current = (header: string): Cell => row.values[table.headers.indexOf(header)] ?? '';
  const change = (header: string, value: Cell): OwnedChange => ({
    key,
    header,
    expected: current(header),
    value,
  });
  const changes = [
    change(BOOKING.checkResult, result.text),
    change(BOOKING.month, result.booking.date ? formatMonth(result.booking.date) : ''),
  ];
  if (newId !== undefined) changes.push(change(BOOKING.id, newId));
  if (clearFailure) changes.push(change(BOOKING.invitedAt, ''));
  if (current(BOOKING.takenAt) === '') changes.push(change(BOOKING.takenAt, now));
  return changes;
}

/** A copied row carries its 予約ID along; the script cannot tell the two apart, so it says so. */
function duplicatedIdProblems(checked: readonly CheckedRow[]): string[] {
  const rowsById = groupBy(
    checked.filter((c) => c.id !== ''),
    (c) => c.id,
  );
  return [...rowsById]
    .filter(([, rows]) => rows.length > 1)
    .map(
      ([id, rows]) =>
        `予約ID ${id} が ${rows.map((c) => `${c.row.rowNumber}行目`).join('・')} にあります。` +
        '行をコピーして作った予約なら、その行の「予約ID」を空にしてから、もう一度チェックしてください。',
    );
}

function isNoShow(status: unknown): boolean {
  const read = normalizeStatus(status);
  return read.ok && read.value === STATUS.noShow;
}
