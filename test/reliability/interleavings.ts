// The property-based sweep of issue 13 (test/reliability/interleavings.test.ts uses this): a
// person acts just before one spreadsheet call of a run (send menu, tick, archive, sidebar add,
// 初期設定) — sorts 予約, inserts rows above, deletes a row, pastes a duplicate row (same 予約ID),
// clears script-owned cells, edits an address or a 状態 — then ticks and the send menu run again
// until nothing changes. After each case the invariants SPEC §4 promises are checked:
//   1. at most one invitation per 予約ID, and per booking, ever;
//   2. every booking row is in 予約 or 予約_保管 exactly once (a row the person deleted: in 予約
//      never, in 予約_保管 at most once), and no row appears that nobody typed;
//   3. every person's edit is intact (staff cells as typed, 状態 as typed or moved by the
//      script's own transitions, the invitation sent to the address the row shows), or the row
//      carries an `エラー:` in チェック結果;
//   4. a 予約ID on two rows is an `エラー:` on both, and no id ever names two bookings;
//   5. a 送信中 left in 招待メール送信日時 is flagged in チェック結果; the runs converge.
// Rows are tracked by a marker in 備考 (a staff column the script never writes), because the
// perturbations clear and copy 予約ID; each booking also has its own 会議URL, which is how an
// invitation (whose body carries the URL and the 予約ID) is traced back to its booking.
import { readFileSync } from 'node:fs';
import { Emulator, type RunResult } from '../../emulator/index';
import { isSpreadsheetMethod } from '../../emulator/runtime';
import type { CellValue, WorkbookSnapshot } from '../../emulator/snapshot';
import { underHeaders } from '../../runner/staff';
import {
  BOOKING,
  type BookingField,
  ERROR_PREFIX,
  SENDING_MARK,
  SETTING,
  SHEET,
  STATUS,
} from '../../src/core/schema';
import type { AddBookingResult, BookingForm } from '../../src/ui/shared/sidebarApi';
import { bookingOf, setSetting, typeBookings, workbookWith } from '../bundle/helpers';

export const STAFF = 'staff@hellowork.example.jp';
/** Cases start here: five minutes after the base workbook was made (and M7 was sent). */
export const CASE_START = '2026-12-01T09:05:00+09:00';
const URL_PREFIX = 'https://teleoffice.example.jp/meet/';
const GRID_ROWS = 40;

// ---------------------------------------------------------------------------------------------
// Scenario vocabulary

export const ENTRY_POINTS = ['send', 'tick', 'archive', 'sidebar', 'setup'] as const;
export type EntryPoint = (typeof ENTRY_POINTS)[number];

export const ENTRY_TITLES: Record<EntryPoint, string> = {
  send: 'menu 招待メールを送信 (confirmed YES)',
  tick: 'the 10-minute tick (automatic send on)',
  archive: 'menu 過去の予約を保管 (confirmed YES)',
  sidebar: "callServer('sidebarAddBooking', …)",
  setup: 'menu 初期設定',
};

export const SORT_COLUMNS = [
  BOOKING.date,
  BOOKING.name,
  BOOKING.note,
  BOOKING.id,
  BOOKING.email,
  BOOKING.status,
] as const;
export const CLEARABLE = ['invitedAt', 'status', 'id'] as const;
export type Clearable = (typeof CLEARABLE)[number];
export const ADDRESSES = ['shiko@gmail.com', 'new.address@example.jp', 'broken address'] as const;
export const STATUS_EDITS = [STATUS.cancelled, STATUS.taken, ''] as const;

/** `row` picks a data row (0 = first below the header) modulo the rows there are at that moment. */
export type Action =
  | { kind: 'sort'; column: (typeof SORT_COLUMNS)[number]; ascending: boolean }
  | { kind: 'insertAbove'; row: number; count: number; typeBooking: boolean }
  | { kind: 'deleteRow'; row: number }
  | { kind: 'pasteDuplicate'; row: number; at: 'below' | 'end' }
  | { kind: 'clearOwned'; row: number; fields: Clearable[] }
  | { kind: 'editAddress'; row: number; address: string }
  | { kind: 'editStatus'; row: number; status: string };
export type ActionKind = Action['kind'];
export const ACTION_KINDS: readonly ActionKind[] = [
  'sort',
  'insertAbove',
  'deleteRow',
  'pasteDuplicate',
  'clearOwned',
  'editAddress',
  'editStatus',
];

export interface Case {
  entry: EntryPoint;
  /** 0-based index of the spreadsheet call of the entry's run the person acts before. */
  call: number;
  action: Action;
}

