// The write into a free row took a person's row (rows were inserted above it in the one call
// before the write): rebuild that row, or flag the new booking when it cannot be rebuilt.
import { BOOKING } from '../../core/schema';
import {
  mayHaveOverwritten,
  overlappedDetail,
  overwrittenRowText,
  overwroteAndRebuilt,
  rebuiltDetail,
  SIDEBAR_AUDIT_ACTION,
  UNSEEN_ROW_TEXT,
  unseenDetail,
} from '../../core/sidebarWords';
import { writeCheckLine } from '../../core/writeChecks';
import { forSheet } from '../../sheet/ownedWrites';
import { type Cell, cellText, type Table } from '../../sheet/table';
import type { AddBookingResult } from '../../ui/shared/sidebarApi';
import type { AuditLog } from '../auditLog';
import { writeBookingCells } from '../bookingWrites';
import type { Collision } from './findAdded';
import { added } from './form';
import { writeIntoFreeRow } from './freeRow';

interface Collided {
  id: string;
  rowNumber: number;
  collision: Collision;
  log: AuditLog;
}

/**
 * The taken row is rebuilt from the re-read into the next free row (or appended), flagged
 * エラー: for a person; when it cannot be rebuilt, the new booking's row is flagged instead.
 * Logged with ids and row numbers only; the page says what happened.
 */
export function afterCollision(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  table: Table,
  c: Collided,
): AddBookingResult {
  const { id, rowNumber, collision, log } = c;
  if (collision.lost) {
    const lostId = rebuild(table, collision.lost, rowNumber);
    log.add({ action: SIDEBAR_AUDIT_ACTION, bookingId: lostId, detail: rebuiltDetail(rowNumber) });
    log.add({ action: SIDEBAR_AUDIT_ACTION, bookingId: id, detail: overlappedDetail(rowNumber) });
    log.flush(spreadsheet);
    return added(id, rowNumber, [overwroteAndRebuilt(rowNumber, id, lostId)]);
  }
  writeBookingCells(table.sheet, [
    {
      key: { id },
      header: BOOKING.checkResult,
      expected: '',
      value: writeCheckLine(new Date(), UNSEEN_ROW_TEXT),
    },
  ]);
  log.add({ action: SIDEBAR_AUDIT_ACTION, bookingId: id, detail: unseenDetail(rowNumber) });
  log.flush(spreadsheet);
  return added(id, rowNumber, [mayHaveOverwritten(rowNumber, id)]);
}

/** Writes the lost row again, its チェック結果 a write-check line; returns its 予約ID. */
function rebuild(table: Table, lost: readonly Cell[], rowNumber: number): string {
  const idIndex = table.headers.indexOf(BOOKING.id);
  const checkIndex = table.headers.indexOf(BOOKING.checkResult);
  const flag = writeCheckLine(new Date(), overwrittenRowText(rowNumber));
  const rebuilt = lost.map((cell, i) => (i === checkIndex ? flag : forSheet(cell)));
  if (!writeIntoFreeRow(table.sheet, null, rebuilt)) table.sheet.appendRow(rebuilt);
  return cellText(lost[idIndex]);
}
