/**
 * Turns `name=value` parameters given by a user into the positional values of a saved
 * query's `?` placeholders, checking each one so a bad value is reported by name before any
 * engine sees it. Shared by the local (DuckDB) and Athena runners.
 */
import type { QueryParameter, SavedQuery } from './catalog.ts';

export class QueryParameterError extends Error {
  constructor(query: string, message: string) {
    super(`query ${query}: ${message}`);
    this.name = 'QueryParameterError';
  }
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Returns the values for `query`'s placeholders, in header order. Throws a
 * {@link QueryParameterError} naming every missing or unknown parameter, or the parameter
 * whose value is not of its type (a real `YYYY-MM-DD` date; an IANA zone for `timezone`).
 */
export function parameterValues(
  query: SavedQuery,
  given: Readonly<Record<string, string>>,
): string[] {
  const declared = query.parameters.map((parameter) => parameter.name);
  const unknown = Object.keys(given).filter((name) => !declared.includes(name));
  const missing = declared.filter((name) => given[name] === undefined);
  const expected = declared.length > 0 ? declared.join(', ') : 'none';
  if (unknown.length > 0) {
    throw new QueryParameterError(
      query.name,
      `unknown parameter ${unknown.join(', ')} (parameters: ${expected})`,
    );
  }
  if (missing.length > 0) {
    throw new QueryParameterError(query.name, `missing parameter ${missing.join(', ')}`);
  }
  return query.parameters.map((parameter) => checkedValue(query, parameter, given));
}

function checkedValue(
  query: SavedQuery,
  parameter: QueryParameter,
  given: Readonly<Record<string, string>>,
): string {
  const value = given[parameter.name] ?? '';
  const problem = valueProblem(parameter, value);
  if (problem) {
    throw new QueryParameterError(query.name, `parameter ${parameter.name}=${value}: ${problem}`);
  }
  return value;
}

function valueProblem(parameter: QueryParameter, value: string): string | undefined {
  if (parameter.type.toLowerCase() === 'date') return dateProblem(value);
  if (parameter.name === 'timezone') return timeZoneProblem(value);
  return undefined;
}

function dateProblem(value: string): string | undefined {
  const match = ISO_DATE.exec(value);
  if (!match) return 'expected a date as YYYY-MM-DD';
  const [, year = '', month = '', day = ''] = match;
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  const real = date.toISOString().startsWith(value);
  return real ? undefined : 'no such date';
}

function timeZoneProblem(value: string): string | undefined {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return undefined;
  } catch {
    return 'unknown time zone; expected an IANA name such as America/Chicago';
  }
}
