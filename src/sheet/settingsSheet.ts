// 設定: one setting a row (項目 / 値 / 説明). Staff edit values; the script adds missing rows.
import { SETTINGS_HEADERS } from '../core/schema';
import { keyOf, type SettingDefault, type SettingRow } from '../core/settings';
import { appendBelowData } from './grid';
import type { SetupReport } from './setup';
import { cellText, readTable } from './table';

export function readSettingRows(sheet: GoogleAppsScript.Spreadsheet.Sheet): SettingRow[] {
  const table = readTable(sheet);
  const [keyHeader, valueHeader] = SETTINGS_HEADERS;
  const keyIndex = table.headers.indexOf(keyHeader);
  const valueIndex = table.headers.indexOf(valueHeader);
  if (keyIndex < 0 || valueIndex < 0) return [];
  return table.rows
    .map((row) => ({
      key: cellText(row.values[keyIndex]),
      value: row.values[valueIndex] ?? '',
      rowNumber: row.rowNumber,
    }))
    .filter((row) => row.key !== '');
}

/**
 * Appends the settings that have no row yet, with their default and description. `defaultsFor`
 * gets the rows there are (the per-窓口 rows depend on 設定「窓口」).
 */
export function appendMissingSettings(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  defaultsFor: (rows: readonly SettingRow[]) => readonly SettingDefault[],
  report: SetupReport,
): void {
  const rows = readSettingRows(sheet);
  // As parseSettings reads them: a row typed 電話番号(本所) is the 電話番号（本所） row.
  const present = new Set(rows.map((row) => keyOf(row.key)));
  const missing = defaultsFor(rows).filter((d) => !present.has(keyOf(d.key)));
  if (missing.length === 0) return;
  const headers = readTable(sheet).headers;
  const added = missing.map((d) => {
    const byHeader: Record<string, string> = {
      [SETTINGS_HEADERS[0]]: d.key,
      [SETTINGS_HEADERS[1]]: d.value,
      [SETTINGS_HEADERS[2]]: d.description,
    };
    return headers.map((h) => byHeader[h] ?? '');
  });
  appendBelowData(sheet, added, headers.length);
  report.changes.push(`「設定」に項目を追加しました: ${missing.map((d) => d.key).join('、')}`);
}
