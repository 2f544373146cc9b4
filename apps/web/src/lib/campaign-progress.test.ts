import { describe, expect, it } from 'vitest';
import { reportView } from '@/test/campaign';
import { campaignProgress, tallyOf } from './campaign-progress';

describe('campaignProgress', () => {
  it('counts sent and accepted reports as sent, and lays the states out from done to missing', () => {
    const progress = campaignProgress({
      expected: 10,
      counts: { 'не сдан': 3, 'сдан частично': 2, сдан: 2, принят: 2, возвращён: 1 },
    });
    expect(progress.sent).toBe(4);
    expect(progress.share).toBe(0.4);
    expect(progress.parts.map((part) => [part.state, part.count, part.share])).toEqual([
      ['принят', 2, 0.2],
      ['сдан', 2, 0.2],
      ['возвращён', 1, 0.1],
      ['сдан частично', 2, 0.2],
      ['не сдан', 3, 0.3],
    ]);
  });

  it('has no share when nobody is expected', () => {
    const progress = campaignProgress({
      expected: 0,
      counts: { 'не сдан': 0, 'сдан частично': 0, сдан: 0, принят: 0, возвращён: 0 },
    });
    expect(progress.share).toBeNull();
    expect(progress.parts.every((part) => part.share === 0)).toBe(true);
  });

  it('tallies a level’s reports as the campaign counts them', () => {
    const tally = tallyOf([
      reportView({ state: 'сдан', onTime: true, completedOn: '2025-06-10' }),
      reportView({ state: 'принят', onTime: false, late: 2, completedOn: '2025-06-17' }),
      reportView({ state: 'не сдан', late: 3 }),
      reportView(),
    ]);
    expect(tally).toEqual({
      counts: { 'не сдан': 1, 'сдан частично': 1, сдан: 1, принят: 1, возвращён: 0 },
      expected: 4,
      onTime: 1,
      late: 2,
    });
    expect(campaignProgress(tally).sent).toBe(2);
  });
});
