// What every check needs besides the bookings themselves: 設定, the roster (対象者), the extra
// closed days (休業日) and the no-show counts. Each sheet is read in one batch.
import { parseClosedDays, parseRoster, type CheckContext } from '../core/check';
import { CLOSED_DAY, ROSTER, SHEET } from '../core/schema';
import { parseSettings, type Settings } from '../core/settings';
import { dayOf, type LocalDate } from '../core/time';
import { readRosterSheet } from '../sheet/roster';
import { readSettingRows } from '../sheet/settingsSheet';
import { readChunked } from './chunkedProperty';
import { fieldReader, readTable, type Table } from '../sheet/table';
import { documentProperties, PROPERTY } from './properties';

export function loadSettings(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): {
  settings: Settings;
  problems: string[];
} {
  const sheet = spreadsheet.getSheetByName(SHEET.settings);
  const rows = sheet ? readSettingRows(sheet) : [];
  return parseSettings(rows);
}

export interface LoadedContext {
  /** Everything except noShowCounts, which needs the bookings (see withNoShowCounts). */
  base: Omit<CheckContext, 'noShowCounts'>;
  /** 設定, 対象者 and 休業日 problems, in Japanese, for a dialog or the log. */
  problems: string[];
  /** 対象者 as read (null when the sheet is missing), for a later write in the same run. */
  rosterTable: Table | null;
}

export function loadCheckContext(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  now: Date,
): LoadedContext {
  const { settings, problems } = loadSettings(spreadsheet);
  const roster = readRosterSheet(spreadsheet);
  const parsedRoster = parseRoster(recordsOf(roster, ROSTER));
  const parsedClosed = readClosedDays(spreadsheet, dayOf(now));
  return {
    base: { settings, roster: parsedRoster.entries, closedDays: parsedClosed.closedDays, now },
    problems: [...problems, ...parsedRoster.problems, ...parsedClosed.problems],
    rosterTable: roster,
  };
}

/** 休業日, read and parsed (a day typed without a year is the next on or after `today`). */
export function readClosedDays(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  today: LocalDate,
): ReturnType<typeof parseClosedDays> {
  const sheet = spreadsheet.getSheetByName(SHEET.closedDays);
  return parseClosedDays(recordsOf(sheet ? readTable(sheet) : null, CLOSED_DAY), today);
}

/** A table's rows as { field: value } through a schema; none when the sheet is missing. */
function recordsOf<F extends string>(table: Table | null, schema: Readonly<Record<F, string>>) {
  if (!table) return [];
  const read = fieldReader(table.headers, schema); // columns located once per table
  return table.rows.map((row) => ({ rowNumber: row.rowNumber, values: read(row) }));
}

/** No-show counts of archived bookings (kept by the archive so checks never read history). */
export function archivedNoShowCounts(): Map<string, number> {
  const stored = readChunked(documentProperties(), PROPERTY.archivedNoShowCounts).text;
  if (!stored) return new Map();
  try {
    const parsed = JSON.parse(stored) as Record<string, unknown>;
    return new Map(
      Object.entries(parsed).filter(
        (e): e is [string, number] => typeof e[1] === 'number' && e[1] > 0,
      ),
    );
  } catch {
    console.warn(
      `${PROPERTY.archivedNoShowCounts}: stored value is not JSON; archived no-shows ignored`,
    );
    return new Map();
  }
}

/** Live counts plus archived ones, per normalised 求職番号. */
export function addCounts(...maps: ReadonlyMap<string, number>[]): Map<string, number> {
  const total = new Map<string, number>();
  for (const map of maps) for (const [key, n] of map) total.set(key, (total.get(key) ?? 0) + n);
  return total;
}
