// Planned cells (core/sendPlan) written through the one owned-cell write of 予約.
import type { CellsAsRead, PlannedCell } from '../../core/sendPlan';
import type { OwnedChange } from '../../sheet/ownedWrites';
import { cellOf, type Table, type TableRow } from '../../sheet/table';
import { writeBookingCells } from '../bookingWrites';

/** Writes the cells; returns the ones skipped because the row moved or a person changed them. */
export function writePlannedCells(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  planned: readonly PlannedCell[],
): ReadonlySet<PlannedCell> {
  const changes = planned.map(ownedChange);
  const skipped = new Set(writeBookingCells(sheet, changes).skipped);
  return new Set(planned.filter((_, i) => skipped.has(changes[i]!)));
}

function ownedChange({ id, header, expected, value, guards }: PlannedCell): OwnedChange {
  const change: OwnedChange = { key: { id }, header, expected, value };
  if (guards) change.guards = guards;
  return change;
}

export function cellsAsRead(table: Pick<Table, 'headers'>, row: TableRow): CellsAsRead {
  return (header) => cellOf(table, row, header);
}
