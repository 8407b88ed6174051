// The work of the time-driven triggers (SPEC §4 "Time-driven work"). The caller holds the script
// lock. Each step reads what it needs in batches, decides in src/core, and writes through
// writeOwnedCells, so a person's edit made meanwhile is never overwritten. A step that fails is
// logged and the others still run; the first failure is rethrown at the end so Apps Script
// e-mails the trigger owner.
import {
  alertDigest,
  closedDayFinding,
  decodeAlerted,
  encodeAlerted,
  newFindings,
  rememberAlerted,
  type AlertedPairs,
  type AlertFinding,
} from '../core/alerts';
import { normalizeBooking, type NormalizedBooking } from '../core/booking';
import { countNoShows, statusTransition, type StatusTransition } from '../core/noShows';
import { normalizeSeekerNo } from '../core/normalize';
import { overdueFlags, type OverdueContext } from '../core/overdue';
import { BOOKING, ROSTER, STATUS } from '../core/schema';
import { decodeHeartbeat, encodeHeartbeat, type Heartbeat } from '../core/selfCheck';
import type { Settings } from '../core/settings';
import { dayOf } from '../core/time';
import { bookingReader, bookingRows, readBookingSheet } from '../sheet/bookings';
import { type OwnedChange, writeOwnedCells } from '../sheet/ownedWrites';
import { writeBookingCells } from './bookingWrites';
import { readRosterSheet, ROSTER_WRITE_PLAN } from '../sheet/roster';
import { cellText, type Table, type TableRow } from '../sheet/table';
import { actorName, AuditLog } from './auditLog';
import { readChunked, writeChunked } from './chunkedProperty';
import { checkAndRecord, type CheckRun, NeedsPerson } from './checkService';
import { addCounts, archivedNoShowCounts, loadCheckContext, type LoadedContext } from './context';
import { describeError } from './runAction';
import { sendReadyInvitations } from './sendService';
import { documentProperties, PROPERTY } from './properties';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Document property (split into `.1`, `.2` … when long) of the (予約ID, level) pairs alerted. */
export const ALERTED_PROPERTY = PROPERTY.overdueAlerted;
/** Document property: when the last 10-minute run finished and whether a step failed (自己診断, onOpen). */
export const HEARTBEAT_PROPERTY = PROPERTY.lastTenMinuteRun;

/** Records that a 10-minute run finished. Never throws: it must not hide the run's own error. */
export function recordHeartbeat(finishedAt: Date, failed: boolean): void {
  try {
    documentProperties().setProperty(HEARTBEAT_PROPERTY, encodeHeartbeat({ finishedAt, failed }));
  } catch (error) {
    console.error(`tick heartbeat not recorded: ${describeError(error)}`);
  }
}

/** The last 10-minute run as recorded, or null. Works in simple triggers (onOpen) too. */
export function readHeartbeat(): Heartbeat | null {
  return decodeHeartbeat(documentProperties().getProperty(HEARTBEAT_PROPERTY));
}

/** The 10-minute tick: check, send (if 自動送信), no-shows, missing-invitation alerts, counts. */
export function runTenMinuteWork(spreadsheet: Spreadsheet, now: Date): void {
  const steps = new Steps();
  const checked = steps.run('check', () => checkAndRecord(spreadsheet, { now }));
  const context = contextOf(steps, checked, spreadsheet, now);
  if (!context) return steps.rethrow();
  const log = new AuditLog(actorName('trigger'));
  let sheetChanged = false;
  if (context.base.settings.autoSend) {
    // The check above ran under this same lock hold: the sender need not check again.
    const options = { now, automatic: true, log, ...(checked ? { checked } : {}) };
    const sent = steps.run('send', () => sendReadyInvitations(spreadsheet, options));
    if (sent?.readyAtStart !== 0) sheetChanged = true;
  }
  // The check's read is still good for what follows: it wrote only script-owned cells the
  // decisions below do not use, and every write re-reads and guards what it decided on. After a
  // send, 招待メール送信日時 and 状態 changed: read again.
  const bookings =
    checked && !sheetChanged
      ? bookingsOfCheck(checked)
      : steps.run('read', () => readBookings(spreadsheet, now));
  if (bookings) {
    const settled =
      steps.run('noShows', () => markNoShows(bookings, context.base.settings, now)) ?? [];
    // The counts and alerts see the new statuses; the log names only the changes that stuck.
    for (const { item, transition } of settled) item.booking.status = transition.to;
    logNoShows(settled, context.base.settings, log);
    steps.run('alerts', () => alertStaff(spreadsheet, bookings, context, now, log));
    steps.run('noShowCounts', () => recountNoShows(spreadsheet, bookings, context.rosterTable));
  }
  steps.run('log', () => log.flush(spreadsheet));
  steps.rethrow();
}

