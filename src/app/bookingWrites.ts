// Every write to 予約 goes through here: the owned-cell write (sheet/ownedWrites: exact cells,
// then verified by 予約ID) and, when a row moved in the one call between the re-read and the
// write, one 操作ログ line per cell concerned — put right or left for a person, never silent.
import { redactPersonalData } from '../core/privacy';
import { BOOKING_WRITE_PLAN } from '../sheet/bookings';
import { type OwnedChange, type WriteOutcome, writeOwnedCells } from '../sheet/ownedWrites';
import { AuditLog } from './auditLog';

export const MOVED_WRITE_ACTION = '書き込みの確認（行の移動）';
export const OVERLAPPED_WRITE_ACTION = '書き込みの確認（同時の編集）';
const ACTOR = '自動（書き込みの確認）';

export function writeBookingCells(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  changes: readonly OwnedChange[],
): WriteOutcome {
  const outcome = writeOwnedCells(sheet, BOOKING_WRITE_PLAN, changes);
  if (outcome.moved.length > 0 || outcome.overlapped.length > 0) {
    logWriteChecks(sheet.getParent(), outcome);
  }
  return outcome;
}

/** Booking ids, column names and row numbers only: no cell value goes into the log. */
function logWriteChecks(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  { moved, overlapped }: Pick<WriteOutcome, 'moved' | 'overlapped'>,
): void {
  const log = new AuditLog(ACTOR);
  for (const o of overlapped) {
    log.add({
      action: OVERLAPPED_WRITE_ACTION,
      bookingId: o.id,
      detail: `${o.rowNumber}行目の「${o.header}」を書き込む直前に、その行が編集されました。入力が上書きされた可能性があるため、行に「エラー:」を付けました。「${o.header}」を確認してください。`,
    });
  }
  for (const m of moved) {
    const where = `${m.rowNumber}行目（予約ID ${m.landedOnId === '' ? 'なし' : m.landedOnId}）`;
    const landed = m.restored
      ? `${where}に入った値は元に戻しました`
      : `${where}に入った値を戻せませんでした。その行の「${m.header}」を確認してください`;
    const intended = m.putRight
      ? '正しい行に書き直しました'
      : m.id === ''
        ? '次のチェックで書き直します'
        : `この予約の「${m.header}」は書き込めていません。確認してください`;
    log.add({
      action: MOVED_WRITE_ACTION,
      bookingId: m.id,
      detail: redactPersonalData(
        `書き込みの最中に行が移動しました。「${m.header}」: ${landed}。${intended}。`,
      ),
    });
  }
  log.flush(spreadsheet);
}
