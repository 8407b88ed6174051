import { describe, expect, it } from 'vitest';
import { addToGroup, groupBy } from '../../src/core/groupBy';

describe('groupBy', () => {
  it('groups by key, keeping the order the items came in, keys in first-seen order', () => {
    const groups = groupBy(['b1', 'a1', 'b2', 'c1', 'a2'], (s) => s[0]);
    expect([...groups]).toEqual([
      ['b', ['b1', 'b2']],
      ['a', ['a1', 'a2']],
      ['c', ['c1']],
    ]);
  });

  it('addToGroup creates a group on first use and appends after', () => {
    const groups = new Map<number, string[]>();
    addToGroup(groups, 7, 'x');
    addToGroup(groups, 7, 'y');
    expect(groups.get(7)).toEqual(['x', 'y']);
    expect(groupBy([], () => 0).size).toBe(0);
  });
});
