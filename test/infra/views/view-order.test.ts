import { describe, expect, it } from 'vitest';
import { orderViews, ViewOrderError } from '../../../infra/views/view-order.ts';

const orders = { name: 'orders_latest', sql: 'CREATE OR REPLACE VIEW orders_latest AS SELECT 1' };
const items = {
  name: 'line_items_latest',
  sql:
    'CREATE OR REPLACE VIEW line_items_latest AS SELECT * FROM order_line_items li ' +
    'JOIN orders_latest o USING (event_id)',
};
const daily = { name: 'daily', sql: 'CREATE OR REPLACE VIEW daily AS SELECT * FROM order_events' };

describe('orderViews', () => {
  it('puts a view after the view it selects from, whatever the given order', () => {
    expect(orderViews([items, orders]).map((v) => v.name)).toEqual([
      'orders_latest',
      'line_items_latest',
    ]);
  });

  it('keeps the given order of views that do not depend on each other', () => {
    expect(orderViews([daily, items, orders]).map((v) => v.name)).toEqual([
      'daily',
      'orders_latest',
      'line_items_latest',
    ]);
  });

  it('ignores names in comments, string literals and inside longer names', () => {
    const commented = {
      name: 'a_view',
      sql: "-- built like orders_latest\nSELECT 'orders_latest' AS label FROM orders_latest_v2",
    };

    expect(orderViews([commented, orders]).map((v) => v.name)).toEqual(['a_view', 'orders_latest']);
  });

  it('names the cycle when views depend on each other', () => {
    const a = { name: 'a', sql: 'SELECT * FROM b' };
    const b = { name: 'b', sql: 'SELECT * FROM a' };

    expect(() => orderViews([a, b])).toThrow(
      new ViewOrderError('views depend on each other in a cycle: a -> b -> a'),
    );
  });
});
