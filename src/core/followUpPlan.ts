// Which follow-up mails (前日リマインダー, キャンセル通知) a tick sends, and how many the day's mail
// quota allows them. Invitations come first: a reminder or notice may use only the quota beyond
// what the ready invitations still need. Pure: app/tick/followUps.ts sends.
import {
  cancelNoticeAllowedByLedger,
  cancelNoticeCandidate,
  namesTheInvitation,
} from './cancelNotices';
import type { ClosedDay } from './calendar';
import type { FollowUpKind } from './followUpMail';
import type { LedgerEntry } from './invitationLedger';
import { reminderAllowedByLedger, reminderCandidate, type FollowUpRow } from './reminders';
import type { Settings } from './settings';

export interface FollowUp {
  kind: FollowUpKind;
  row: FollowUpRow;
}

type FollowUpSettings = Pick<
  Settings,
  'reminder' | 'reminderAt' | 'cancelNotice' | 'quietMinutes' | 'noShowMinutes'
>;

/** Whether any follow-up mail is switched on (if not, the tick does nothing at all). */
export function followUpsOn(settings: FollowUpSettings): boolean {
  return settings.reminder || settings.cancelNotice;
}

/** The rows that may be due, from the sheet alone: reminders first, then notices, row order. */
export function followUpCandidates(
  rows: readonly FollowUpRow[],
  settings: FollowUpSettings,
  closedDays: readonly ClosedDay[],
  now: Date,
): FollowUp[] {
  if (!followUpsOn(settings)) return [];
  const reminders = rows
    .filter((row) => reminderCandidate(row, settings, closedDays, now))
    .map((row): FollowUp => ({ kind: 'reminder', row }));
  const notices = rows
    .filter((row) => cancelNoticeCandidate(row, settings, now))
    .map((row): FollowUp => ({ kind: 'cancellation', row }));
  return [...reminders, ...notices];
}

/**
 * The candidates the ledger allows (each kind at most once per booking, after its invitation;
 * a notice only for a row that still says what the invitation said).
 */
export function dueFollowUps(
  candidates: readonly FollowUp[],
  entryOf: (id: string) => LedgerEntry | undefined,
  now: Date,
): FollowUp[] {
  return candidates.filter(({ kind, row }) => {
    const entry = entryOf(row.id);
    return kind === 'reminder'
      ? reminderAllowedByLedger(entry, now)
      : cancelNoticeAllowedByLedger(entry) && namesTheInvitation(entry, row.booking);
  });
}

/** How many follow-ups may go: the mail allowance less what ready invitations still need. */
export function followUpAllowance(mailAllowance: number, invitationsWaiting: number): number {
  return Math.max(0, mailAllowance - Math.max(0, invitationsWaiting));
}