export function describeAction(a: Action): string {
  const row = 'row' in a ? `data row #${a.row} (mod rows)` : '';
  switch (a.kind) {
    case 'sort':
      return `sorts 予約 by ${a.column} ${a.ascending ? 'ascending' : 'descending'}`;
    case 'insertAbove':
      return `inserts ${a.count} row(s) above ${row}${a.typeBooking ? ' and types a new booking (N1) into the first' : ''}`;
    case 'deleteRow':
      return `deletes ${row}`;
    case 'pasteDuplicate':
      return `copies ${row} (same 予約ID) and pastes it ${a.at === 'below' ? 'into a row inserted below it' : 'below the last row'}`;
    case 'clearOwned':
      return `clears ${a.fields.map((f) => BOOKING[f]).join(', ')} of ${row}`;
    case 'editAddress':
      return `types メールアドレス ${JSON.stringify(a.address)} into ${row}`;
    case 'editStatus':
      return `types 状態 ${JSON.stringify(a.status)} into ${row}`;
  }
}

// ---------------------------------------------------------------------------------------------
// The base workbook

const urlOf = (key: string) => `${URL_PREFIX}${key.toLowerCase()}`;

/** Bookings by marker (備考). M5/M6 are old and finished (archivable), M7 was sent in the base. */
const BASE_ROWS: Record<string, Partial<Record<BookingField, string | boolean>>> = {
  M5: bookingOf(0, { date: '2026/05/12', status: STATUS.held }),
  M6: bookingOf(1, { date: '2026/04/01', status: STATUS.cancelled, start: '11:00' }),
  M7: bookingOf(2, { date: '2026/12/03', start: '10:00' }),
  M1: bookingOf(0, { start: '10:00' }),
  M2: bookingOf(1, { start: '10:00' }),
  M3: bookingOf(2, { start: '11:00', status: STATUS.cancelled }),
  // A 注意 that still sends (a typo domain is an エラー since issue 16 §4).
  M4: bookingOf(3, { start: '14:00', email: 'shiko@docomo.ne.jp' }),
};

/** The booking a person types into an inserted row. */
const NEW_ROW = bookingOf(3, { date: '2026/12/03', start: '11:00' });
export const NEW_MARKER = 'N1';
/** The booking the sidebar adds (its row has no 備考; it is tracked by its URL). */
export const SIDEBAR_KEY = 's1';
export const SIDEBAR_FORM: BookingForm = {
  date: '2026-12-03',
  start: '15:00',
  office: '倉敷中央',
  name: '試験 花子',
  seekerNo: '33010-00000002',
  email: 'hanako@example.jp',
  meetingUrl: urlOf(SIDEBAR_KEY),
  channel: '電話',
};

function withMarker(
  marker: string,
  row: Partial<Record<BookingField, string | boolean>>,
): Partial<Record<BookingField, string | boolean>> {
  return { ...row, meetingUrl: urlOf(marker), note: marker };
}

export interface Base {
  snapshot: WorkbookSnapshot;
  /** The document properties (the only store the emulator keeps). */
  properties: Record<string, string>;
  /** Invitations sent while making the base (M7's). */
  mails: Mail[];
  /** Staff values of each base row, by marker, as the sheet holds them. */
  rows: Map<string, Record<string, CellValue>>;
  bundle: { code: string; filename: string };
}

export interface Mail {
  to: string;
  id: string;
  key: string;
}

/**
 * 初期設定, roster and settings (自動送信 はい, no quiet time, alerts to STAFF), M5–M7 typed and
 * sent (M7 becomes 確定), then M1–M4 typed and checked (every row has its 予約ID). Sheets are
 * trimmed to 40 rows: a snapshot of 1000-row sheets costs ~50 ms to load, this one ~3 ms.
 */
