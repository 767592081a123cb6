import { describe, expect, it } from 'vitest';
import { backoffDelayMs } from '../../aws/backoff.ts';

describe('Function: backoffDelayMs', () => {
  it('doubles the ceiling of the delay with each retry', () => {
    const half = { baseMs: 100, maxMs: 5000, random: () => 0.5 };

    expect([1, 2, 3, 4].map((attempt) => backoffDelayMs(attempt, half))).toEqual([
      50, 100, 200, 400,
    ]);
  });

  it('never waits longer than the largest ceiling', () => {
    const almostOne = { baseMs: 100, maxMs: 5000, random: () => 0.999 };

    expect(backoffDelayMs(20, almostOne)).toBe(4995);
  });

  it('may retry at once: full jitter reaches down to zero', () => {
    expect(backoffDelayMs(3, { random: () => 0 })).toBe(0);
  });
});
