import { describe, expect, it } from 'vitest';
import { offsetReader, utcOffsetPeriods } from '../../../infra/reporting/utc-offsets.ts';

describe('utcOffsetPeriods', () => {
  it('finds the 2024 daylight saving changes of America/Chicago to the minute', () => {
    // Prepare: US DST 2024 began Sunday 10 March at 02:00 CST (08:00Z) and ended Sunday
    // 3 November at 02:00 CDT (07:00Z).

    // Act
    const periods = utcOffsetPeriods('America/Chicago', 2024, 2024);

    // Assert
    expect(periods).toEqual([
      { from: Date.parse('2024-01-01T00:00:00Z'), offset: '-0600' },
      { from: Date.parse('2024-03-10T08:00:00Z'), offset: '-0500' },
      { from: Date.parse('2024-11-03T07:00:00Z'), offset: '-0600' },
    ]);
  });

  it('gives a zone without daylight saving one period with its half-hour offset', () => {
    expect(utcOffsetPeriods('Asia/Kolkata', 2024, 2030)).toEqual([
      { from: Date.parse('2024-01-01T00:00:00Z'), offset: '+0530' },
    ]);
  });
});

describe('offsetReader', () => {
  it('writes a zero offset as +0000 and a summer offset with its sign', () => {
    const london = offsetReader('Europe/London');

    expect(london(Date.parse('2024-01-15T12:00:00Z'))).toBe('+0000');
    expect(london(Date.parse('2024-07-15T12:00:00Z'))).toBe('+0100');
  });
});