export function makeBase(): Base {
  const emu = workbookWith([]);
  setSetting(emu, SETTING.alertTo, STAFF);
  setSetting(emu, SETTING.autoSend, 'はい');
  setSetting(emu, SETTING.quietMinutes, '0');
  const first = ['M5', 'M6', 'M7'];
  typeBookings(
    emu,
    first.map((m) => withMarker(m, BASE_ROWS[m]!)),
  );
  const sent = emu.run('menuSendInvitations', [], { kind: 'menu' });
  if (sent.error || emu.mail.sent.length !== 1) {
    throw new Error(`base: sending M7 failed: ${sent.error?.message ?? emu.mail.sent.length}`);
  }
  const rest = ['M1', 'M2', 'M3', 'M4'];
  typeBookings(
    emu,
    rest.map((m) => withMarker(m, BASE_ROWS[m]!)),
  );
  const checked = emu.run('menuCheckAllRows', [], { kind: 'menu' });
  if (checked.error) throw new Error(`base: check failed: ${checked.error.message}`);
  for (const sheet of emu.workbook.sheets) {
    if (sheet.maxRows > GRID_ROWS)
      emu.person.deleteRows(sheet.name, GRID_ROWS + 1, sheet.maxRows - GRID_ROWS);
  }
  const rows = new Map<string, Record<string, CellValue>>();
  for (const record of emu.records(SHEET.bookings)) {
    if (!record[BOOKING.id]) throw new Error('base: a row without 予約ID');
    rows.set(identity(record), record);
  }
  if (rows.size !== 7) throw new Error(`base: ${rows.size} rows`);
  return {
    snapshot: emu.snapshot(),
    properties: emu.properties.document.getAll(),
    mails: invitations(emu),
    rows,
    bundle: { code: readFileSync('dist/Code.js', 'utf8'), filename: 'Code.js' },
  };
}

export function freshEmulator(base: Base): Emulator {
  const emu = new Emulator({ now: CASE_START, workbook: base.snapshot, bundle: base.bundle });
  emu.properties.document.setAll(base.properties);
  emu.ui.setDefault('accept');
  return emu;
}

// ---------------------------------------------------------------------------------------------
// Reading the outcome

function text(value: CellValue | undefined): string {
  return String(value ?? '').trim();
}

function urlKey(value: CellValue | undefined): string {
  const url = text(value);
  return url.startsWith(URL_PREFIX) ? url.slice(URL_PREFIX.length) : url;
}

/** A row's marker (備考), or `url:<key>` for a row without one (the sidebar's). */
export function identity(record: Record<string, CellValue>): string {
  const note = text(record[BOOKING.note]);
  if (note) return note;
  const key = urlKey(record[BOOKING.meetingUrl]);
  return key ? `url:${key}` : '';
}

/**
 * The booking (会議URL key) a marker belongs to: M3+ (a pasted copy of M3) is M3's booking, and
 * url:s1+ (a pasted copy of the sidebar's row) is s1's.
 */
export function bookingKeyOf(marker: string): string {
  const original = marker.replace(/\++$/, '');
  return original.startsWith('url:') ? original.slice(4) : original.toLowerCase();
}

export function invitations(emu: Emulator): Mail[] {
  return emu.mail.sent
    .filter((m) => m.to !== STAFF)
    .map((m) => {
      const body = `${m.subject}\n${m.body ?? ''}`;
      const id = /予約番号[：:]\s*(\S+)/.exec(body)?.[1] ?? '';
      const key = new RegExp(`${URL_PREFIX.replace(/[./]/g, '\\$&')}([A-Za-z0-9]+)`).exec(
        body,
      )?.[1];
      return { to: m.to, id, key: key ?? '' };
    });
}

function cellKey(value: CellValue | undefined): string {
  if (value instanceof Date || Object.prototype.toString.call(value) === '[object Date]') {
    return `date:${(value as Date).getTime()}`;
  }
  return `${typeof value}:${String(value ?? '')}`;
}

/** Cells staff own (状態 is shared and checked on its own). */
const STAFF_FIELDS = [
  BOOKING.channel,
  BOOKING.name,
  BOOKING.seekerNo,
  BOOKING.email,
  BOOKING.date,
  BOOKING.start,
  BOOKING.office,
  BOOKING.officer,
  BOOKING.meetingUrl,
  BOOKING.joined,
  BOOKING.note,
];

/** Any cell holding something (an unticked checkbox's FALSE alone is not a row). */
function hasContent(record: Record<string, CellValue>): boolean {
  return Object.values(record).some((v) => v !== false && text(v) !== '');
}

const hasError = (record: Record<string, CellValue>) =>
  text(record[BOOKING.checkResult]).includes(ERROR_PREFIX);

// ---------------------------------------------------------------------------------------------
// One case

export interface Expected {
  /** Staff values the row must still show (null: not tracked, the sidebar's row). */
  fields: Record<string, CellValue> | null;
  /** 状態 as the person last typed it, and how many invitations had gone by then. */
  status?: { value: string; mailsBefore: number };
  /** メールアドレス as the person typed it, and how many invitations had gone by then. */
  email?: { value: string; mailsBefore: number };
  /** Must be in 予約 or 予約_保管 exactly once; false: the person deleted it. */
  present: boolean | 'maybe';
}

