// 操作ログ read by header, only the columns asked for: the log grows with every run for years,
// so a report reads two calls (row 1, then the stretch of rows between the wanted columns)
// whatever its length, and never the 内容 column unless asked.
import { SHEET } from '../core/schema';
import { type Cell, readHeaderRow, readSheetValues } from './table';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * Every data row of 操作ログ as { header: cell } for the given headers; [] when the sheet or one
 * of the headers is missing (初期設定 puts them back), or when the log has no lines yet.
 */
export function readLogColumns<H extends string>(
  spreadsheet: Spreadsheet,
  wanted: readonly H[],
): Record<H, Cell>[] {
  const sheet = spreadsheet.getSheetByName(SHEET.log);
  if (!sheet) return [];
  const headers = readHeaderRow(sheet);
  const indexes = wanted.map((h) => headers.indexOf(h));
  if (indexes.length === 0 || indexes.some((i) => i < 0)) return [];
  const first = Math.min(...indexes);
  const width = Math.max(...indexes) - first + 1;
  const grid = readSheetValues(sheet, 2, first + 1, -1, width);
  return grid.map(
    (row) =>
      Object.fromEntries(wanted.map((h, k) => [h, row[indexes[k]! - first] ?? ''])) as Record<
        H,
        Cell
      >,
  );
}
