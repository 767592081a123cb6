import { describe, expect, it } from 'vitest';
import { nonSaleStates } from '../../../infra/reporting/quicksight/sale-states.ts';
import { parseSavedQuery } from '../../../queries/catalog.ts';

describe('nonSaleStates', () => {
  it('reads the states the sales_orders view leaves out', () => {
    expect(nonSaleStates()).toEqual(['cancelled', 'canceled', 'voided', 'declined', 'failed']);
  });

  it('throws, naming the view, when the view no longer states its rule that way', () => {
    const view = parseSavedQuery(
      'sales_orders.sql',
      [
        '-- name: sales_orders',
        '-- kind: view',
        '-- description: Every order.',
        'CREATE OR REPLACE VIEW sales_orders AS SELECT * FROM orders_latest',
      ].join('\n'),
    );

    expect(() => nonSaleStates(view)).toThrow(
      'view sales_orders: "sales_orders.sql" no longer says "lower(<alias>.state) NOT IN (...)"',
    );
  });
});
