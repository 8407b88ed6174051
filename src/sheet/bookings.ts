// The 予約 sheet as the script sees it: how its rows are found again and which cells it writes.
import { BOOKING, SCRIPT_OWNED_BOOKING_FIELDS } from '../core/schema';
import type { WritePlan } from './ownedWrites';
import type { Cell } from './table';

/** Staff-typed cells that, together, tell one id-less booking from another. */
const FINGERPRINT_HEADERS = [
  BOOKING.name,
  BOOKING.seekerNo,
  BOOKING.email,
  BOOKING.date,
  BOOKING.start,
  BOOKING.office,
  BOOKING.channel,
];

function fingerprint(headers: readonly string[], values: readonly Cell[]): string {
  return FINGERPRINT_HEADERS.map((header) => {
    const value = values[headers.indexOf(header)];
    if (Object.prototype.toString.call(value) === '[object Date]') {
      return String((value as Date).getTime());
    }
    return String(value ?? '');
  }).join('\u001f');
}

export const BOOKING_WRITE_PLAN: WritePlan = {
  idHeader: BOOKING.id,
  ownedHeaders: [...SCRIPT_OWNED_BOOKING_FIELDS.map((f) => BOOKING[f]), BOOKING.status],
  sharedHeaders: [BOOKING.status],
  fingerprint,
};

/** Columns the script writes; every other column of 予約 belongs to staff. */
export const SCRIPT_OWNED_HEADERS: ReadonlySet<string> = new Set(
  SCRIPT_OWNED_BOOKING_FIELDS.map((f) => BOOKING[f]),
);
