// Issues 予約ID numbers. Called under the script lock, so two runs never issue the same number.
import { nextBookingIds } from '../core/bookingId';

const LAST_ID_PROPERTY = 'lastBookingNumber';

export function issueBookingIds(count: number, existingIds: Iterable<unknown>): string[] {
  if (count === 0) return [];
  const properties = PropertiesService.getDocumentProperties();
  const lastIssued = Number(properties.getProperty(LAST_ID_PROPERTY) ?? '0') || 0;
  const ids = nextBookingIds(lastIssued, count, existingIds);
  properties.setProperty(LAST_ID_PROPERTY, ids[ids.length - 1]!.slice(1));
  return ids;
}
