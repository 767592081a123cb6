import { describe, expect, it } from 'vitest';
import { arrowSchema } from '../../local/arrow-schema.ts';
import { ORDER_EVENTS, ORDER_LINE_ITEMS } from '../../transform/tables/index.ts';

describe('Function: arrowSchema', () => {
  it('has one field per column of the table, in order, with its nullability', () => {
    const schema = arrowSchema(ORDER_EVENTS);

    expect(schema.fields.map((field) => field.name)).toEqual(
      ORDER_EVENTS.columns.map((column) => column.name),
    );
    expect(schema.fields.map((field) => field.nullable)).toEqual(
      ORDER_EVENTS.columns.map((column) => column.nullable),
    );
  });

  it('maps int to Int32, bigint to Int64, timestamps to zone-less milliseconds', () => {
    const types = new Map(
      arrowSchema(ORDER_EVENTS).fields.map((field) => [field.name, String(field.type)]),
    );

    expect(types.get('line_item_count')).toBe('Int32');
    expect(types.get('total_cents')).toBe('Int64');
    expect(types.get('event_time')).toBe('Timestamp<MILLISECOND>');
    expect(types.get('state')).toBe('Utf8');
    expect(types.get('state_history')).toBe(
      'List<Struct<{state:Utf8, time:Timestamp<MILLISECOND>}>>',
    );
  });

  it('maps an array of structs to a list of structs with their own fields', () => {
    const promotions = arrowSchema(ORDER_LINE_ITEMS).fields.find((f) => f.name === 'promotions');

    expect(String(promotions?.type)).toBe('List<Struct<{uuid:Utf8, discount_cents:Int64}>>');
    expect(promotions?.type.children[0]?.name).toBe('element');
  });
});
