// 過去の予約を保管: copies of rows a person edited in the one call before their deletion.
import { EDITED_BEFORE_DELETE_MARK } from '../../core/archiveWords';
import { BOOKING } from '../../core/schema';
import { type DeletionOutcome, markRowsById } from '../../sheet/archive';
import { parseLastStaffEdit } from '../onEdit';
import { documentProperties, PROPERTY } from '../properties';

/**
 * A row deleted from 予約 right after a person edited it (onEdit notes the ids of edited rows in
 * PROPERTY.lastStaffEdit): the edit landed in the one call between the block's re-read and its
 * deleteRows, so the copy in 予約_保管 may lack it. Its copy is marked. One property read; one
 * read and one write of 予約_保管 only when it happens.
 */
export function flagCopiesEditedMeanwhile(
  archiveSheet: GoogleAppsScript.Spreadsheet.Sheet,
  deletion: DeletionOutcome,
  since: number,
  takenBack: ReadonlySet<string>,
): string[] {
  if (deletion.deleted.size === 0) return [];
  const note = parseLastStaffEdit(documentProperties().getProperty(PROPERTY.lastStaffEdit));
  if (note === null || note.at < since) return [];
  const ids = new Set(note.ids.filter((id) => deletion.deleted.has(id) && !takenBack.has(id)));
  if (ids.size === 0) return [];
  markRowsById(archiveSheet, BOOKING.id, BOOKING.checkResult, ids, EDITED_BEFORE_DELETE_MARK);
  console.warn(`archive: ${ids.size} row(s) edited just before their deletion, copies marked`);
  return [...ids];
}
