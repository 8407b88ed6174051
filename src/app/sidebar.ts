// 空き枠を表示: the sidebar staff keep open while on the phone, and the server functions it calls
// through google.script.run. The page is a convenience, not a gate: every request is read again
// here, and a booking is added only after the same check the menus run finds no error in it.
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
  if (!writeIntoFreeRow(table, rowNumber, row)) table.sheet.appendRow(row);
  // From here on the booking is in the sheet: whatever fails, the page is told so, never
  // "server error" (which would make staff add it again).
  try {
    return afterAppend(spreadsheet, table, row, id!, { form, day, now, base });
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
  },
): AddBookingResult {
  const { form, day, now, base } = context;
  const log = new AuditLog(actorName('menu'));
  const rowNumber = findAppended(table, id, row);
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

/** The row holding `id` exactly once and still the staff text appended, or null. */
function findAppended(table: Table, id: string, appended: readonly Cell[]): number | null {
  const sheet = table.sheet;
  const idColumn = table.headers.indexOf(BOOKING.id) + 1;
  const ids = readSheetValues(sheet, 1, idColumn, -1, 1).map((r) => cellText(r[0]));
  const rows = ids.flatMap((value, i) => (value === id ? [i + 1] : []));
  if (rows.length !== 1) return null;
  const [now] = readSheetValues(sheet, rows[0]!, 1, 1, appended.length);
  const same = VERIFIED_HEADERS.every((header) => {
    const i = table.headers.indexOf(header);
    return cellText(now?.[i]) === cellText(storedAs(appended[i] ?? ''));
  });
  return same ? rows[0]! : null;
}

/**
 * Rows of only unticked checkboxes (FALSE) below the bookings are no bookings, but appendRow
 * would add below them (row 1001 of a FALSE-filled 参加 column, out of staff's sight). Then the
 * booking goes into the first such row, re-read just before the write and written only if it is
 * still free: the window is the one call between that read and the write (README, Known
 * limitations). Without such rows — the usual case — appendRow adds the row atomically.
 */
function writeIntoFreeRow(table: Table, rowNumber: number, row: Cell[]): boolean {
  if (rowNumber > table.rows.length + 1) return false;
  const now = readSheetValues(table.sheet, rowNumber, 1, 1, row.length)[0] ?? [];
  if (!now.every((cell) => cell === false || cellText(cell) === '')) return false;
  table.sheet.getRange(rowNumber, 1, 1, row.length).setValues([row]);
  return true;
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