export interface Fired {
  /** The spreadsheet call the person acted before, e.g. `Range.setValues`. */
  method: string;
  index: number;
  /** The action changed 予約 (a sort of sorted rows, say, does not). */
  effective: boolean;
  did: string;
}

export interface Outcome {
  fired: Fired | undefined;
  /** Spreadsheet calls the perturbed run made. */
  calls: number;
  violations: Violation[];
  /**
   * Breakages inside the one window Sheets cannot close, which the run told the person about:
   * a booking typed into a row inserted in the one call before the archive's deleteRows was never
   * read by the script, so deleteRows may take it in place of a block row (README "Known
   * limitations"). Counted and reported, not failed, only when the dialog names the check.
   */
  residuals: Violation[];
  /** Runs made for the case (perturbed + re-runs + onEdit triggers). */
  runs: number;
  story: string[];
}

export interface Violation {
  invariant:
    | 'one invitation'
    | 'row kept once'
    | 'edit intact'
    | 'duplicate id'
    | 'stuck flagged'
    | 'converges';
  message: string;
}

export function runEntry(emu: Emulator, entry: EntryPoint): RunResult {
  switch (entry) {
    case 'send':
      return emu.run('menuSendInvitations', [], { kind: 'menu' });
    case 'tick':
      return emu.run('onTenMinuteTick', [], { kind: 'time' });
    case 'archive':
      return emu.run('menuArchiveOldBookings', [], { kind: 'menu' });
    case 'sidebar':
      return emu.callServer('sidebarAddBooking', SIDEBAR_FORM);
    case 'setup':
      return emu.run('menuSetup', [], { kind: 'menu' });
  }
}

function bookingSheet(emu: Emulator): { headers: string[]; rows: CellValue[][] } {
  const [headers = [], ...rows] = emu.person.values(SHEET.bookings);
  return { headers: headers.map((h) => text(h)), rows };
}

function recordOf(headers: string[], row: readonly CellValue[]): Record<string, CellValue> {
  const out: Record<string, CellValue> = {};
  headers.forEach((h, i) => {
    if (h) out[h] = row[i] ?? '';
  });
  return out;
}

function columnLetter(column: number): string {
  let out = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) {
    out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  }
  return out;
}