/** The daily tick: a check run (so a 休業日 added later flags its bookings) and the alerts. */
export function runDailyWork(spreadsheet: Spreadsheet, now: Date): void {
  const steps = new Steps();
  const checked = steps.run('check', () => checkAndRecord(spreadsheet, { now }));
  const context = contextOf(steps, checked, spreadsheet, now);
  const bookings = !context
    ? undefined
    : checked
      ? bookingsOfCheck(checked)
      : steps.run('read', () => readBookings(spreadsheet, now));
  if (context && bookings) {
    const log = new AuditLog(actorName('trigger'));
    steps.run('alerts', () => alertStaff(spreadsheet, bookings, context, now, log));
    steps.run('log', () => log.flush(spreadsheet));
  }
  steps.rethrow();
}

/** What the check loaded (設定, 対象者, 休業日); read again only if the check itself failed. */
function contextOf(
  steps: Steps,
  checked: CheckRun | undefined,
  spreadsheet: Spreadsheet,
  now: Date,
): LoadedContext | undefined {
  if (checked) {
    return { base: checked.context, problems: checked.problems, rosterTable: checked.rosterTable };
  }
  if (steps.needsPerson) return undefined;
  return steps.run('context', () => loadCheckContext(spreadsheet, now));
}

/** Runs steps one by one, isolating failures: logged now, the first rethrown at the end. */
class Steps {
  private readonly failures: unknown[] = [];
  /** 初期設定 has not made the sheets (or a header was renamed): nothing to do until it runs. */
  needsPerson = false;

  /** The step's value; undefined when it failed. */
  run<T>(name: string, work: () => T): T | undefined {
    try {
      return work();
    } catch (error) {
      if (error instanceof NeedsPerson) {
        // A person sees this in the menus; a mail every 10 minutes would only be noise.
        console.warn(`tick ${name}: skipped until 初期設定 is run`);
        this.needsPerson = true;
        return undefined;
      }
      console.error(`tick ${name} failed: ${describeError(error)}`);
      this.failures.push(error);
      return undefined;
    }
  }

  rethrow(): void {
    if (this.failures.length > 0) throw this.failures[0];
  }
}

// ---------------------------------------------------------------------------------------------
// Reading

interface BookingsRead {
  table: Table;
  items: { row: TableRow; booking: NormalizedBooking }[];
}

/**
 * The rows as the check read and normalised them (same rows, same reading as readBookings; ids
 * the check gave are in the bookings). Copies: the tick updates statuses it wrote.
 */
function bookingsOfCheck(run: CheckRun): BookingsRead {
  return {
    table: run.table,
    items: run.checked.map(({ row, result }) => ({ row, booking: { ...result.booking } })),
  };
}

function readBookings(spreadsheet: Spreadsheet, now: Date): BookingsRead | null {
  const table = readBookingSheet(spreadsheet);
  if (!table || !table.headers.includes(BOOKING.id) || !table.headers.includes(BOOKING.status))
    return null;
  const read = bookingReader(table);
  const today = dayOf(now);
  const items = bookingRows(table).flatMap((row) => {
    try {
      return [
        { row, booking: normalizeBooking({ rowNumber: row.rowNumber, values: read(row) }, today) },
      ];
    } catch (error) {
      console.error(`tick: row ${row.rowNumber} unreadable: ${describeError(error)}`);
      return [];
    }
  });
  return { table, items };
}

