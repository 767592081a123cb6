import { describe, expect, it } from 'vitest';
import { findSavedQuery } from '../../queries/catalog.ts';
import { parameterValues } from '../../queries/parameters.ts';

const dailyRevenue = findSavedQuery('daily_revenue');
const valid = { start_date: '2020-08-25', end_date: '2020-08-26', timezone: 'America/Chicago' };

describe('parameterValues', () => {
  it('returns the values in the order of the placeholders, whatever order they are given', () => {
    const given = { timezone: 'America/Chicago', end_date: '2020-08-26', start_date: '2020-08-25' };

    expect(parameterValues(dailyRevenue, given)).toEqual([
      '2020-08-25',
      '2020-08-26',
      'America/Chicago',
    ]);
  });

  it('names a missing parameter', () => {
    const { timezone: _, ...withoutZone } = valid;

    expect(() => parameterValues(dailyRevenue, withoutZone)).toThrow(
      'query daily_revenue: missing parameter timezone',
    );
  });

  it('names an unknown parameter and lists the known ones', () => {
    expect(() => parameterValues(dailyRevenue, { ...valid, tz: 'UTC' })).toThrow(
      'query daily_revenue: unknown parameter tz (parameters: start_date, end_date, timezone)',
    );
  });

  it('rejects a date that is not YYYY-MM-DD', () => {
    expect(() => parameterValues(dailyRevenue, { ...valid, start_date: '08/25/2020' })).toThrow(
      'parameter start_date=08/25/2020: expected a date as YYYY-MM-DD',
    );
  });

  it('rejects a date that does not exist rather than rolling it over', () => {
    expect(() => parameterValues(dailyRevenue, { ...valid, end_date: '2021-02-29' })).toThrow(
      'parameter end_date=2021-02-29: no such date',
    );
  });

  it('rejects an unknown time zone', () => {
    expect(() => parameterValues(dailyRevenue, { ...valid, timezone: 'Mars/Olympus' })).toThrow(
      'parameter timezone=Mars/Olympus: unknown time zone',
    );
  });
});
