import { describe, expect, it } from 'vitest';
import { inputColumnsOf, VIEW_TABLES } from '../../../infra/reporting/quicksight/view-columns.ts';
import { findSavedQuery } from '../../../queries/catalog.ts';

describe('view columns', () => {
  it('takes each view columns from the table it selects every column of', () => {
    for (const [view, table] of Object.entries(VIEW_TABLES)) {
      const sql = findSavedQuery(view).sql;

      expect(sql).toMatch(new RegExp(`SELECT\\s+\\w+\\.\\*[\\s\\S]*FROM ${table.name}\\b`));
    }
  });

  it('maps bigint and int to INTEGER and timestamps to DATETIME', () => {
    const columns = inputColumnsOf('line_items_latest');

    expect(columns).toContainEqual({ name: 'line_item_index', type: 'INTEGER' });
    expect(columns).toContainEqual({ name: 'promotion_discount_cents', type: 'INTEGER' });
    expect(columns).toContainEqual({ name: 'refunded_at', type: 'DATETIME' });
    expect(columns.at(-1)).toEqual({ name: 'dt', type: 'STRING' });
  });
});
