// Sent rows whose send time could not be written because a person changed the row during the
// send, decided: which still need 招待メールを再送, and what their row and 操作ログ say. Pure.
import { changedSince, changedSinceInvitationLine, type SentDetails } from './invitationLedger';
import { BOOKING } from './schema';
import {
  appendLine,
  type CellValue,
  type LogLine,
  type PlannedCell,
  toTheMinute,
} from './sendPlan';
import type { RowRef, SendSummary } from './sendSummary';
import { changedWhileSendingDetail, LOG_ACTION } from './sendWords';

/** A sent row as read again after its send time was not written. */
export interface ReadAgain {
  ref: RowRef;
  sentAt: Date;
  /** What the mail said, and what the row says now (null: it cannot be read as a booking). */
  mailed: SentDetails;
  now: SentDetails | null;
  /** Whether 招待メール送信日時 still holds this run's mark. */
  stillMarked: boolean;
  checkResult: CellValue;
}

/**
 * Where the address, day, time or URL now differ from what the mail said: the send time anyway
 * and an エラー naming the cell and saying to use 招待メールを再送. Where nothing the mail was
 * made of changed, a person edited 招待メール送信日時 itself: their word stands.
 */
export function planChangedWhileSending(rows: readonly ReadAgain[], mark: string) {
  const changes: PlannedCell[] = [];
  const log: LogLine[] = [];
  const flagged: SendSummary['changedWhileSending'] = [];
  for (const row of rows) {
    const fields = row.now === null ? [BOOKING.email] : changedSince(row.mailed, row.now);
    if (fields.length === 0) continue;
    const id = row.ref.id;
    if (row.stillMarked) {
      const value = toTheMinute(row.sentAt);
      changes.push({ id, header: BOOKING.invitedAt, expected: mark, value });
    }
    const value = appendLine(row.checkResult, changedSinceInvitationLine(fields));
    changes.push({ id, header: BOOKING.checkResult, expected: row.checkResult, value });
    flagged.push({ ...row.ref, fields });
    const detail = changedWhileSendingDetail(fields);
    log.push({ action: LOG_ACTION.changedWhileSending, bookingId: id, detail });
  }
  return { changes, log, flagged };
}
