// tryDayOf by arithmetic must agree with the calendar JavaScript's Date keeps, for every day.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, tryDayOf } from '../../src/core/time';

/** The Tokyo day by Date's own UTC getters (the slow way the arithmetic replaces). */
function byDate(ms: number): string | null {
  const tokyo = new Date(ms + 9 * 3_600_000);
  const y = tokyo.getUTCFullYear();
  if (y < 1900 || y > 9999) return null;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${y}-${pad(tokyo.getUTCMonth() + 1)}-${pad(tokyo.getUTCDate())}`;
}

describe('tryDayOf', () => {
  it('agrees with Date for random instants from 1899 to 10000', () => {
    const from = Date.UTC(1899, 0, 1);
    const to = Date.UTC(10000, 11, 31);
    fc.assert(
      fc.property(fc.integer({ min: from, max: to }), (ms) => {
        expect(tryDayOf(new Date(ms))).toBe(byDate(ms));
      }),
      { numRuns: 5000 },
    );
  });

  it('turns at Tokyo midnight (15:00 UTC), across month, year and leap days', () => {
    expect(tryDayOf(new Date('2024-02-28T14:59:59.999Z'))).toBe('2024-02-28');
    expect(tryDayOf(new Date('2024-02-28T15:00:00.000Z'))).toBe('2024-02-29');
    expect(tryDayOf(new Date('2026-12-31T15:00:00.000Z'))).toBe('2027-01-01');
    expect(tryDayOf(new Date('1899-12-31T14:59:59.999Z'))).toBeNull();
    expect(tryDayOf(new Date(Number.NaN))).toBeNull();
    expect(addDays(tryDayOf(new Date('2100-02-28T15:00:00Z'))!, 1)).toBe('2100-03-02');
  });
});
