// 招待メールをプレビュー (menu): the exact mail for the selected row, sending nothing. The row is
// checked (recording チェック結果 like 選択行をチェック); core/invitationPreview decides the rest.
import { NOT_THE_HEADER_ROW } from '../core/checkWords';
import {
  emptyRowPreview,
  PREVIEW_SELECT_ROW,
  type Preview,
  previewOf,
} from '../core/invitationPreview';
import { SHEET } from '../core/schema';
import { checkAndRecord } from './checkService';
import { runCommand } from './command';
import { alert } from './ui';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export function menuPreviewInvitation(): void {
  runCommand('menuPreviewInvitation', ({ caption, locked }) => {
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    if (spreadsheet.getActiveSheet().getName() !== SHEET.bookings) {
      return alert(PREVIEW_SELECT_ROW, caption);
    }
    const rowNumber = spreadsheet.getActiveRange()?.getRow() ?? 0;
    if (rowNumber < 2) return alert(NOT_THE_HEADER_ROW, caption);
    const preview = locked(() => previewRow(spreadsheet, rowNumber));
    if (preview.kind === 'message') return alert(preview.text, caption);
    const output = HtmlService.createHtmlOutput(preview.html).setWidth(720).setHeight(560);
    SpreadsheetApp.getUi().showModalDialog(
      output,
      `${caption}（${preview.id}・送信はしていません）`,
    );
  });
}

function previewRow(spreadsheet: Spreadsheet, rowNumber: number): Preview {
  const now = new Date();
  const run = checkAndRecord(spreadsheet, { now, onlyRows: new Set([rowNumber]) });
  const checked = run.checked.find((c) => c.row.rowNumber === rowNumber);
  if (!checked) return emptyRowPreview(rowNumber);
  const { errors, warnings, booking } = checked.result;
  return previewOf({ id: checked.id, rowNumber, errors, warnings, booking }, run.settings, now);
}
