// 招待メールを再送, carried out (under the lock, on a plan just made again): the ledger first,
// then the mail, then the row and one 操作ログ line (booking id and which fields changed).
import type { ResendPlan } from '../core/resendPlan';
import { checkLinesAfterResend } from '../core/resendPlan';
import {
  REFUSE,
  RESEND_FAILED_LOG_ACTION,
  RESEND_LOG_ACTION,
  resendFailed,
  resendLogDetail,
  resent,
} from '../core/resendWords';
import { classifyMailError, failureLine } from '../core/mailPolicy';
import { checkCellOf } from '../core/checkCell';
import { BOOKING, STATUS } from '../core/schema';
import { toTheMinute } from '../core/sendPlan';
import { WITHOUT_CALENDAR } from '../core/sendWords';
import { dayOf } from '../core/time';
import type { OwnedChange } from '../sheet/ownedWrites';
import { cellOf } from '../sheet/table';
import { writeBookingCells } from './bookingWrites';
import type { Command } from './command';
import { InvitationLedger } from './invitationLedger';
import type { ResendRow } from './resendCommand';
import { invitationMessage } from './send/message';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Sends the plan's mail and records it. Returns the report for the dialog. */
export function resend(
  command: Command,
  spreadsheet: Spreadsheet,
  plan: ResendPlan<ResendRow>,
): string {
  const today = dayOf(new Date());
  const ledger = InvitationLedger.load();
  const previous = ledger.get(plan.id);
  ledger.record(plan.id, plan.details, 'sending');
  try {
    ledger.save(today);
  } catch (error) {
    console.error(`menuResendInvitation: ledger not saved: ${String(error)}`);
    return REFUSE.ledgerNotSaved;
  }
  const { booking } = plan.row;
  const built = invitationMessage(booking, plan.mail, plan.row.settings);
  try {
    MailApp.sendEmail(built.message);
  } catch (error) {
    const failure = classifyMailError(error);
    if (failure.mail === 'notSent') ledger.restore(plan.id, previous);
    saveQuietly(ledger, today);
    writeRow(plan, [failureLine(failure)]);
    command.log(spreadsheet, {
      action: RESEND_FAILED_LOG_ACTION,
      bookingId: plan.id,
      detail: failure.reason,
    });
    return resendFailed(plan, failure.reason);
  }
  const sentAt = new Date();
  ledger.setState(plan.id, 'sent');
  saveQuietly(ledger, today);
  writeRow(plan, [], sentAt);
  command.log(spreadsheet, {
    action: RESEND_LOG_ACTION,
    bookingId: plan.id,
    detail: resendLogDetail(plan) + (built.withoutCalendar ? `。${WITHOUT_CALENDAR}` : ''),
  });
  return resent(plan);
}

/**
 * The row after a resend: 招待メール送信日時 (and 確定, when a first mail of unknown fate was
 * replaced), チェック結果 without the ledger's lines, plus any `lines` to add.
 */
function writeRow(plan: ResendPlan<ResendRow>, lines: readonly string[], sentAt?: Date): void {
  const { checked, table } = plan.row;
  const key = { id: plan.id };
  const change = (header: string, value: OwnedChange['value']): OwnedChange => ({
    key,
    header,
    expected: cellOf(table, checked.row, header),
    value,
  });
  const kept = checkLinesAfterResend(plan, checked.result.text);
  const text = checkCellOf([...kept, ...lines]);
  const changes = [change(BOOKING.checkResult, text)];
  if (sentAt) {
    changes.push(change(BOOKING.invitedAt, toTheMinute(sentAt)));
    if (checked.result.booking.status !== STATUS.confirmed) {
      changes.push(change(BOOKING.status, STATUS.confirmed));
    }
  }
  writeBookingCells(table.sheet, changes);
}

function saveQuietly(ledger: InvitationLedger, today: ReturnType<typeof dayOf>): void {
  try {
    ledger.save(today);
  } catch (error) {
    console.error(`menuResendInvitation: ledger not updated: ${String(error)}`);
  }
}
