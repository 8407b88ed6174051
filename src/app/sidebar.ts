// 空き枠を表示: the sidebar staff keep open while on the phone, and the server functions it calls
// through google.script.run. The page is a convenience, not a gate: every request is read again
// here, and a booking is added only after the same check the menus run finds no error in it.
import { writeCheckLine } from '../core/writeChecks';
import { checkBookings, countNoShows, normalizeBooking, type RawBooking } from '../core/check';
import * as say from '../core/checkMessages';
import { freeSlots, readBackLines } from '../core/freeSlots';
import { nfkc, normalizeSeekerNo, normalizeTime } from '../core/normalize';
import { BOOKING, CHANNELS, type BookingField, SHEET, STATUS } from '../core/schema';
import {
  dayOf,
  formatMonth,
  formatTime,
  instantAt,
  parseIsoDay,
  type LocalDate,
  type TimeOfDay,
} from '../core/time';
import {
  bookingReader,
  bookingRows,
  missingBookingHeaders,
  readBookingSheet,
} from '../sheet/bookings';
import { forSheet } from '../sheet/ownedWrites';
import {
  type Cell,
  cellText,
  firstFreeRowNumber,
  isBlankRow,
  readSheetValues,
  type Table,
} from '../sheet/table';
import {
  type AddBookingResult,
  type BookingForm,
  DEFAULT_DAYS,
  type FreeSlotsRequest,
  type FreeSlotsResponse,
  type SeekerLookup,
  type SidebarServer,
} from '../ui/shared/sidebarApi';
import { actorName, AuditLog } from './auditLog';
import { issueBookingIds } from './bookingIds';
import { writeBookingCells } from './bookingWrites';
import { checkAndRecord, NeedsPerson } from './checkService';
import { addCounts, archivedNoShowCounts, loadCheckContext } from './context';
import { withScriptLock } from './lock';
import { runCommand } from './command';
import { describeError } from './runAction';
import { BUSY_MESSAGE } from './ui';

const SIDEBAR_PAGE = 'sidebar';
const SIDEBAR_TITLE = '空き枠';
const MAX_DAYS = 30;
/** Longer form values are refused: nobody types 200 characters into a name or an address. */
const MAX_FIELD_LENGTH = 200;
const AUDIT_ACTION = '空き枠から予約を追加';

export function menuShowFreeSlots(): void {
  runCommand('menuShowFreeSlots', () => {
    const page = HtmlService.createHtmlOutputFromFile(SIDEBAR_PAGE).setTitle(SIDEBAR_TITLE);
    SpreadsheetApp.getUi().showSidebar(page);
  });
}

const UNEXPECTED =
  'サーバーで予期しないエラーが起きました。もう一度お試しください。続くときは管理者に連絡してください。';

/** Server functions never show a stack to the page; the log keeps it without personal data. */
function serve<T>(name: string, work: () => T): T {
  try {
    return work();
  } catch (error) {
    console.error(`${name} failed: ${describeError(error)}`);
    throw new Error(UNEXPECTED);
  }
}