/** The person's act, on the emulator, host-side; records what the invariants must expect. */
function act(
  emu: Emulator,
  action: Action,
  expected: Map<string, Expected>,
  story: string[],
): string {
  const { headers, rows } = bookingSheet(emu);
  const col = (h: string) => headers.indexOf(h) + 1;
  const records = rows.map((r) => recordOf(headers, r));
  // Rows a person can point at: those with a marker (blank rows are only structure).
  const marked = records.map((r, i) => ({ r, i })).filter(({ r }) => identity(r) !== '');
  const pick = (n: number) => marked[n % Math.max(1, marked.length)];
  const a1 = (rowIndex: number, header: string) => `${columnLetter(col(header))}${rowIndex + 2}`;
  const mailsNow = invitations(emu).length;
  const edit = (rowIndex: number, header: string, value: CellValue) => {
    const results = emu.edit(SHEET.bookings, a1(rowIndex, header), [[value]]);
    for (const r of results) if (r.error) story.push(`  (onEdit failed: ${r.error.message})`);
  };
  switch (action.kind) {
    case 'sort': {
      emu.person.sortRows(SHEET.bookings, {
        column: col(action.column),
        ascending: action.ascending,
      });
      return `sorted 予約 by ${action.column} ${action.ascending ? 'asc' : 'desc'}`;
    }
    case 'insertAbove': {
      const at = (action.row % Math.max(1, rows.length)) + 2;
      emu.person.insertRows(SHEET.bookings, at, action.count);
      if (!action.typeBooking) return `inserted ${action.count} row(s) at ${at}`;
      const [line] = underHeaders(headers, BOOKING, [withMarker(NEW_MARKER, NEW_ROW)]);
      const results = emu.edit(SHEET.bookings, `A${at}`, [line!]);
      for (const r of results) if (r.error) story.push(`  (onEdit failed: ${r.error.message})`);
      const typed = recordOf(headers, emu.person.values(SHEET.bookings)[at - 1] ?? []);
      expected.set(NEW_MARKER, { fields: typed, present: true });
      return `inserted ${action.count} row(s) at ${at} and typed N1 into row ${at}`;
    }
    case 'deleteRow': {
      if (rows.length === 0) return 'no row to delete';
      const index = action.row % rows.length;
      const marker = identity(records[index]!);
      emu.person.deleteRows(SHEET.bookings, index + 2, 1);
      const e = expected.get(marker);
      if (e) e.present = false;
      return `deleted row ${index + 2} (${marker || 'blank'})`;
    }
    case 'pasteDuplicate': {
      const target = pick(action.row);
      if (!target) return 'no row to copy';
      const copyMarker = `${identity(target.r)}+`;
      const values = [...rows[target.i]!];
      values[col(BOOKING.note) - 1] = copyMarker;
      let at: number;
      if (action.at === 'below') {
        at = target.i + 3;
        emu.person.insertRows(SHEET.bookings, at, 1);
      } else {
        at = rows.length + 2;
        if (at > emu.workbook.sheetByName(SHEET.bookings)!.maxRows) {
          emu.person.insertRows(SHEET.bookings, at - 1, 1);
        }
      }
      // A paste copies the cells' formats too: 求職番号 stays plain text.
      const results = emu.edit(SHEET.bookings, `A${at}`, [values.map((v) => v ?? '')]);
      for (const r of results) if (r.error) story.push(`  (onEdit failed: ${r.error.message})`);
      const pasted = recordOf(headers, emu.person.values(SHEET.bookings)[at - 1] ?? []);
      expected.set(copyMarker, { fields: pasted, present: true });
      return `pasted a copy of row ${target.i + 2} (${identity(target.r)}, 予約ID ${text(target.r[BOOKING.id])}) into row ${at} as ${copyMarker}`;
    }
    case 'clearOwned': {
      const target = pick(action.row);
      if (!target) return 'no row';
      const marker = identity(target.r);
      for (const field of action.fields) edit(target.i, BOOKING[field], '');
      // Clearing a 状態 that was already blank changes nothing a later write could lose.
      if (action.fields.includes('status') && text(target.r[BOOKING.status]) !== '') {
        const e = expected.get(marker);
        if (e) e.status = { value: '', mailsBefore: mailsNow };
      }
      return `cleared ${action.fields.map((f) => BOOKING[f]).join(', ')} of row ${target.i + 2} (${marker})`;
    }
    case 'editAddress': {
      const target = pick(action.row);
      if (!target) return 'no row';
      const marker = identity(target.r);
      edit(target.i, BOOKING.email, action.address);
      const e = expected.get(marker);
      if (e) e.email = { value: action.address, mailsBefore: mailsNow };
      return `typed メールアドレス ${action.address} into row ${target.i + 2} (${marker})`;
    }
    case 'editStatus': {
      const target = pick(action.row);
      if (!target) return 'no row';
      const marker = identity(target.r);
      const was = text(target.r[BOOKING.status]);
      edit(target.i, BOOKING.status, action.status);
      const e = expected.get(marker);
      // Typing the value the cell already shows changes nothing a later write could lose.
      if (e && was !== action.status) e.status = { value: action.status, mailsBefore: mailsNow };
      return `typed 状態 ${JSON.stringify(action.status)} into row ${target.i + 2} (${marker})`;
    }
  }
}

/** Spreadsheet calls of an unperturbed run of `entry` (what the call index ranges over). */
export function countCalls(base: Base, entry: EntryPoint): number {
  const emu = freshEmulator(base);
  const run = runEntry(emu, entry);
  if (run.error) throw new Error(`${entry} unperturbed: ${run.error.message}`);
  return run.counters.spreadsheetCalls;
}

const MAX_ROUNDS = 3;

