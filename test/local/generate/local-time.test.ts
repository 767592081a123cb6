import { describe, expect, it } from 'vitest';
import { localTimeToUtcMs } from '../../../local/generate/local-time.ts';

describe('Function: localTimeToUtcMs', () => {
  it('uses the summer offset in Chicago (UTC-5)', () => {
    expect(new Date(localTimeToUtcMs('2025-08-15', 19 * 60 + 5, 'America/Chicago'))).toEqual(
      new Date('2025-08-16T00:05:00Z'),
    );
  });

  it('uses the winter offset in Chicago (UTC-6)', () => {
    expect(new Date(localTimeToUtcMs('2025-01-15', 18 * 60, 'America/Chicago'))).toEqual(
      new Date('2025-01-16T00:00:00Z'),
    );
  });
});