/** Per-row isolation for decisions: one odd row is logged and skipped, never stops the run. */
function forEachRow<T>(
  bookings: BookingsRead,
  decide: (item: BookingsRead['items'][number]) => T | null,
): T[] {
  return bookings.items.flatMap((item) => {
    try {
      const decided = decide(item);
      return decided === null ? [] : [decided];
    } catch (error) {
      console.error(
        `tick: row ${item.row.rowNumber} (${item.booking.id || 'no id'}): ${describeError(error)}`,
      );
      return [];
    }
  });
}

// ---------------------------------------------------------------------------------------------
// No-shows (R9)

interface PlannedStatus {
  item: BookingsRead['items'][number];
  transition: StatusTransition;
  change: OwnedChange;
}

/** Writes 状態 for bookings whose time has come; returns the changes that were written. */
function markNoShows(bookings: BookingsRead, settings: Settings, now: Date): PlannedStatus[] {
  const { table } = bookings;
  const statusIndex = table.headers.indexOf(BOOKING.status);
  const joinedIndex = table.headers.indexOf(BOOKING.joined);
  const planned = forEachRow(bookings, (item) => {
    const { row, booking } = item;
    const transition = statusTransition(booking, now, settings);
    if (transition === null || booking.id === '') return null;
    const change: OwnedChange = {
      // By the id as the check read or gave it: found again wherever the row is now.
      key: { id: booking.id },
      header: BOOKING.status,
      // The status as read: if a person changes it before the write, theirs stands.
      expected: row.values[statusIndex] ?? '',
      value: transition.to,
      // Decided on 参加 as read: a tick made meanwhile stops a 無断キャンセル (and vice versa).
      guards:
        joinedIndex < 0
          ? []
          : [{ header: BOOKING.joined, expected: row.values[joinedIndex] ?? '' }],
    };
    return { item, transition, change };
  });
  if (planned.length === 0) return [];
  const outcome = writeBookingCells(
    table.sheet,
    planned.map((p) => p.change),
  );
  if (outcome.skipped.length > 0) {
    console.log(`tick noShows: ${outcome.skipped.length} change(s) left to a person's edit`);
  }
  const skipped = new Set(outcome.skipped);
  return planned.filter((p) => !skipped.has(p.change));
}

function logNoShows(settled: readonly PlannedStatus[], settings: Settings, log: AuditLog): void {
  for (const { item, transition } of settled) {
    log.add({
      action: actionOf(transition),
      bookingId: item.booking.id,
      detail: detailOf(transition, settings),
    });
  }
}

function actionOf(transition: StatusTransition): string {
  return transition.to === STATUS.noShow ? '無断キャンセル（自動判定）' : '実施（自動判定）';
}

function detailOf(transition: StatusTransition, settings: Settings): string {
  return transition.to === STATUS.noShow
    ? `状態 ${transition.from} → ${transition.to}（開始から${settings.noShowMinutes}分を過ぎても参加なし）`
    : `状態 ${transition.from} → ${transition.to}（参加あり・終了時刻を過ぎました）`;
}

// ---------------------------------------------------------------------------------------------
// Missing invitations and closed days: one digest mail per run that finds something new

function findings(bookings: BookingsRead, context: LoadedContext, now: Date): AlertFinding[] {
  const overdue: OverdueContext = {
    now,
    settings: context.base.settings,
    closedDays: context.base.closedDays,
  };
  return forEachRow(bookings, ({ booking }) => {
    if (booking.id === '') return null; // the next check gives it an id; alerted then
    const levels = overdueFlags(booking, overdue).map((f) => f.level);
    const found: AlertFinding[] = levels.map((level) => ({
      id: booking.id,
      rowNumber: booking.rowNumber,
      level,
    }));
    if (closedDayFinding(booking, overdue))
      found.push({ id: booking.id, rowNumber: booking.rowNumber, level: 'closedDay' });
    return found;
  }).flat();
}

/**
 * The alerted marks are saved BEFORE the digest mail: a run killed between the two then loses
 * at most this one alert mail (the findings stay in チェック結果 and in colour on the sheet),
 * instead of mailing staff twice. If MailApp throws, the mail did not go: the marks are taken
 * back so the next run tries again, and the error is logged.
 */
