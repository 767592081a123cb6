/**
 * Timestamp parsing: offsets, fractions and impossible dates, worked out by hand.
 */
import { describe, expect, it } from 'vitest';
import { parseTimestamp } from '../../transform/event/timestamp.ts';

describe('Function: parseTimestamp', () => {
  it.each([
    ['2020-08-26T01:02:46Z', '2020-08-26T01:02:46.000Z'],
    ['2020-08-25T20:02:46-05:00', '2020-08-26T01:02:46.000Z'],
    ['2020-08-26T06:32:46+05:30', '2020-08-26T01:02:46.000Z'],
    ['2020-08-26T01:02:46.5Z', '2020-08-26T01:02:46.500Z'],
    ['2020-08-26T01:02:46.123456Z', '2020-08-26T01:02:46.123456000Z'],
    ['2020-08-26T01:02:46.123456789+00:00', '2020-08-26T01:02:46.123456789Z'],
    ['2020-12-31T23:30:00-01:00', '2021-01-01T00:30:00.000Z'],
    ['2024-02-29T12:00:00Z', '2024-02-29T12:00:00.000Z'],
    ['2000-02-29T12:00:00Z', '2000-02-29T12:00:00.000Z'],
    ['0099-01-01T00:00:00Z', '0099-01-01T00:00:00.000Z'],
  ])('reads %s as %s', (text, iso) => {
    expect(parseTimestamp(text)?.iso).toBe(iso);
  });

  it.each([
    '2021-02-29T00:00:00Z',
    '1900-02-29T00:00:00Z',
    '2020-04-31T00:00:00Z',
    '2020-13-01T00:00:00Z',
    '2020-00-10T00:00:00Z',
    '2020-08-26T24:00:00Z',
    '2020-08-26T23:60:00Z',
    '2020-08-26T23:59:60Z',
    '2020-08-26T01:02:46',
    '2020-08-26T01:02:46+0500',
    '2020-08-26T01:02:46+24:00',
    '2020-08-26 01:02:46Z',
    '2020-08-26T01:02:46.1234567890Z',
    '26/08/2020',
    '',
  ])('rejects %j', (text) => {
    expect(parseTimestamp(text)).toBeUndefined();
  });

  it('keeps sub-millisecond order', () => {
    const earlier = parseTimestamp('2020-08-26T01:02:46.0001Z');
    const later = parseTimestamp('2020-08-26T01:02:46.0002Z');

    expect(earlier?.epochMs).toBe(later?.epochMs);
    expect(earlier?.subMsNanos).toBe(100_000);
    expect(later?.subMsNanos).toBe(200_000);
  });
});
