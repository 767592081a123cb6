import { describe, expect, it } from 'vitest';
import {
  dailyRevenueQuery,
  reportExecutionParameters,
} from '../../../infra/reporting/report-query.ts';
import { parseSavedQuery } from '../../../queries/catalog.ts';

describe('reportExecutionParameters', () => {
  it('fills daily_revenue: the report date twice, then the venue zone as a literal', () => {
    const parameters = reportExecutionParameters(dailyRevenueQuery(), 'America/Chicago');

    expect(parameters).toEqual([
      `{% "'" & $reportDate & "'" %}`,
      `{% "'" & $reportDate & "'" %}`,
      "'America/Chicago'",
    ]);
  });

  it('throws, naming the query and the parameter, when a run cannot fill it', () => {
    const query = parseSavedQuery(
      'by_venue.sql',
      [
        '-- name: by_venue',
        '-- description: Sales of one venue.',
        '-- param: venue_uuid varchar The venue.',
        'WITH params AS (SELECT ? AS venue_uuid) SELECT * FROM params',
      ].join('\n'),
    );

    expect(() => reportExecutionParameters(query, 'America/Chicago')).toThrow(
      'query by_venue parameter: "venue_uuid" cannot be filled by a scheduled report, ' +
        'which fills start_date, end_date, timezone',
    );
  });
});
