// 確定 bookings whose day has passed without 実施 / 無断キャンセル: the 10-minute runs, which
// settle them on the day, may have stopped. A warning (注意:) naming 自己診断 and 初期設定.
import { describe, expect, it } from 'vitest';
import { STATUS, WARNING_PREFIX } from '../../src/core/schema';
import { checkOne } from './checkFixtures';

const STOPPED = '自動処理が止まっている可能性';

describe('a 確定 booking whose day has passed', () => {
  it('warns that the automatic runs may have stopped, with the fix', () => {
    const result = checkOne({
      date: '2026/11/19',
      status: STATUS.confirmed,
      invitedAt: '2026/11/18 10:00',
    });
    expect(result.errors).toEqual([]);
    const line = result.warnings.find((w) => w.includes(STOPPED));
    expect(line).toBeDefined();
    expect(line!.startsWith(WARNING_PREFIX)).toBe(true);
    expect(line).toContain('自己診断');
    expect(line).toContain('初期設定');
    expect(line).toContain('11月19日');
  });

  it('also when 参加 was ticked (the run would have set 実施)', () => {
    const result = checkOne({ date: '2026/11/19', status: STATUS.confirmed, joined: true });
    expect(result.warnings.some((w) => w.includes(STOPPED))).toBe(true);
  });

  it('is not raised on the day itself, before it, or once the status is settled', () => {
    for (const overrides of [
      { date: '2026/11/20', status: STATUS.confirmed },
      { date: '2026/12/1', status: STATUS.confirmed },
      { date: '2026/11/19', status: STATUS.held },
      { date: '2026/11/19', status: STATUS.noShow },
      { date: '2026/11/19', status: STATUS.cancelled },
    ]) {
      const result = checkOne(overrides);
      expect(
        result.warnings.filter((w) => w.includes(STOPPED)),
        JSON.stringify(overrides),
      ).toEqual([]);
    }
  });
});
