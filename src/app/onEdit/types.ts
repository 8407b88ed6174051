// What the steps of one onEdit run share: the edited 予約 rows as read once.
import type { Cell } from '../../sheet/table';

export interface EditedRows {
  sheet: GoogleAppsScript.Spreadsheet.Sheet;
  headers: string[];
  /** The headers of the edited columns. */
  editedHeaders: string[];
  /** The sheet row of rows[0]. */
  firstRow: number;
  rows: Cell[][];
}