function alertStaff(
  spreadsheet: Spreadsheet,
  bookings: BookingsRead,
  context: LoadedContext,
  now: Date,
  log: AuditLog,
): void {
  const current = findings(bookings, context, now);
  const properties = documentProperties();
  const stored = loadAlerted(properties);
  const fresh = newFindings(current, stored.pairs);
  const settings = context.base.settings;
  if (fresh.length === 0 || !canMailDigest(settings, fresh.length)) {
    saveAlerted(properties, rememberAlerted(current, stored.pairs, []), stored);
    return;
  }
  saveAlerted(properties, rememberAlerted(current, stored.pairs, fresh), stored);
  try {
    mailDigest(spreadsheet, fresh, current.length, settings, now);
  } catch (error) {
    console.error(`tick alerts: digest mail failed, marks taken back: ${describeError(error)}`);
    saveAlerted(properties, rememberAlerted(current, stored.pairs, []), loadAlerted(properties));
    throw error;
  }
  for (const f of fresh)
    log.add({
      action: '送信漏れなどの通知',
      bookingId: f.id,
      detail: `通知先メールへ知らせました（${f.level}）`,
    });
}

function canMailDigest(settings: Settings, count: number): boolean {
  if (settings.alertTo.length === 0) {
    console.warn(`tick alerts: ${count} finding(s) but 通知先メール is not set`);
    return false;
  }
  if (MailApp.getRemainingDailyQuota() < settings.alertTo.length) {
    console.warn(`tick alerts: mail quota spent; ${count} finding(s) wait for tomorrow`);
    return false;
  }
  return true;
}

/** Sends the digest (the caller checked 通知先メール and the quota). */
function mailDigest(
  spreadsheet: Spreadsheet,
  fresh: AlertFinding[],
  openCount: number,
  settings: Settings,
  now: Date,
): void {
  const mail = alertDigest(fresh, {
    now,
    openCount,
    settings,
    spreadsheetUrl: spreadsheet.getUrl(),
  });
  MailApp.sendEmail({
    to: settings.alertTo.join(','),
    subject: mail.subject,
    body: mail.body,
    name: 'オンライン相談 予約台帳',
  });
}

interface StoredAlerted {
  pairs: AlertedPairs;
  text: string;
  keys: string[];
}

function loadAlerted(properties: GoogleAppsScript.Properties.Properties): StoredAlerted {
  const stored = readChunked(properties, ALERTED_PROPERTY);
  return { ...stored, pairs: decodeAlerted(stored.text) };
}

function saveAlerted(
  properties: GoogleAppsScript.Properties.Properties,
  pairs: AlertedPairs,
  stored: StoredAlerted,
): void {
  writeChunked(properties, ALERTED_PROPERTY, encodeAlerted(pairs), stored);
}

// ---------------------------------------------------------------------------------------------
// 対象者.無断キャンセル回数: derived from 予約 and the archive, so a correction by staff counts

function recountNoShows(
  spreadsheet: Spreadsheet,
  bookings: BookingsRead,
  rosterAsRead: Table | null,
): void {
  // As the check read it: writeOwnedCells re-reads it before writing, and only if a count moved.
  const roster = rosterAsRead ?? readRosterSheet(spreadsheet);
  if (!roster) return;
  const keyIndex = roster.headers.indexOf(ROSTER.seekerNo);
  const countIndex = roster.headers.indexOf(ROSTER.noShowCount);
  if (keyIndex < 0 || countIndex < 0) return; // 初期設定 adds the column
  const counts = addCounts(
    countNoShows(bookings.items.map((i) => i.booking)),
    archivedNoShowCounts(),
  );
  const changes: OwnedChange[] = roster.rows.flatMap((row) => {
    const key = cellText(row.values[keyIndex]);
    const seekerNo = normalizeSeekerNo(key);
    if (key === '' || !seekerNo.ok) return [];
    const count = counts.get(seekerNo.value) ?? 0;
    const current = row.values[countIndex] ?? '';
    if (current === count) return [];
    return [{ key: { id: key }, header: ROSTER.noShowCount, expected: current, value: count }];
  });
  writeOwnedCells(roster.sheet, ROSTER_WRITE_PLAN, changes);
}
