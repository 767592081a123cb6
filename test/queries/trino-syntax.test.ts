import { TrinoSQL } from 'dt-sql-parser';
import { describe, expect, it } from 'vitest';
import { loadSavedQueries } from '../../queries/catalog.ts';

const trino = new TrinoSQL();
const saved = loadSavedQueries();

describe('Saved queries as Trino SQL', () => {
  it('include the views and reports the project promises', () => {
    const names = saved.map((query) => query.name);

    expect(names).toEqual(
      expect.arrayContaining([
        'orders_latest',
        'line_items_latest',
        'order_state_changes',
        'daily_revenue',
        'revenue_by_revenue_center',
        'revenue_by_menu_item',
        'hourly_sales',
        'tips_and_discounts',
        'refunds',
        'time_in_state',
        'data_quality',
        'total_mismatches',
      ]),
    );
  });

  it('the parser reports a syntax error, so a clean parse means something', () => {
    expect(trino.validate('SELECT a FROM t WHERE')).not.toEqual([]);
  });

  it.each(saved.map((query) => [query.file, query] as const))(
    '%s parses as Trino SQL',
    (_, query) => {
      expect(trino.validate(query.sql)).toEqual([]);
    },
  );

  it.each(
    saved.filter((query) => query.kind === 'view').map((query) => [query.file, query] as const),
  )('%s creates a view named after its file', (file, query) => {
    expect(withoutLeadingComments(query.sql)).toMatch(
      new RegExp(`^CREATE OR REPLACE VIEW ${query.name} AS\\s`),
    );
    expect(file).toBe(`${query.name}.sql`);
  });

  it.each(
    saved.filter((query) => query.kind === 'query').map((query) => [query.file, query] as const),
  )('%s binds its parameters in a params CTE', (_, query) => {
    expect(withoutLeadingComments(query.sql)).toMatch(/^WITH params AS \(\s*SELECT /);
  });
});

/** The SQL after the comment lines that may open it (notes below the header). */
function withoutLeadingComments(sql: string): string {
  return sql.replace(/^(--[^\n]*\n)+/, '');
}
