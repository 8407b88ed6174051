// Sending invitations, recorded: from each mail's outcome, the owned cells to write and the
// 操作ログ lines to add, and what the summary says once the write is done. Pure.
import { LEDGER_FIELDS } from './invitationLedger';
import { failureLine, type MailFailure } from './mailPolicy';
import { redactPersonalData } from './privacy';
import { BOOKING, SEND_FAILED_MARK, STATUS } from './schema';
import {
  appendLine,
  type CellsAsRead,
  type CellValue,
  type LogLine,
  type Outcome,
  type PlannedCell,
  toTheMinute,
} from './sendPlan';
import type { FailedSend, RowRef, SendSummary } from './sendSummary';
import { FAILURE_REASON, LOG_ACTION, sentLogDetail } from './sendWords';

export interface OutcomeRow {
  ref: RowRef;
  cells: CellsAsRead;
  /** チェック結果 as the check wrote it just before (or kept what a person had typed). */
  checkResult: CellValue;
  outcome: Outcome;
}

export interface SentRow<R extends OutcomeRow> {
  row: R;
  sentAt: Date;
  sentCell: PlannedCell;
  statusCell: PlannedCell;
}

export interface OutcomesContext {
  /** The `送信中 <time>` this run wrote. */
  mark: string;
  automatic: boolean;
  termsVersion: string;
  /** formatInstant of now, for `送信失敗 <time>`. */
  recordedAt: string;
}

/**
 * One owned-cell write for every outcome: sent rows get the send time (guarded by what the mail
 * was made of) and 確定; failures an `エラー:` line in チェック結果 and, in 招待メール送信日時,
 * `送信失敗 <time>（reason）` when the mail service refused it (it surely did not go; not retried
 * until a person fixes the row), blank when it may simply be sent again, else 送信中 stays.
 */
export function planOutcomes<R extends OutcomeRow>(rows: readonly R[], context: OutcomesContext) {
  const changes: PlannedCell[] = [];
  const log: LogLine[] = [];
  const failed: FailedSend[] = [];
  const sent: SentRow<R>[] = [];
  const { mark } = context;
  for (const row of rows) {
    const { ref, outcome } = row;
    const id = ref.id;
    if (outcome.kind === 'sent') {
      const statusCell = cellChange(row, BOOKING.status, STATUS.confirmed);
      const sentCell: PlannedCell = {
        id,
        header: BOOKING.invitedAt,
        expected: mark,
        value: toTheMinute(outcome.sentAt),
        guards: LEDGER_FIELDS.map((header) => ({ header, expected: row.cells(header) })),
      };
      changes.push(sentCell, statusCell);
      sent.push({ row, sentAt: outcome.sentAt, sentCell, statusCell });
      const { automatic, termsVersion } = context;
      const detail = sentLogDetail(automatic, termsVersion, outcome.withoutCalendar === true);
      log.push({ action: LOG_ACTION.sent, bookingId: id, detail });
    } else if (outcome.kind === 'unmarked') {
      changes.push({ id, header: BOOKING.invitedAt, expected: mark, value: '' });
    } else {
      const { failure, marked } = outcome;
      failed.push({ ...ref, reason: failure.reason, mail: failure.mail });
      const detail = redactPersonalData(failure.reason);
      log.push({ action: LOG_ACTION.failed, bookingId: id, detail });
      changes.push(...failureCells(row, failure, marked, context));
    }
  }
  return { changes, log, failed, sent };
}

function cellChange(row: OutcomeRow, header: string, value: CellValue): PlannedCell {
  return { id: row.ref.id, header, expected: row.cells(header), value };
}

function failureCells(
  row: OutcomeRow,
  failure: MailFailure,
  marked: boolean,
  { mark, recordedAt }: OutcomesContext,
): PlannedCell[] {
  const id = row.ref.id;
  const result = row.checkResult;
  const cells: PlannedCell[] = [
    {
      id,
      header: BOOKING.checkResult,
      expected: result,
      value: appendLine(result, failureLine(failure)),
    },
  ];
  if (marked && failure.mail === 'notSent') {
    const refused = `${SEND_FAILED_MARK} ${recordedAt}（${failure.reason}）`;
    const value = failure.retry ? '' : refused;
    cells.push({ id, header: BOOKING.invitedAt, expected: mark, value });
  }
  return cells;
}

/**
 * After the outcomes' write: what the summary says of each sent row. The status is skipped only
 * if a person changed it during the send (their word stands); a failed write leaves 送信中.
 */
export function sentResults<R extends OutcomeRow>(
  sent: readonly SentRow<R>[],
  skipped: ReadonlySet<PlannedCell>,
  writeError: string | null,
): Pick<SendSummary, 'sent' | 'failed'> {
  const result: Pick<SendSummary, 'sent' | 'failed'> = { sent: [], failed: [] };
  for (const { row, sentAt, statusCell } of sent) {
    if (writeError !== null) {
      const reason = FAILURE_REASON.notRecorded(writeError);
      result.failed.push({ ...row.ref, reason, mail: 'sent' });
    } else {
      const statusWritten = !skipped.has(statusCell);
      result.sent.push({ ...row.ref, sentAt, statusWritten });
    }
  }
  return result;
}
