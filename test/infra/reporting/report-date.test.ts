import fc from 'fast-check';
import jsonata from 'jsonata';
import { describe, expect, it } from 'vitest';
import { type ReportRunInput, reportDateExpression } from '../../../infra/reporting/report-date.ts';

/** Evaluates the expression as Step Functions does: the run's input is `$states.input`. */
async function reportDate(timeZone: string, input: ReportRunInput): Promise<unknown> {
  return jsonata(reportDateExpression(timeZone)).evaluate({}, { states: { input } });
}

describe('reportDateExpression', () => {
  it('gives the previous local day for the default 06:00 run in America/Chicago', async () => {
    // 06:00 CDT on 26 August 2024 is 11:00Z.
    await expect(
      reportDate('America/Chicago', { scheduledTime: '2024-08-26T11:00:00Z' }),
    ).resolves.toBe('2024-08-25');
  });

  it('uses the new offset on the morning daylight saving begins', async () => {
    // 10 March 2024: 06:00 CDT is 11:00Z; with the winter offset it would read 05:00.
    await expect(
      reportDate('America/Chicago', { scheduledTime: '2024-03-10T11:00:00Z' }),
    ).resolves.toBe('2024-03-09');
  });

  it('reads the local date, not the UTC date, east of UTC', async () => {
    // 06:00 JST on 15 January 2024 is 21:00Z on the 14th: the report is for the 14th.
    await expect(reportDate('Asia/Tokyo', { scheduledTime: '2024-01-14T21:00:00Z' })).resolves.toBe(
      '2024-01-14',
    );
  });

  it('takes a reportDate given by hand as it is, for a re-run or a backfill', async () => {
    const input = { reportDate: '2020-08-25', scheduledTime: '2024-08-26T11:00:00Z' };

    await expect(reportDate('America/Chicago', input)).resolves.toBe('2020-08-25');
  });

  it('fails the run on a reportDate not in YYYY-MM-DD form, before the SQL', async () => {
    await expect(
      reportDate('America/Chicago', { reportDate: "2024-01-01' OR 1=1" }),
    ).rejects.toThrow("reportDate must be YYYY-MM-DD, got 2024-01-01' OR 1=1");
  });

  it('fails the run on a scheduled time beyond the offsets it carries', async () => {
    await expect(
      reportDate('America/Chicago', { scheduledTime: '2051-01-01T12:00:00Z' }),
    ).rejects.toThrow('scheduledTime 2051-01-01T12:00:00Z is outside 2024-2050');
  });

  it('fails the run on an input with neither field', async () => {
    await expect(reportDate('America/Chicago', {})).rejects.toThrow(
      'the input has neither reportDate nor scheduledTime',
    );
  });

  it('agrees with the time zone database on the day before the local date', async () => {
    const zones = ['America/Chicago', 'America/New_York', 'Europe/London', 'Australia/Sydney'];
    const expressions = new Map(zones.map((zone) => [zone, jsonata(reportDateExpression(zone))]));
    const instants = fc.integer({
      min: Date.parse('2024-01-02T00:00:00Z'),
      max: Date.parse('2050-12-30T00:00:00Z'),
    });

    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...zones), instants, async (zone, epochMs) => {
        const scheduledTime = new Date(Math.floor(epochMs / 60_000) * 60_000).toISOString();
        const input = { scheduledTime };

        const actual = await expressions.get(zone)?.evaluate({}, { states: { input } });

        expect(actual).toBe(previousLocalDay(zone, scheduledTime));
      }),
      { numRuns: 200 },
    );
  });
});

/** The oracle: the local calendar date from Intl, minus one calendar day. */
function previousLocalDay(timeZone: string, instant: string): string {
  const local = new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date(instant));
  const [year = 0, month = 0, day = 0] = local.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day - 1)).toISOString().slice(0, 10);
}
