import { describe, expect, it } from 'vitest';
import { parseSavedQuery } from '../../queries/catalog.ts';

const HEADER = [
  '-- name: by_day',
  '-- kind: query',
  '-- description: Orders per day.',
  '-- param: start_date date First date.',
].join('\n');

describe('parseSavedQuery', () => {
  it("counts placeholders after a comment with an apostrophe and before a 'literal'", () => {
    const sql = "-- the order's state\nWITH params AS (SELECT CAST(? AS date) AS d)\nSELECT 'UTC'";

    const query = parseSavedQuery('by_day.sql', `${HEADER}\n${sql}\n`);

    expect(query.parameters.map((parameter) => parameter.name)).toEqual(['start_date']);
  });

  it('does not count a ? inside a literal or a comment', () => {
    const sql = "WITH params AS (SELECT CAST(? AS date) AS d) SELECT '?--' -- why?\nFROM t";

    expect(() => parseSavedQuery('by_day.sql', `${HEADER}\n${sql}\n`)).not.toThrow();
  });

  it('names the file when the placeholders and the params disagree', () => {
    const sql = 'SELECT 1';

    expect(() => parseSavedQuery('by_day.sql', `${HEADER}\n${sql}\n`)).toThrow(
      'by_day.sql: 1 params declared, 0 ? in the SQL',
    );
  });
});
