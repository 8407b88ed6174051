// 過去の予約を保管: the run's reads of 予約, 予約_保管 and 設定, and the plan over them
// (core/archive.ts decides which rows move and how columns match).
import {
  type ArchivePlan,
  type ArchiveValue,
  type ColumnMapping,
  type LiveRow,
  mapColumns,
  planArchive,
} from '../../core/archive';
import { NO_ARCHIVE_ID_HEADER, NO_ARCHIVE_SHEET } from '../../core/archiveWords';
import { normalizeBooking } from '../../core/booking';
import { addToGroup } from '../../core/groupBy';
import { BOOKING, SETTING, SHEET } from '../../core/schema';
import type { LocalDate } from '../../core/time';
import { bookingReader, bookingRows } from '../../sheet/bookings';
import { type Cell, cellText, readTable, type Table } from '../../sheet/table';
import { NeedsPerson, requireBookingSheet } from '../checkService';
import { loadSettings } from '../context';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface Sheets {
  bookings: Table;
  archive: Table;
  archiveWidth: number;
  months: number;
  settingProblems: string[];
}

/** The plan of a run, with the column mapping and 予約_保管's rows as read (padded). */
export interface Planned {
  mapping: ColumnMapping;
  archivedRows: ArchiveValue[][];
  plan: ArchivePlan;
}

export function readSheets(spreadsheet: Spreadsheet): Sheets {
  const { settings, problems } = loadSettings(spreadsheet);
  const bookings = bookingTable(spreadsheet);
  const archiveSheet = spreadsheet.getSheetByName(SHEET.archive);
  if (!archiveSheet) throw new NeedsPerson(NO_ARCHIVE_SHEET);
  const archive = readTable(archiveSheet);
  if (!archive.headers.includes(BOOKING.id)) throw new NeedsPerson(NO_ARCHIVE_ID_HEADER);
  return {
    bookings,
    archive,
    archiveWidth: trimHeaders(archive.headers).length,
    months: settings.archiveAfterMonths,
    settingProblems: problems.filter((p) => p.includes(SETTING.archiveAfterMonths)),
  };
}

export function planRun(sheets: Sheets, today: LocalDate): Planned {
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
  return { mapping, archivedRows, plan };
}

export function bookingTable(spreadsheet: Spreadsheet): Table {
  return requireBookingSheet(spreadsheet, [BOOKING.date]);
}

/** The header row without the blank cells after its last header. */
export function trimHeaders(headers: readonly string[]): string[] {
  let end = headers.length;
  while (end > 0 && headers[end - 1] === '') end--;
  return headers.slice(0, end);
}

export function padTo(values: readonly Cell[], width: number): ArchiveValue[] {
  return Array.from({ length: width }, (_, i) => values[i] ?? '');
}

export function liveRows(table: Table, today: LocalDate): LiveRow[] {
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
