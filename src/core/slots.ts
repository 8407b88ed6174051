// Slots (R1) and their capacity: which start times are slots, which bookings occupy one, and how
// many places a slot of one 窓口 has. The check (capacity errors) and the sidebar's 空き枠 both
// count through slotOccupancy, so the two cannot disagree about a slot being full.

import { OCCUPYING_STATUSES, type NormalizedBooking } from './booking';
import { addToGroup } from './groupBy';
import type { Settings } from './settings';
import { formatTime, type LocalDate, type TimeOfDay } from './time';

/** The fields of a booking that decide whether it occupies a slot. */
export type SlotBooking = Pick<NormalizedBooking, 'date' | 'start' | 'office' | 'status'>;

/** A booking with a day and a start that occupies its time (受付, 確定 or 実施). */
type Occupying = SlotBooking & { date: LocalDate; start: TimeOfDay };

/** Whether `start` is one of 設定「開始時刻」. */
export function isSlotStart(start: TimeOfDay, settings: Pick<Settings, 'slots'>): boolean {
  return settings.slots.includes(start);
}

/** '10:00～10:30'. */
export function slotLabel(start: TimeOfDay, durationMinutes: number): string {
  return `${formatTime(start)}～${formatTime(start + durationMinutes)}`;
}

/** Places in one slot of one 窓口 (設定「各枠の定員」, at least 1). */
export function slotCapacity(settings: Pick<Settings, 'capacity'>): number {
  return Math.max(1, settings.capacity);
}

/** One time on one day, whatever the 窓口: what an officer or a job seeker cannot be at twice. */
export function timeKey(date: LocalDate, start: TimeOfDay): string {
  return `${date}|${start}`;
}

/** One slot: a time on a day at one 窓口. */
export function slotKey(date: LocalDate, start: TimeOfDay, office: string): string {
  return `${timeKey(date, start)}|${office}`;
}

/**
 * A live booking (受付, 確定 or 実施) with a day from `from` on and a start: it holds its time.
 * Days before `from` are history: a clash there is no longer anyone's to fix.
 */
export function occupiesTime(b: SlotBooking, from: LocalDate): b is Occupying {
  return b.date !== null && b.start !== null && b.date >= from && isOccupying(b);
}

function isOccupying(b: SlotBooking): boolean {
  return OCCUPYING_STATUSES.includes(b.status);
}

/**
 * The bookings (by index) that occupy each slot from `from` on; null entries (empty rows) and
 * bookings without a 窓口 occupy none. A start that is not a slot is kept under its own key:
 * the check reports it, and no slot a person can choose is counted with it.
 */
export function slotOccupancy(
  bookings: readonly (SlotBooking | null)[],
  from: LocalDate,
): Map<string, number[]> {
  const bySlot = new Map<string, number[]>();
  bookings.forEach((b, i) => {
    if (b === null || b.office === '' || !occupiesTime(b, from)) return;
    addToGroup(bySlot, slotKey(b.date, b.start, b.office), i);
  });
  return bySlot;
}

/** Places still free in a slot that `taken` bookings occupy (never below 0). */
export function freePlaces(taken: number, capacity: number): number {
  return Math.max(0, capacity - taken);
}
