// 予約ID: "Y" and six digits (Y000123), short enough to read out on the phone. Numbers only go
// up (the last one issued is kept in document properties), so an id is never reused, even after
// its row was deleted or archived.

const PATTERN = /^Y(\d{6,})$/;

export function formatBookingId(n: number): string {
  return `Y${String(n).padStart(6, '0')}`;
}

/** The number inside an id, or null for anything that is not one of ours. */
export function bookingIdNumber(id: unknown): number | null {
  const match = PATTERN.exec(String(id ?? '').trim());
  return match ? Number(match[1]) : null;
}

/**
 * The next `count` ids after `lastIssued`, skipping any number already present in the sheets
 * (belt and braces: if the stored counter were ever lost or restored from an old copy).
 */
export function nextBookingIds(
  lastIssued: number,
  count: number,
  existing: Iterable<unknown>,
): string[] {
  let highest = lastIssued;
  for (const id of existing) highest = Math.max(highest, bookingIdNumber(id) ?? 0);
  return Array.from({ length: count }, (_, i) => formatBookingId(highest + i + 1));
}
