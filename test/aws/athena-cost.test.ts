import { describe, expect, it } from 'vitest';
import { athenaCost } from '../../aws/athena-cost.ts';

const MB = 2 ** 20;

describe('Function: athenaCost', () => {
  it('bills at least 10 MB, even for a query that scanned nothing', () => {
    expect(athenaCost(0)).toEqual({ billedBytes: 10 * MB, usd: (10 / 2 ** 20) * 5 });
  });

  it('rounds the scan up to the next whole megabyte', () => {
    expect(athenaCost(10 * MB + 1).billedBytes).toBe(11 * MB);
    expect(athenaCost(11 * MB).billedBytes).toBe(11 * MB);
  });

  it('charges $5 for a terabyte scanned', () => {
    expect(athenaCost(2 ** 40).usd).toBe(5);
    expect(athenaCost(3 * 2 ** 39).usd).toBe(7.5);
  });
});
