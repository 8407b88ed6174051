// The work of the time-driven triggers (SPEC §4 "Time-driven work"). The caller holds the script
// lock. Each step reads what it needs in batches, decides in src/core, and writes through
// writeOwnedCells, so a person's edit made meanwhile is never overwritten. A step that fails is
// logged and the others still run; the first failure is rethrown at the end so Apps Script
// e-mails the trigger owner. The steps live in ./tick/.
import { actorName, AuditLog } from './auditLog';
import { checkAndRecord } from './checkService';
import { sendReadyInvitations } from './sendService';
import { alertStaff } from './tick/alerts';
import { bookingsOfCheck, readBookings } from './tick/bookings';
import { sendFollowUps } from './tick/followUps';
import { recountNoShows } from './tick/noShowCounts';
import { logNoShows, markNoShows } from './tick/noShows';
import { contextOf, Steps } from './tick/steps';

export { ALERTED_PROPERTY } from './tick/alertedProperty';
export { HEARTBEAT_PROPERTY, readHeartbeat, recordHeartbeat } from './tick/heartbeat';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * The 10-minute tick: check, send (if 自動送信), reminders and cancellation notices, no-shows,
 * missing-invitation alerts, counts.
 */
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
  // 前日リマインダー and キャンセル通知, after the invitations (which have the quota first).
  if (checked) steps.run('followUps', () => sendFollowUps(checked, now, log));
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
