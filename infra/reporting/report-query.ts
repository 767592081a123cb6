/**
 * The saved query a morning report runs and the Athena execution parameters for it.
 */
import { findSavedQuery, type SavedQuery } from '../../queries/catalog.ts';
import { ReportingConfigError } from './errors.ts';

export const DAILY_REVENUE_QUERY = 'daily_revenue';

/**
 * Returns one Athena execution parameter per query parameter, in the query's order: the
 * report's business date for both ends of the date range, the venue's zone as `timezone`.
 * Values are SQL literals (quoted), which is how Athena reads execution parameters.
 *
 * Throws when the query declares a parameter a scheduled run cannot fill.
 */
export function reportExecutionParameters(query: SavedQuery, timeZone: string): string[] {
  const reportDate = `{% "'" & $reportDate & "'" %}`;
  const values: Record<string, string> = {
    start_date: reportDate,
    end_date: reportDate,
    timezone: `'${timeZone}'`,
  };

  return query.parameters.map((parameter) => {
    const value = values[parameter.name];
    if (value !== undefined) return value;
    const known = Object.keys(values).join(', ');
    const fix = `cannot be filled by a scheduled report, which fills ${known}`;
    throw new ReportingConfigError(`query ${query.name} parameter`, parameter.name, fix);
  });
}

/** The `daily_revenue` saved query from `queries/`. */
export function dailyRevenueQuery(): SavedQuery {
  return findSavedQuery(DAILY_REVENUE_QUERY);
}