export function runCase(base: Base, c: Case): Outcome {
  const emu = freshEmulator(base);
  const story: string[] = [];
  const expected = expectedFromBase(base);
  let runs = 0;
  let target: number | undefined;
  let index = 0;
  let fired: Fired | undefined;
  emu.hooks.before(
    /./,
    (ctx) => {
      if (!isSpreadsheetMethod(ctx.method)) return;
      target ??= ctx.execution.id;
      if (ctx.execution.id !== target) return;
      if (index++ !== c.call) return;
      const before = JSON.stringify(emu.person.values(SHEET.bookings));
      const did = act(emu, c.action, expected, story);
      const effective = JSON.stringify(emu.person.values(SHEET.bookings)) !== before;
      fired = { method: ctx.method, index: c.call, effective, did };
    },
    { times: Infinity },
  );
  // The sidebar's row is tracked from the start, so a person's act on it mid-run is recorded.
  const sidebarRow: Expected = { fields: null, present: 'maybe' };
  if (c.entry === 'sidebar') expected.set(`url:${SIDEBAR_KEY}`, sidebarRow);
  const run = runEntry(emu, c.entry);
  runs++;
  const toldPerson = emu.ui.dialogs.map((d) => d.message).join('\n');
  emu.hooks.clear();
  story.push(
    `${ENTRY_TITLES[c.entry]}: before spreadsheet call #${c.call} (${fired?.method ?? 'never reached'}) the person ${fired?.did ?? '—'}` +
      `${fired && !fired.effective ? ' (no change)' : ''}; the run ${run.error ? `failed: ${run.error.message}` : 'ended'}`,
  );
  for (const d of emu.ui.dialogs.slice(-1))
    story.push(`  dialog: ${d.message.replace(/\n/g, ' / ').slice(0, 300)}`);
  if (c.entry === 'sidebar') {
    const value = run.value as AddBookingResult | undefined;
    // Deleted by the person after the sidebar added it: stays deleted.
    if (sidebarRow.present !== false) {
      sidebarRow.present = run.error || !value ? 'maybe' : value.added;
    }
    story.push(`  sidebar answered added=${String(value?.added)} row=${String(value?.rowNumber)}`);
  }
  const violations: Violation[] = [];

  // Re-runs to convergence: 11 minutes later (a 送信中 is then overdue) the archive again when
  // it was the entry point, the send menu, then a tick; again while the tick still changed
  // something (a mail, a cell of 予約 or 予約_保管).
  const state = () =>
    JSON.stringify([emu.person.values(SHEET.bookings), emu.person.values(SHEET.archive)]) +
    emu.mail.sent.length;
  let converged = false;
  for (let round = 0; round < MAX_ROUNDS && !converged; round++) {
    emu.advance({ minutes: 11 });
    if (c.entry === 'archive') {
      // Its dialog says to run it again when it left rows (moved or edited meanwhile).
      const again = runEntry(emu, 'archive');
      runs++;
      if (again.error) story.push(`  re-run archive failed: ${again.error.message}`);
    }
    const send = runEntry(emu, 'send');
    if (send.error) story.push(`  re-run send failed: ${send.error.message}`);
    const stateBefore = state();
    const tick = runEntry(emu, 'tick');
    if (tick.error) story.push(`  re-run tick failed: ${tick.error.message}`);
    runs += 2;
    converged = state() === stateBefore;
  }
  if (!converged) {
    violations.push({
      invariant: 'converges',
      message: `the tick still changed something after ${MAX_ROUNDS} rounds of send + tick`,
    });
  }
  checkInvariants(emu, base, expected, violations);
  const inDeleteWindow =
    c.entry === 'archive' &&
    fired?.method === 'Sheet.deleteRows' &&
    c.action.kind === 'insertAbove' &&
    c.action.typeBooking;
  const unreadRowLost = (v: Violation) =>
    v.invariant === 'row kept once' && v.message.startsWith(`${NEW_MARKER} is in 予約 0×`);
  // The sidebar's write into a free row (README, Known limitations): a row inserted and typed
  // right there in the one call before the write was never read; the new booking's row says so.
  const inFreeRowWindow =
    c.entry === 'sidebar' &&
    fired?.method === 'Range.setValues' &&
    c.action.kind === 'insertAbove' &&
    c.action.typeBooking;
  const flaggedOnSheet = emu
    .records(SHEET.bookings)
    .some(
      (r) =>
        text(r[BOOKING.checkResult]).includes('すぐ上に行が挿入されました') &&
        text(r[BOOKING.checkResult]).includes('変更履歴'),
    );
  const residuals =
    (inDeleteWindow &&
      toldPerson.includes('別の行を削除した可能性') &&
      toldPerson.includes('変更履歴')) ||
    (inFreeRowWindow && flaggedOnSheet)
      ? violations.filter(unreadRowLost)
      : [];
  for (const r of residuals) violations.splice(violations.indexOf(r), 1);
  const mails = [...base.mails, ...invitations(emu)];
  if (violations.length > 0) {
    story.push(`  invitations: ${mails.map((m) => `${m.id}/${m.key}→${m.to}`).join(', ')}`);
    story.push(`  予約 at the end:`);
    for (const r of emu.records(SHEET.bookings)) story.push(`    ${rowLine(r)}`);
    story.push(`  予約_保管 at the end:`);
    for (const r of emu.records(SHEET.archive)) story.push(`    ${rowLine(r)}`);
  }
  return { fired, calls: index, violations, residuals, runs, story };
}

