import { groupBy } from './collections';

describe('groupBy', () => {
  it('groups items by key, keeping the first order of groups and of items', () => {
    const grouped = groupBy(['b1', 'a1', 'b2', 'a2', 'c1'], (s) => s[0]);
    expect([...grouped]).toEqual([
      ['b', ['b1', 'b2']],
      ['a', ['a1', 'a2']],
      ['c', ['c1']],
    ]);
    expect(groupBy([], (s: string) => s).size).toBe(0);
  });
});
