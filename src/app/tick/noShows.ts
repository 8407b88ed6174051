// No-shows (R9): 状態 written for bookings whose time has come, and the 操作ログ lines of the
// changes that stuck.
import { statusTransition, type StatusTransition } from '../../core/noShows';
import { BOOKING } from '../../core/schema';
import type { Settings } from '../../core/settings';
import { transitionAction, transitionDetail } from '../../core/tickWords';
import type { OwnedChange } from '../../sheet/ownedWrites';
import type { AuditLog } from '../auditLog';
import { writeBookingCells } from '../bookingWrites';
import { type BookingItem, type BookingsRead, forEachRow } from './bookings';

export interface PlannedStatus {
  item: BookingItem;
  transition: StatusTransition;
  change: OwnedChange;
}

function planNoShows(bookings: BookingsRead, settings: Settings, now: Date): PlannedStatus[] {
  const { table } = bookings;
  const statusIndex = table.headers.indexOf(BOOKING.status);
  const joinedIndex = table.headers.indexOf(BOOKING.joined);
  return forEachRow(bookings, (item) => {
    const { row, booking } = item;
    const transition = statusTransition(booking, now, settings);
    if (transition === null || booking.id === '') return null;
    const change: OwnedChange = {
      // By the id as the check read or gave it: found again wherever the row is now.
      key: { id: booking.id },
      header: BOOKING.status,
      // The status as read: if a person changes it before the write, theirs stands.
      expected: row.values[statusIndex] ?? '',
      value: transition.to,
      // Decided on 参加 as read: a tick made meanwhile stops a 無断キャンセル (and vice versa).
      guards:
        joinedIndex < 0
          ? []
          : [{ header: BOOKING.joined, expected: row.values[joinedIndex] ?? '' }],
    };
    return { item, transition, change };
  });
}

/** Writes 状態 for bookings whose time has come; returns the changes that were written. */
export function markNoShows(
  bookings: BookingsRead,
  settings: Settings,
  now: Date,
): PlannedStatus[] {
  const planned = planNoShows(bookings, settings, now);
  if (planned.length === 0) return [];
  const outcome = writeBookingCells(
    bookings.table.sheet,
    planned.map((p) => p.change),
  );
  if (outcome.skipped.length > 0) {
    console.log(`tick noShows: ${outcome.skipped.length} change(s) left to a person's edit`);
  }
  const skipped = new Set(outcome.skipped);
  return planned.filter((p) => !skipped.has(p.change));
}

export function logNoShows(
  settled: readonly PlannedStatus[],
  settings: Settings,
  log: AuditLog,
): void {
  for (const { item, transition } of settled) {
    log.add({
      action: transitionAction(transition),
      bookingId: item.booking.id,
      detail: transitionDetail(transition, settings),
    });
  }
}