function rowLine(r: Record<string, CellValue>): string {
  const date = r[BOOKING.date];
  const day =
    date instanceof Date
      ? new Date(date.getTime() + 9 * 3_600_000).toISOString().slice(0, 10)
      : text(date);
  return [
    identity(r) || '(blank)',
    text(r[BOOKING.id]) || '(no id)',
    day,
    text(r[BOOKING.email]),
    text(r[BOOKING.status]) || '(blank)',
    `送信=${text(r[BOOKING.invitedAt]) ? (r[BOOKING.invitedAt] instanceof Date ? 'date' : text(r[BOOKING.invitedAt])) : ''}`,
    `チェック=${text(r[BOOKING.checkResult]).replace(/\n/g, ' | ').slice(0, 160)}`,
  ].join(' · ');
}

/** What the invariants expect of a case without any person's act: every base row, once. */
export function expectedFromBase(base: Base): Map<string, Expected> {
  const expected = new Map<string, Expected>();
  for (const [marker, fields] of base.rows) expected.set(marker, { fields, present: true });
  return expected;
}

export function checkInvariants(
  emu: Emulator,
  base: Base,
  expected: Map<string, Expected>,
  violations: Violation[] = [],
): Violation[] {
  const fail = (invariant: Violation['invariant'], message: string) =>
    violations.push({ invariant, message });
  const mails = [...base.mails, ...invitations(emu)];
  const live = emu.records(SHEET.bookings).filter(hasContent);
  const archived = emu.records(SHEET.archive).filter(hasContent);

  // 1. One invitation per 予約ID and per booking.
  for (const [what, keyOf] of [
    ['予約ID', (m: Mail) => m.id],
    ['booking (会議URL)', (m: Mail) => m.key],
  ] as const) {
    const counts = new Map<string, number>();
    for (const m of mails) counts.set(keyOf(m), (counts.get(keyOf(m)) ?? 0) + 1);
    for (const [key, n] of counts) {
      if (key === '') fail('one invitation', `an invitation without a readable ${what}`);
      else if (n > 1) fail('one invitation', `${n} invitations for ${what} ${key}`);
    }
  }

  // 2. Every row once; nothing nobody typed.
  const where = new Map<string, { sheet: string; record: Record<string, CellValue> }[]>();
  for (const [sheet, rows] of [
    [SHEET.bookings, live],
    [SHEET.archive, archived],
  ] as const) {
    for (const record of rows) {
      const id = identity(record);
      if (!expected.has(id)) {
        fail('row kept once', `${sheet} holds a row nobody typed: ${rowLine(record)}`);
        continue;
      }
      where.set(id, [...(where.get(id) ?? []), { sheet, record }]);
    }
  }
  for (const [marker, e] of expected) {
    const found = where.get(marker) ?? [];
    const inLive = found.filter((f) => f.sheet === SHEET.bookings).length;
    // A copy pasted with the same 予約ID is the same booking: the script cannot tell the two
    // rows apart (SPEC: a copied row's id is an エラー on both), so either may be the one kept.
    const twin = marker.endsWith('+') ? marker.slice(0, -1) : `${marker}+`;
    const twinFound = where.get(twin)?.length ?? 0;
    if (
      e.present === true &&
      found.length === 0 &&
      twinFound === 1 &&
      expected.get(twin)?.present === true
    ) {
      continue;
    }
    if (e.present === true && found.length !== 1) {
      fail(
        'row kept once',
        `${marker} is in 予約 ${inLive}× and 予約_保管 ${found.length - inLive}× (want once)`,
      );
    } else if (
      e.present === false &&
      // A row the person deleted may come back only flagged: in the one call before a block's
      // deleteRows the script cannot tell their deletion from its own mistaken one, and it
      // rebuilds the row rather than risk losing a booking (a person deletes it again).
      ((inLive > 0 &&
        !found.filter((f) => f.sheet === SHEET.bookings).every((f) => hasError(f.record))) ||
        found.length > 1)
    ) {
      fail(
        'row kept once',
        `${marker}, deleted by the person, is in 予約 ${inLive}× and 予約_保管 ${found.length - inLive}×`,
      );
    } else if (e.present === 'maybe' && found.length > 1) {
      fail('row kept once', `${marker} is there ${found.length}×`);
    }
  }

  // 3. Edits intact, or flagged.
  for (const [marker, e] of expected) {
    for (const { sheet, record } of where.get(marker) ?? []) {
      if (hasError(record)) continue;
      const problems: string[] = [];
      const typedEmail = e.email?.value;
      if (e.fields) {
        for (const h of STAFF_FIELDS) {
          if (h === BOOKING.email && typedEmail !== undefined) {
            if (text(record[h]) !== typedEmail) {
              problems.push(`${h} is ${text(record[h])}, typed ${typedEmail}`);
            }
          } else if (cellKey(record[h]) !== cellKey(e.fields[h])) {
            problems.push(`${h} is ${cellKey(record[h])}, was ${cellKey(e.fields[h])}`);
          }
        }
      } else if (typedEmail !== undefined && text(record[BOOKING.email]) !== typedEmail) {
        problems.push(`${BOOKING.email} is ${text(record[BOOKING.email])}, typed ${typedEmail}`);
      }
      const status = text(record[BOOKING.status]);
      const key = bookingKeyOf(marker);
      if (e.status) {
        const typed = e.status.value;
        const invitedSince = invitations(emu)
          .slice(e.status.mailsBefore)
          .some((m) => m.key === key);
        const ok =
          status === typed ||
          (typed === '' && status === STATUS.taken) ||
          ((typed === '' || typed === STATUS.taken) && status === STATUS.confirmed && invitedSince);
        if (!ok) {
          problems.push(`${BOOKING.status} is ${status || '(blank)'}, typed ${typed || '(blank)'}`);
        }
      } else if (e.fields) {
        const was = text(e.fields[BOOKING.status]);
        const moved =
          status === was ||
          ((was === '' || was === STATUS.taken) && status === STATUS.confirmed) ||
          (was === STATUS.confirmed && [STATUS.held, STATUS.noShow].includes(status as never));
        if (!moved) {
          problems.push(`${BOOKING.status} is ${status || '(blank)'}, was ${was || '(blank)'}`);
        }
      }
      // The invitation went where the row says. Mailed after the person fixed the address (or
      // while they did): an エラー:. Mailed before it, the change after the invitation must be
      // flagged (SPEC §4: flagged at once, 招待メールを再送 sends the new details).
      const shown = text(record[BOOKING.email]).toLowerCase();
      const flaggedChange = new RegExp(
        `(${ERROR_PREFIX}|注意:)[^\\n]*(${BOOKING.email}|再送)`,
      ).test(text(record[BOOKING.checkResult]));
      if (status === STATUS.confirmed && !marker.endsWith('+')) {
        mails.forEach((m, i) => {
          if (m.key !== key || m.to.toLowerCase() === shown) return;
          const before = e.email !== undefined && i < base.mails.length + e.email.mailsBefore;
          if (before && flaggedChange) return;
          problems.push(
            `the invitation went to ${m.to} ${before ? 'before' : 'after'} the person typed ${typedEmail ?? '?'}; the row shows ${shown} and 確定` +
              (before ? ' with no word about the change' : ''),
          );
        });
      }
      for (const p of problems) {
        fail('edit intact', `${marker} (${sheet}): ${p}, and no エラー: in チェック結果`);
      }
    }
  }

  // 4. Duplicate ids flagged; no id names two bookings.
  const byId = new Map<string, Record<string, CellValue>[]>();
  for (const record of live) {
    const id = text(record[BOOKING.id]);
    if (id) byId.set(id, [...(byId.get(id) ?? []), record]);
  }
  for (const [id, rows] of byId) {
    if (rows.length > 1 && !rows.every(hasError)) {
      fail(
        'duplicate id',
        `予約ID ${id} is on ${rows.length} rows (${rows.map(identity).join(', ')}), not all flagged エラー:`,
      );
    }
  }
  const owners = new Map<string, Set<string>>();
  const own = (id: string, key: string) => {
    if (!id || !key) return;
    owners.set(id, new Set([...(owners.get(id) ?? []), key]));
  };
  for (const [marker, fields] of base.rows) own(text(fields[BOOKING.id]), bookingKeyOf(marker));
  for (const record of [...live, ...archived])
    own(text(record[BOOKING.id]), bookingKeyOf(identity(record)));
  for (const m of mails) own(m.id, m.key);
  for (const [id, keys] of owners) {
    if (keys.size > 1)
      fail('duplicate id', `予約ID ${id} names ${keys.size} bookings: ${[...keys].join(', ')}`);
  }

  // 5. A 送信中 left behind is flagged.
  for (const record of live) {
    const invitedAt = record[BOOKING.invitedAt];
    if (typeof invitedAt === 'string' && invitedAt.startsWith(SENDING_MARK)) {
      if (!text(record[BOOKING.checkResult]).includes(SENDING_MARK)) {
        fail(
          'stuck flagged',
          `${identity(record)} shows ${invitedAt} without a word in チェック結果`,
        );
      }
    }
  }
  return violations;
}
