// Sending invitations, decided: from what the run read, the owned cells to mark before any mail
// goes (core/sendOutcomes plans the cells after it). Pure: app/send reads, writes and mails.
import { LEDGER_FIELDS } from './invitationLedger';
import type { MailFailure } from './mailPolicy';
import { withCheckLine } from './checkCell';
import { BOOKING } from './schema';
export type CellValue = string | number | boolean | Date;

/** One owned cell of a 予約 row, by 予約ID; `guards` are other cells that must still read so. */
export interface PlannedCell {
  id: string;
  header: string;
  expected: CellValue;
  value: CellValue;
  guards?: readonly { header: string; expected: CellValue }[];
}

export interface LogLine {
  action: string;
  bookingId?: string;
  detail?: string;
}

/**
 * Cells the mail and the check are made of (what the ledger records, and the rest the check
 * reads): if any changed since the check, do not send. Order does not matter.
 */
export const CONTENT_HEADERS: readonly string[] = [
  ...LEDGER_FIELDS,
  BOOKING.name,
  BOOKING.seekerNo,
  BOOKING.office,
  BOOKING.officer,
  BOOKING.status,
];

/** A row's cells as the run read them. */
export type CellsAsRead = (header: string) => CellValue;

/** What happened to one rendered invitation, written to its row at the end of the batch. */
export type Outcome =
  /** `withoutCalendar`: the .ics could not be attached; the mail went without it. */
  | { kind: 'sent'; sentAt: Date; withoutCalendar?: boolean }
  /** `quotaSpent`: the mail service refused it for today's quota, which stops the batch. */
  | { kind: 'failed'; failure: MailFailure; marked: boolean; quotaSpent?: boolean }
  /** Marked, then not sent (the quota ran out, or the run stopped before it): mark taken back. */
  | { kind: 'unmarked' };

/** `送信中 <time>` on each row, written only where the cells the mail is made of are as read. */
export function planMarks(rows: readonly { id: string; cells: CellsAsRead }[], mark: string) {
  return rows.map(({ id, cells }): PlannedCell => ({
    id,
    header: BOOKING.invitedAt,
    expected: '',
    value: mark,
    guards: CONTENT_HEADERS.map((header) => ({ header, expected: cells(header) })),
  }));
}

/** 招待メール送信日時 to the minute (as it is shown): mails of one minute share one write. */
export function toTheMinute(instant: Date): Date {
  return new Date(Math.floor(instant.getTime() / 60_000) * 60_000);
}

/** チェック結果 with one more line (OK and blank are replaced; the count line is kept right). */
export function appendLine(current: CellValue, line: string): string {
  return withCheckLine(current, line);
}
