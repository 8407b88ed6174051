// One slot rule for the check and the sidebar: a slot the sidebar offers as free takes one more
// booking without a capacity error from the check, and a slot it shows full does not.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkBookings, normalizeBooking, type RawBooking } from '../../src/core/check';
import { freeSlots } from '../../src/core/freeSlots';
import { STATUS, STATUSES, type Status } from '../../src/core/schema';
import {
  freePlaces,
  slotCapacity,
  slotKey,
  slotLabel,
  slotOccupancy,
  type SlotBooking,
} from '../../src/core/slots';
import { addDays, formatTime, type LocalDate } from '../../src/core/time';
import { context, NOW, row, TODAY } from './checkFixtures';

const today = TODAY as LocalDate;
// Friday 11/20: the weekend and 勤労感謝の日 (11/23) are closed, 11/24–27 open.
const DAYS = [1, 2, 3, 4, 5, 6, 7].map((n) => addDays(today, n));
const OFFICES = ['倉敷中央', '倉敷わかもの'];
const STARTS = [600, 660, 840, 900];

const FULL_MARK = 'は定員';

describe('slotOccupancy', () => {
  const b = (date: LocalDate, start: number, office: string, status: Status = STATUS.taken) =>
    ({ date, start, office, status }) as SlotBooking;

  it('counts live bookings (受付, 確定, 実施) per day, start and 窓口, from the given day on', () => {
    const d = DAYS[0]!;
    const bookings = [
      b(d, 600, '倉敷中央'),
      b(d, 600, '倉敷中央', STATUS.confirmed),
      b(d, 600, '倉敷中央', STATUS.cancelled),
      b(d, 600, '倉敷わかもの', STATUS.held),
      b(today, 600, '倉敷中央'),
      b(d, 600, ''),
      null,
    ];
    const bySlot = slotOccupancy(bookings, d);
    expect(bySlot.get(slotKey(d, 600, '倉敷中央'))).toEqual([0, 1]);
    expect(bySlot.get(slotKey(d, 600, '倉敷わかもの'))).toEqual([3]);
    expect(bySlot.size).toBe(2);
  });

  it('has at least one place a slot, and never fewer than none free', () => {
    expect(slotCapacity({ capacity: 0 })).toBe(1);
    expect(slotCapacity({ capacity: 3 })).toBe(3);
    expect(freePlaces(5, 2)).toBe(0);
    expect(freePlaces(1, 2)).toBe(1);
    expect(slotLabel(600, 30)).toBe('10:00～10:30');
  });
});

const bookingArb = fc.record({
  day: fc.constantFrom(...DAYS),
  start: fc.constantFrom(...STARTS),
  office: fc.constantFrom(...OFFICES, ''),
  status: fc.constantFrom(...STATUSES, ''),
});

interface Generated {
  day: LocalDate;
  start: number;
  office: string;
  status: string;
}

function rawOf(b: Generated, i: number): RawBooking {
  return row(
    {
      id: `Y${String(i + 1).padStart(6, '0')}`,
      date: b.day.replace(/-/g, '/'),
      start: formatTime(b.start),
      office: b.office,
      status: b.status,
      seekerNo: `33010-${String(10_000 + i)}`,
      officer: `担当${i}`,
      takenAt: new Date(NOW.getTime() - (1000 - i) * 60_000),
    },
    i + 2,
  );
}

describe('the check and the sidebar agree on every slot', () => {
  it('a slot shown free takes one more booking without a capacity error; one shown full does not', () => {
    fc.assert(
      fc.property(
        fc.array(bookingArb, { maxLength: 25 }),
        fc.integer({ min: 1, max: 3 }),
        (bookings, capacity) => {
          const ctx = context({ settings: { capacity } });
          const rows = bookings.map(rawOf);
          const view = freeSlots({
            today,
            settings: ctx.settings,
            closedDays: [],
            bookings: rows.map((r) => normalizeBooking(r, today)),
            businessDays: 4,
          });
          for (const d of view.days) {
            for (const o of d.offices) {
              for (const s of o.slots) {
                const start = Number(s.start.slice(0, 2)) * 60 + Number(s.start.slice(3));
                const added = rawOf(
                  { day: d.date, start, office: o.office, status: STATUS.taken },
                  rows.length,
                );
                const results = checkBookings([...rows, added], ctx);
                const full = results.at(-1)!.errors.some((e) => e.includes(FULL_MARK));
                expect(full, `${d.date} ${s.start} ${o.office}`).toBe(s.full);
              }
            }
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
