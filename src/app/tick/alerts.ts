// Missing invitations and closed days: one digest mail per run that finds something new.
import { mailStaff } from '../staffMail';
import {
  alertDigest,
  closedDayFinding,
  newFindings,
  rememberAlerted,
  type AlertFinding,
} from '../../core/alerts';
import { dueTodayFlag, overdueFlags, type DueTodayContext } from '../../core/overdue';
import type { Settings } from '../../core/settings';
import { alertedDetail, TICK_LOG_ACTION } from '../../core/tickWords';
import type { AuditLog } from '../auditLog';
import type { LoadedContext } from '../context';
import { documentProperties } from '../properties';
import { describeError } from '../runAction';
import { loadAlerted, saveAlerted } from './alertedProperty';
import { type BookingsRead, forEachRow } from './bookings';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

function findings(bookings: BookingsRead, context: LoadedContext, now: Date): AlertFinding[] {
  const overdue: DueTodayContext = {
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
    const due = dueTodayFlag(booking, overdue);
    if (due !== null) {
      const { level, kind, at } = due;
      found.push({ id: booking.id, rowNumber: booking.rowNumber, level, due: { kind, at } });
    }
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
export function alertStaff(
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
  for (const f of fresh) {
    const detail = alertedDetail(f.level, settings);
    log.add({ action: TICK_LOG_ACTION.alerted, bookingId: f.id, detail });
  }
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
  mailStaff(settings, mail);
}
