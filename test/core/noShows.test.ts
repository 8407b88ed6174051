import { describe, expect, it } from 'vitest';
import { statusTransition } from '../../src/core/noShows';
import { STATUS, STATUSES } from '../../src/core/schema';
import { at, booking, day, settings } from './tickFixtures';

// A 確定 booking on Tuesday 2026-12-01 at 10:00, 無断キャンセル判定 10 minutes, 30-minute slots.
const to = (b: Parameters<typeof statusTransition>[0], now: string) =>
  statusTransition(b, at(now), settings)?.to ?? null;

describe('statusTransition (R9)', () => {
  it('waits until exactly 10 minutes after the start: 9 → nothing, 10 and 11 → 無断キャンセル', () => {
    expect(to(booking(), '2026-12-01 10:09')).toBeNull();
    expect(
      statusTransition(booking(), new Date('2026-12-01T10:09:59.999+09:00'), settings),
    ).toBeNull();
    expect(to(booking(), '2026-12-01 10:10')).toBe(STATUS.noShow);
    expect(to(booking(), '2026-12-01 10:11')).toBe(STATUS.noShow);
  });

  it('follows 無断キャンセル判定 from 設定', () => {
    const fifteen = { ...settings, noShowMinutes: 15 };
    expect(statusTransition(booking(), at('2026-12-01 10:14'), fifteen)).toBeNull();
    expect(statusTransition(booking(), at('2026-12-01 10:15'), fifteen)?.to).toBe(STATUS.noShow);
  });

  it('never marks a joined booking as a no-show; it becomes 実施 once the slot is over', () => {
    const joined = booking({ joined: true });
    expect(to(joined, '2026-12-01 10:11')).toBeNull();
    expect(to(joined, '2026-12-01 10:29')).toBeNull();
    expect(statusTransition(joined, at('2026-12-01 10:30'), settings)).toEqual({
      from: STATUS.confirmed,
      to: STATUS.held,
    });
    expect(to(joined, '2026-12-03 08:00')).toBe(STATUS.held);
  });

  it('decides a no-show on its own day only', () => {
    expect(to(booking(), '2026-11-30 23:59')).toBeNull();
    expect(to(booking(), '2026-12-02 09:00')).toBeNull();
    expect(to(booking({ date: day('2026-12-02') }), '2026-12-01 15:00')).toBeNull();
  });

  it('never changes a status a person set, nor a booking not yet invited', () => {
    for (const status of STATUSES.filter((s) => s !== STATUS.confirmed)) {
      expect(to(booking({ status }), '2026-12-01 10:30'), status).toBeNull();
      expect(to(booking({ status, joined: true }), '2026-12-01 11:00'), status).toBeNull();
    }
  });

  it('leaves rows without a readable day or time alone', () => {
    expect(to(booking({ date: null }), '2026-12-01 10:30')).toBeNull();
    expect(to(booking({ start: null }), '2026-12-01 10:30')).toBeNull();
  });

  it('uses Tokyo time, not the machine zone (tests run in Los Angeles)', () => {
    // 10:10 in Tokyo is 17:10 the day before in Los Angeles.
    expect(to(booking(), '2026-12-01 10:10')).toBe(STATUS.noShow);
    expect(
      statusTransition(booking({ start: 15 * 60 }), new Date('2026-11-30T22:10:00-08:00'), settings)
        ?.to,
    ).toBe(STATUS.noShow);
  });
});
