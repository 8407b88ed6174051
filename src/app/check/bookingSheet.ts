// 予約 as the check and the commands need it: read in one batch, or a NeedsPerson dialog.
import { SHEET } from '../../core/schema';
import { missingBookingHeaders, readBookingSheet } from '../../sheet/bookings';
import type { Table } from '../../sheet/table';

/** A problem only a person can fix before the script can work (shown as a dialog). */
export class NeedsPerson extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NeedsPerson';
  }
}

/**
 * 予約, read in one batch, with the headers this action needs (the script-owned ones and 状態
 * always); otherwise a NeedsPerson saying to run 初期設定.
 */
export function requireBookingSheet(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  alsoNeeded: readonly string[],
): Table {
  const table = readBookingSheet(spreadsheet);
  if (!table) {
    throw new NeedsPerson(
      `「${SHEET.bookings}」シートがありません。メニュー「初期設定」を実行してください。`,
    );
  }
  const missing = [
    ...missingBookingHeaders(table),
    ...alsoNeeded.filter((h) => !table.headers.includes(h)),
  ];
  if (missing.length > 0) {
    throw new NeedsPerson(
      `「${SHEET.bookings}」シートに見出し ${[...new Set(missing)].map((h) => `「${h}」`).join('')} がありません。` +
        'メニュー「初期設定」を実行すると列が追加されます（見出しの名前を変えた場合は元に戻してください）。',
    );
  }
  return table;
}
