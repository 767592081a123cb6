import { describe, expect, it } from 'vitest';
import { glueColumns, gluePartitionKeys } from '../../infra/glue-schema.ts';
import { ORDER_EVENTS, ORDER_LINE_ITEMS } from '../../transform/tables/index.ts';

describe('glueColumns', () => {
  it('maps every column type of order_events to its Hive type', () => {
    const types = Object.fromEntries(
      glueColumns(ORDER_EVENTS).map((column) => [column.name, column.type.inputString]),
    );

    expect(types).toMatchObject({
      event_id: 'string',
      event_time: 'timestamp',
      event_version: 'int',
      total_cents: 'bigint',
      line_item_count: 'int',
      state_history: 'array<struct<state:string,time:timestamp>>',
      transaction_history: 'array<struct<state:string,time:timestamp>>',
    });
  });

  it('nests the promotion struct of order_line_items', () => {
    const promotions = glueColumns(ORDER_LINE_ITEMS).find((c) => c.name === 'promotions');

    expect(promotions?.type.inputString).toBe('array<struct<uuid:string,discount_cents:bigint>>');
    expect(promotions?.type.isPrimitive).toBe(false);
  });

  it('keeps the definition order and descriptions, and dt as the only partition key', () => {
    const columns = glueColumns(ORDER_LINE_ITEMS);

    expect(columns.map((c) => c.name)).toEqual(ORDER_LINE_ITEMS.columns.map((c) => c.name));
    expect(columns[0]?.comment).toBe(ORDER_LINE_ITEMS.columns[0]?.description);
    expect(gluePartitionKeys(ORDER_LINE_ITEMS).map((k) => [k.name, k.type.inputString])).toEqual([
      ['dt', 'string'],
    ]);
  });
});