function text(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

// ---------------------------------------------------------------------------------------------
// Free slots

export function sidebarGetFreeSlots(request: FreeSlotsRequest): FreeSlotsResponse {
  return serve('sidebarGetFreeSlots', () => {
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    const now = new Date();
    const today = dayOf(now);
    const table = readBookingSheet(spreadsheet);
    const { base } = loadCheckContext(spreadsheet, now);
    const allOffices = [...base.settings.offices];
    if (!table || missingBookingHeaders(table).length > 0) {
      return {
        ok: false,
        today,
        allOffices,
        offices: [],
        days: [],
        messages: [
          `「${SHEET.bookings}」シートが整っていません。メニュー「初期設定」を実行してください。`,
        ],
      };
    }
    const office = text(request?.office);
    const requestedDays = typeof request?.days === 'number' ? request.days : DEFAULT_DAYS;
    const view = freeSlots({
      today,
      settings: base.settings,
      closedDays: base.closedDays,
      bookings: readBookings(table, today),
      businessDays: Math.min(Math.max(1, Math.floor(requestedDays) || DEFAULT_DAYS), MAX_DAYS),
      ...(allOffices.includes(office) ? { offices: [office] } : {}),
    });
    return { ok: true, today, allOffices, offices: view.offices, days: view.days, messages: [] };
  });
}

function rawBookings(table: Table): RawBooking[] {
  const read = bookingReader(table);
  return bookingRows(table).map((row) => ({ rowNumber: row.rowNumber, values: read(row) }));
}

function readBookings(table: Table, today: LocalDate) {
  return rawBookings(table).map((raw) => normalizeBooking(raw, today));
}

// ---------------------------------------------------------------------------------------------
// Looking a job seeker up in 対象者

export function sidebarLookupSeeker(seekerNo: string): SeekerLookup {
  return serve('sidebarLookupSeeker', () => {
    const empty: SeekerLookup = {
      seekerNo: '',
      found: false,
      name: '',
      office: '',
      officer: '',
      noShowCount: 0,
      messages: [],
    };
    const input = text(seekerNo).slice(0, MAX_FIELD_LENGTH);
    const normalized = normalizeSeekerNo(input);
    if (!normalized.ok) return { ...empty, messages: [say.seekerNoProblem(normalized.failure)] };
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    const now = new Date();
    const today = dayOf(now);
    const { base } = loadCheckContext(spreadsheet, now);
    const entry = base.roster.find((e) => e.seekerNo === normalized.value);
    if (!entry) return { ...empty, seekerNo: normalized.value, messages: [say.notInRoster()] };
    const table = readBookingSheet(spreadsheet);
    const live = table ? countNoShows(readBookings(table, today)) : new Map<string, number>();
    const noShowCount = addCounts(live, archivedNoShowCounts()).get(entry.seekerNo) ?? 0;
    const messages: string[] = [];
    if (entry.suspended) messages.push(say.suspended(entry.rowNumber));
    if (entry.supportEnd !== null && entry.supportEnd < today) {
      messages.push(say.afterSupport(today, entry.supportEnd, entry.rowNumber));
    }
    if (noShowCount >= base.settings.suspendThreshold) {
      messages.push(say.manyNoShows(noShowCount, base.settings.suspendThreshold));
    }
    return {
      seekerNo: entry.seekerNo,
      found: true,
      name: entry.name,
      office: entry.office,
      officer: entry.officer,
      noShowCount,
      messages,
    };
  });
}

// ---------------------------------------------------------------------------------------------
// Adding a booking

type FormValues = { [K in keyof BookingForm]: string };

/** The form as plain trimmed strings of bounded length; anything else is an empty field. */
function readForm(form: unknown): FormValues {
  const f = (form ?? {}) as Record<string, unknown>;
  const get = (key: keyof BookingForm) => text(f[key]).slice(0, MAX_FIELD_LENGTH);
  return {
    date: get('date'),
    start: get('start'),
    office: get('office'),
    name: get('name'),
    seekerNo: get('seekerNo'),
    email: get('email'),
    meetingUrl: get('meetingUrl'),
    channel: get('channel'),
  };
}

/**
 * 開始時刻 from the page: a time and nothing else (10:00, １０：００). The sheet accepts 14:00～ from
 * the leaflet, but a form that sends text after the time was tampered with or mistyped, and that
 * text (an address, a 求職番号) must never reach the sheet or the log.
 */
function strictTime(input: string): TimeOfDay | null {
  const text = nfkc(input).trim();
  if (!/^\d{1,2}:\d{2}$/.test(text)) return null;
  const read = normalizeTime(text);
  return read.ok ? read.value : null;
}

const START_ONLY_MESSAGE = `「${BOOKING.start}」は 10:00 のように時刻だけを選んでください（時刻の後ろに文字は付けられません）。`;

function refused(messages: string[]): AddBookingResult {
  return { ok: false, added: false, id: '', rowNumber: 0, readBack: [], messages };
}

export function sidebarAddBooking(form: BookingForm): AddBookingResult {
  return serve('sidebarAddBooking', () => {
    const values = readForm(form);
    const day = parseIsoDay(values.date);
    if (day === null) return refused([say.missing(BOOKING.date)]);
    if (!(CHANNELS as readonly string[]).includes(values.channel)) {
      return refused([
        say.error(`「${BOOKING.channel}」を${CHANNELS.join('・')}から選んでください。`),
      ]);
    }
    const start = strictTime(values.start);
    if (start === null) return refused([say.error(START_ONLY_MESSAGE)]);
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    const locked = withScriptLock(() => {
      try {
        return addBooking(spreadsheet, { ...values, start: formatTime(start) }, day, new Date());
      } catch (error) {
        if (error instanceof NeedsPerson) return refused([error.message]);
        throw error;
      }
    });
    return locked.ok ? locked.value : refused([BUSY_MESSAGE]);
  });
}

/** Under the lock: check the booking with every other row, then append it and record its check. */
function addBooking(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  form: FormValues,
  day: LocalDate,
  now: Date,
): AddBookingResult {
  const table = readBookingSheet(spreadsheet);
  if (!table || missingBookingHeaders(table).length > 0) {
    throw new NeedsPerson(
      `「${SHEET.bookings}」シートが整っていません。メニュー「初期設定」を実行してください。`,
    );
  }
  const today = dayOf(now);
  const { base } = loadCheckContext(spreadsheet, now);
  const seekerNo = normalizeSeekerNo(form.seekerNo);
  const entry = seekerNo.ok ? base.roster.find((e) => e.seekerNo === seekerNo.value) : undefined;
  const rowNumber = firstFreeRowNumber(table);
  const candidate: Partial<Record<BookingField, Cell>> = {
    channel: form.channel,
    name: form.name,
    seekerNo: seekerNo.ok ? seekerNo.value : form.seekerNo,
    email: form.email,
    date: instantAt(day),
    start: form.start,
    office: form.office,
    officer: entry?.officer ?? '',
    meetingUrl: form.meetingUrl,
    status: STATUS.taken,
    takenAt: now,
    updatedAt: now,
    month: formatMonth(day),
  };
  const raw = rawBookings(table);
  const live = countNoShows(raw.map((r) => normalizeBooking(r, today)));
  const ctx = { ...base, noShowCounts: addCounts(live, archivedNoShowCounts()) };
  const results = checkBookings([...raw, { rowNumber, values: candidate }], ctx);
  const precheck = results[results.length - 1];
  if (!precheck || precheck.errors.length > 0) {
    return refused(precheck ? [...precheck.errors, ...precheck.warnings] : [say.internalFailure()]);
  }

  const idIndex = table.headers.indexOf(BOOKING.id);
  const [id] = issueBookingIds(
    1,
    table.rows.map((row) => row.values[idIndex]),
    spreadsheet,
  );
  const values: Partial<Record<BookingField, Cell>> = {
    ...candidate,
    id: id!,
    email: precheck.booking.email ?? form.email,
    meetingUrl: precheck.booking.meetingUrl ?? form.meetingUrl,
  };
  const row = rowOf(table.headers, values);
  const placed =
    rowNumber <= table.rows.length + 1 ? writeIntoFreeRow(table.sheet, rowNumber, row) : null;
  if (!placed) table.sheet.appendRow(row);
  // From here on the booking is in the sheet: whatever fails, the page is told so, never
  // "server error" (which would make staff add it again).
  try {
    return afterAppend(spreadsheet, table, row, id!, { form, day, now, base, placed });
  } catch (error) {
    console.error(`sidebarAddBooking: added ${id!}, then failed: ${describeError(error)}`);
    return added(id!, 0, [say.error(ADDED_BUT_NOT_CHECKED(id!))]);
  }
}

const ADDED_BUT_NOT_CHECKED = (id: string) =>
  `予約は「${SHEET.bookings}」シートに追加されました（予約ID ${id}）が、その後のチェックか記録が途中で止まりました。もう一度追加せず、メニュー「すべての予約をチェック」を実行して、その行のチェック結果を確かめてください。`;

function added(id: string, rowNumber: number, messages: string[]): AddBookingResult {
  return { ok: false, added: true, id, rowNumber, readBack: [], messages };
}

/**
 * Finds the appended row by its 予約ID (one read of the 予約ID column, one of the row) and checks
 * it still holds what was appended; then checks and records it and logs the addition. A row a
 * person changed or took in between is reported, never written again.
 */
function afterAppend(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  table: Table,
  row: Cell[],
  id: string,
  context: {
    form: FormValues;
    day: LocalDate;
    now: Date;
    base: ReturnType<typeof loadCheckContext>['base'];
    placed: Placed | null;
  },
): AddBookingResult {
  const { form, day, now, base, placed } = context;
  const log = new AuditLog(actorName('menu'));
  const found = placed
    ? findWritten(table, id, row, placed)
    : { rowNumber: findAppended(table, id, row), collision: null };
  const { rowNumber, collision } = found;
  if (rowNumber !== null && collision !== null) {
    return afterCollision(spreadsheet, table, { id, rowNumber, collision, log });
  }
  if (rowNumber === null) {
    log.add({ action: AUDIT_ACTION, bookingId: id, detail: '追加後に行を確かめられませんでした' });
    log.flush(spreadsheet);
    return added(id, 0, [
      say.error(
        `予約を「${SHEET.bookings}」シートの末尾に追加しましたが（予約ID ${id}）、追加した直後に別の人の入力や並べ替えで行が変わり、確かめられませんでした。` +
          `もう一度追加せず、シートで予約ID ${id} の行を探し、内容が正しいか確かめてから「すべての予約をチェック」を実行してください（行が見当たらなければ、もう一度追加してください）。`,
      ),
    ]);
  }
  const run = checkAndRecord(spreadsheet, { now, onlyRows: new Set([rowNumber]) });
  const recorded = run.recorded.find((c) => c.id === id);
  log.add({ action: AUDIT_ACTION, bookingId: id, detail: `${day} ${form.start} ${form.office}` });
  log.flush(spreadsheet);
  if (!recorded || recorded.result.errors.length > 0) {
    const found = recorded ? [...recorded.result.errors, ...recorded.result.warnings] : [];
    return added(id, rowNumber, [
      ...found,
      `予約は「${SHEET.bookings}」シートの${rowNumber}行目（予約ID ${id}）に追加されましたが、チェックでエラーになりました。行を直すか、「状態」をキャンセルにしてください。`,
    ]);
  }
  const b = recorded.result.booking;
  return {
    ok: true,
    added: true,
    id,
    rowNumber,
    readBack: readBackLines({
      date: day,
      start: b.start ?? 0,
      durationMinutes: base.settings.durationMinutes,
      office: b.office,
      name: b.name,
      seekerNo: b.seekerNo ?? '',
      email: b.email ?? '',
      deadlineDays: base.settings.deadlineDays,
      officePhone: base.settings.phones[b.office] ?? '',
    }),
    messages: recorded.result.warnings,
  };
}

/** Staff text the sheet stores as given: a row that took the appended one differs here. */
const VERIFIED_HEADERS = [BOOKING.name, BOOKING.email, BOOKING.office, BOOKING.meetingUrl];

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
function findAppended(table: Table, id: string, appended: readonly Cell[]): number | null {
  const sheet = table.sheet;
  const idColumn = table.headers.indexOf(BOOKING.id) + 1;
  const ids = readSheetValues(sheet, 1, idColumn, -1, 1).map((r) => cellText(r[0]));
  const rows = ids.flatMap((value, i) => (value === id ? [i + 1] : []));
  if (rows.length !== 1) return null;
  const [now] = readSheetValues(sheet, rows[0]!, 1, 1, appended.length);
  return sameStaffText(table.headers, now ?? [], appended) ? rows[0]! : null;
}

/** The booking written into a free row: where, and every row below the header as read just before. */
interface Placed {
  rowNumber: number;
  before: Cell[][];
}

/**
 * A row the write into a free row took from someone: rows were inserted above the free row in
 * the one call between the re-read and the write, and the row pushed down into it was
 * overwritten. `lost` is that row as the re-read showed it (null: it was not there then — a row
 * inserted and typed in that very call, or more than one row changed — and cannot be rebuilt).
 */
interface Collision {
  lost: Cell[] | null;
}

const hasContent = (row: readonly Cell[]) => !isBlankRow(row, new Set());

/**
 * Finds the booking written into a free row (one read of the rows below the header) and checks
 * what happened around it since the re-read before the write: the sheet has more rows and a row
 * it held then is gone (neither in place nor under its 予約ID) — the write took that row.
 */
function findWritten(
  table: Table,
  id: string,
  written: readonly Cell[],
  placed: Placed,
): { rowNumber: number | null; collision: Collision | null } {
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
  const left = new Map<string, number>();
  const idsNow = new Set<string>();
  after.forEach((r, i) => {
    if (i === index) return;
    const key = JSON.stringify(r);
    left.set(key, (left.get(key) ?? 0) + 1);
    const rowId = cellText(r[idIndex]);
    if (rowId !== '') idsNow.add(rowId);
  });
  const gone = placed.before.filter((r) => {
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
  return { rowNumber, collision: { lost: gone.length === 1 ? gone[0]! : null } };
}

// Write-check lines (core/writeChecks): the check keeps them until a person edits the row.
const overwrittenFlag = (rowNumber: number) =>
  writeCheckLine(
    new Date(),
    `空き枠から予約を追加したとき、同時に行の挿入があり、この行の予約（${rowNumber}行目にあったもの）が上書きされました。上書きされる前の内容でこの行を作り直しました。内容が正しいか確かめてから「すべての予約をチェック」を実行してください。`,
  );

const unseenFlag = () =>
  writeCheckLine(
    new Date(),
    `この予約を書き込む直前に、すぐ上に行が挿入されました。その行に入力していた内容があれば、この予約で上書きされています。入力していた人に確かめ、消えた予約があれば入力し直してから「すべての予約をチェック」を実行してください。`,
  );

/**
 * The write into a free row took a row (Collision): the taken row is rebuilt from the re-read
 * into the next free row (or appended), flagged エラー: for a person; when it cannot be rebuilt,
 * the new booking's row is flagged instead. Logged with ids and row numbers only; the page says
 * what happened.
 */
function afterCollision(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  table: Table,
  c: { id: string; rowNumber: number; collision: Collision; log: AuditLog },
): AddBookingResult {
  const { id, rowNumber, collision, log } = c;
  const idIndex = table.headers.indexOf(BOOKING.id);
  const checkIndex = table.headers.indexOf(BOOKING.checkResult);
  if (collision.lost) {
    const lostId = cellText(collision.lost[idIndex]);
    const rebuilt = collision.lost.map((cell, i) =>
      i === checkIndex ? overwrittenFlag(rowNumber) : forSheet(cell),
    );
    if (!writeIntoFreeRow(table.sheet, null, rebuilt)) table.sheet.appendRow(rebuilt);
    log.add({
      action: AUDIT_ACTION,
      bookingId: lostId,
      detail: `追加と同時に行の挿入があり、${rowNumber}行目にあったこの予約の行を上書きしました。上書き前の内容で行を作り直し、エラーを付けました`,
    });
    log.add({
      action: AUDIT_ACTION,
      bookingId: id,
      detail: `${rowNumber}行目に追加（別の行と重なりました）`,
    });
    log.flush(spreadsheet);
    return added(id, rowNumber, [
      say.error(
        `予約は「${SHEET.bookings}」シートの${rowNumber}行目に追加しました（予約ID ${id}）。ただし追加の瞬間に別の人が行を挿入したため、その行にあった予約（予約ID ${lostId || 'なし'}）を上書きしてしまいました。その予約は上書き前の内容でシートの下の方に作り直し、「${BOOKING.checkResult}」にエラーを付けました。その行の内容を確かめてから「すべての予約をチェック」を実行してください。この予約はもう一度追加しないでください。`,
      ),
    ]);
  }
  writeBookingCells(table.sheet, [
    {
      key: { id },
      header: BOOKING.checkResult,
      expected: '',
      value: unseenFlag(),
    },
  ]);
  log.add({
    action: AUDIT_ACTION,
    bookingId: id,
    detail: `${rowNumber}行目に追加。書き込みの直前に行の挿入があり、入力中の行を上書きした可能性があります`,
  });
  log.flush(spreadsheet);
  return added(id, rowNumber, [
    say.error(
      `予約は「${SHEET.bookings}」シートの${rowNumber}行目に追加しました（予約ID ${id}）が、書き込みの直前に別の人がすぐ上に行を挿入しました。その行に入力中の予約があれば上書きされています。シートを確かめ、消えた予約があれば入力し直してください。この予約はもう一度追加しないでください。`,
    ),
  ]);
}

/**
 * Rows of only unticked checkboxes (FALSE) below the bookings are no bookings, but appendRow
 * would add below them (row 1001 of a FALSE-filled 参加 column, out of staff's sight). Then the
 * booking goes into the first such row: every row is re-read just before the write (the free row
 * is found in that read, not in the older one) and the write goes right after it, through a
 * range taken before the read, so the window is the one call between that read and the write.
 * What happened in it is found afterwards (findWritten) and never left silent. Without such
 * rows — the usual case — appendRow adds the row atomically. `expected` is where the free row
 * was in the run's first read (null: not known). Null when there is no free row now.
 */
function writeIntoFreeRow(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  expected: number | null,
  row: Cell[],
): Placed | null {
  let range = expected === null ? null : sheet.getRange(expected, 1, 1, row.length);
  const before = readSheetValues(sheet, 2, 1, -1, row.length);
  let last = before.length - 1;
  while (last >= 0 && !hasContent(before[last]!)) last--;
  const free = last + 1;
  if (free >= before.length) return null;
  const rowNumber = free + 2;
  if (!range || rowNumber !== expected) range = sheet.getRange(rowNumber, 1, 1, row.length);
  range.setValues([row]);
  return { rowNumber, before };
}

/** What a cell holds after appendRow: text behind an apostrophe is stored without it. */
function storedAs(cell: Cell): Cell {
  return typeof cell === 'string' && cell.startsWith("'") ? cell.slice(1) : cell;
}

/**
 * The booking as one row under 予約's headers, for Sheet.appendRow: one call that adds the row
 * after the last row with content, so it never overwrites a row a person is typing (a row of
 * only unticked checkboxes — FALSE — counts as content there: the booking goes below it; such
 * rows are not bookings). Text Sheets would read as a formula goes in behind an apostrophe;
 * 求職番号 stays text through the column's plain-text format that 初期設定 sets.
 */
function rowOf(headers: readonly string[], values: Partial<Record<BookingField, Cell>>): Cell[] {
  const byHeader = new Map<string, Cell>();
  for (const [field, value] of Object.entries(values) as [BookingField, Cell][]) {
    byHeader.set(BOOKING[field], value);
  }
  byHeader.set(BOOKING.joined, false);
  return headers.map((header, i) =>
    headers.indexOf(header) === i ? forSheet(byHeader.get(header) ?? '') : '',
  );
}

/** Checked by the compiler: these functions have the signatures the page calls them with. */
const _server: SidebarServer = { sidebarGetFreeSlots, sidebarLookupSeeker, sidebarAddBooking };
