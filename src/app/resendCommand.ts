// 招待メールを再送 (menu): the one way a booking is mailed a second time (SPEC §4 "Reminders,
// changes and cancellations"). On the one selected 確定 row whose invitation went: say what
// changed since (from the invitation ledger), ask, then — under the lock again, after re-reading,
// since a dialog lets the lock go — send (resendSend.ts). Once per change: with nothing changed
// since the last mail it refuses (the decision: core/resendPlan). A booking whose first mail may
// or may not have gone (送信中 left by a crash) may also be sent from here, after a person looked.
import { type Planned, planResend, type ResendCandidate, sameAsAsked } from '../core/resendPlan';
import { REFUSE, RESEND_CANCELLED, resendQuestion, SELECTION } from '../core/resendWords';
import { BOOKING, SHEET } from '../core/schema';
import type { Settings } from '../core/settings';
import { cellOf, type Table } from '../sheet/table';
import { type CheckedRow, checkAndRecord } from './checkService';
import { runCommand } from './command';
import { InvitationLedger } from './invitationLedger';
import { resend } from './resendSend';
import { alert, confirm } from './ui';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** A checked row with what the send needs to write it back. */
export interface ResendRow extends ResendCandidate {
  checked: CheckedRow;
  table: Table;
  settings: Settings;
}

export function menuResendInvitation(): void {
  runCommand('menuResendInvitation', (command) => {
    const { caption, locked } = command;
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    const rowNumber = selectedRow(spreadsheet);
    if (typeof rowNumber === 'string') return alert(rowNumber, caption);
    const first = locked(() => lookAt(spreadsheet, { rowNumber }));
    if (!first.ok) return alert(first.message, caption);
    const asked = first.plan;
    if (!confirm(resendQuestion(asked), caption)) return alert(RESEND_CANCELLED, caption);
    // The dialog let the lock go: look again, by 予約ID, before sending anything.
    const done = locked(() => {
      const again = lookAt(spreadsheet, { id: asked.id });
      if (!again.ok) return again.message;
      if (!sameAsAsked(asked, again.plan)) return REFUSE.changedSinceAsked;
      return resend(command, spreadsheet, again.plan);
    });
    alert(done, caption);
  });
}

/** The one selected row of 予約, or why the selection will not do. */
function selectedRow(spreadsheet: Spreadsheet): number | string {
  if (spreadsheet.getActiveSheet().getName() !== SHEET.bookings) return SELECTION.notBookings;
  const ranges = spreadsheet.getActiveRangeList()?.getRanges() ?? [];
  const rows = new Set<number>();
  for (const range of ranges) {
    for (let r = range.getRow(); r <= range.getLastRow(); r++) rows.add(r);
  }
  if (rows.size !== 1) return SELECTION.notOneRow(rows.size);
  const [row] = [...rows];
  if (row === undefined || row < 2) return SELECTION.headerRow;
  return row;
}

/** Checks the rows (recording nothing) and decides whether the booking may be sent again. */
function lookAt(
  spreadsheet: Spreadsheet,
  where: { rowNumber: number } | { id: string },
): Planned<ResendRow> {
  const now = new Date();
  const run = checkAndRecord(spreadsheet, { now, onlyRows: new Set<number>() });
  const rows = run.checked.map((checked): ResendRow => ({
    id: checked.id,
    rowNumber: checked.row.rowNumber,
    errors: checked.result.errors,
    booking: checked.result.booking,
    invitedAt: cellOf(run.table, checked.row, BOOKING.invitedAt),
    checked,
    table: run.table,
    settings: run.settings,
  }));
  return planResend({
    where,
    rows,
    entryOf: (id) => InvitationLedger.load().get(id),
    settings: run.settings,
    now,
  });
}
