// Which bookings staff just edited, kept in a document property by onEdit: 過去の予約を保管
// reads it after its deletions (a row edited in the one call before deleteRows went to
// 予約_保管 without the edit, and its copy is flagged).
import { documentProperties, PROPERTY } from './properties';

/** Edits within this long of each other are kept together in PROPERTY.lastStaffEdit. */
const EDIT_WINDOW_MS = 60_000;
const MAX_NOTED_IDS = 50;

/**
 * Which bookings staff just edited (two property calls). 過去の予約を保管 reads it after its
 * deletions: a row edited in the one call before its deleteRows went to 予約_保管 without the
 * edit, and its copy is flagged. Ids only, never cell values.
 */
export function noteEditedIds(ids: readonly string[]): void {
  const edited = ids.filter((id) => id !== '');
  if (edited.length === 0) return;
  const properties = documentProperties();
  const now = Date.now();
  const previous = parseLastStaffEdit(properties.getProperty(PROPERTY.lastStaffEdit));
  const recent = previous !== null && now - previous.at < EDIT_WINDOW_MS ? previous.ids : [];
  const all = [...new Set([...edited, ...recent])].slice(0, MAX_NOTED_IDS);
  properties.setProperty(PROPERTY.lastStaffEdit, JSON.stringify({ at: now, ids: all }));
}

export function parseLastStaffEdit(text: string | null): { at: number; ids: string[] } | null {
  if (text === null) return null;
  try {
    const data = JSON.parse(text) as { at?: unknown; ids?: unknown };
    if (typeof data.at !== 'number' || !Array.isArray(data.ids)) return null;
    return { at: data.at, ids: data.ids.map(String) };
  } catch {
    return null;
  }
}
