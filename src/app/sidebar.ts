// 空き枠を表示: the sidebar staff keep open while on the phone, and the server functions it calls
// through google.script.run. The page is a convenience, not a gate: every request is read again
// here, and a booking is added only after the same check the menus run finds no error in it.
import { checkBookings, countNoShows, normalizeBooking, type RawBooking } from '../core/check';
import * as say from '../core/checkMessages';
import { freeSlots, readBackLines } from '../core/freeSlots';
import { normalizeSeekerNo } from '../core/normalize';
import { BOOKING, CHANNELS, MENU_ITEMS, type BookingField, SHEET, STATUS } from '../core/schema';
import { dayOf, formatMonth, instantAt, parseIsoDay, type LocalDate } from '../core/time';
import {
  bookingReader,
  bookingRows,
  missingBookingHeaders,
  readBookingSheet,
} from '../sheet/bookings';
import { forSheet } from '../sheet/ownedWrites';
import { type Cell, firstFreeRowNumber, type Table } from '../sheet/table';
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
import { describeError, runMenuAction } from './runAction';
import { BUSY_MESSAGE } from './ui';

const CAPTION = MENU_ITEMS[4].caption;
const SIDEBAR_PAGE = 'sidebar';
const SIDEBAR_TITLE = '空き枠';
const MAX_DAYS = 30;
/** Longer form values are refused: nobody types 200 characters into a name or an address. */
const MAX_FIELD_LENGTH = 200;
const AUDIT_ACTION = '空き枠から予約を追加';

export function menuShowFreeSlots(): void {
  runMenuAction(CAPTION, () => {
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
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    const locked = withScriptLock(() => {
      try {
        return addBooking(spreadsheet, values, day, new Date());
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
  );
  appendRow(table, rowNumber, {
    ...candidate,
    id: id!,
    email: precheck.booking.email ?? form.email,
    meetingUrl: precheck.booking.meetingUrl ?? form.meetingUrl,
  });

  const run = checkAndRecord(spreadsheet, { now, onlyRows: new Set([rowNumber]) });
  const recorded = run.recorded.find((c) => c.id === id);
  const log = new AuditLog(actorName('menu'));
  log.add({ action: AUDIT_ACTION, bookingId: id!, detail: `${day} ${form.start} ${form.office}` });
  log.flush(spreadsheet);
  if (!recorded || recorded.result.errors.length > 0) {
    const found = recorded ? [...recorded.result.errors, ...recorded.result.warnings] : [];
    return {
      ok: false,
      added: true,
      id: id!,
      rowNumber,
      readBack: [],
      messages: [
        ...found,
        `予約は「${SHEET.bookings}」シートの${rowNumber}行目（予約ID ${id}）に追加されましたが、チェックでエラーになりました。行を直すか、「状態」をキャンセルにしてください。`,
      ],
    };
  }
  const b = recorded.result.booking;
  return {
    ok: true,
    added: true,
    id: id!,
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

/**
 * Writes the booking into the first row below the data, by header. The 求職番号 cell is made
 * plain text first (so 33010-00000001 stays text); staff text is guarded against formulas.
 */
function appendRow(
  table: Table,
  rowNumber: number,
  values: Partial<Record<BookingField, Cell>>,
): void {
  const sheet = table.sheet;
  if (rowNumber > sheet.getMaxRows())
    sheet.insertRowsAfter(sheet.getMaxRows(), rowNumber - sheet.getMaxRows());
  const byHeader = new Map<string, Cell>();
  for (const [field, value] of Object.entries(values) as [BookingField, Cell][]) {
    byHeader.set(BOOKING[field], value);
  }
  byHeader.set(BOOKING.joined, false);
  const row = table.headers.map((header, i) =>
    table.headers.indexOf(header) === i ? forSheet(byHeader.get(header) ?? '') : '',
  );
  const seekerColumn = table.headers.indexOf(BOOKING.seekerNo);
  sheet.getRange(rowNumber, seekerColumn + 1).setNumberFormat('@');
  sheet.getRange(rowNumber, 1, 1, row.length).setValues([row]);
}

/** Checked by the compiler: these functions have the signatures the page calls them with. */
const _server: SidebarServer = { sidebarGetFreeSlots, sidebarLookupSeeker, sidebarAddBooking };
