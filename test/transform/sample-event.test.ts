/**
 * The source document's sample event through the real handler, for both tables. Every
 * expected value is read off the document by hand.
 */
import { describe, expect, it } from 'vitest';
import { createHandler } from '../../transform/handler.ts';
import { ORDER_EVENTS, ORDER_LINE_ITEMS } from '../../transform/tables/index.ts';
import { rowProblems } from '../../transform/tables/validate-row.ts';
import { firehoseEvent, rowsOf, SAMPLE_BYTES } from './helpers/firehose-event.ts';

describe('Handler: the source document sample', () => {
  it('writes one order_events row with the totals, states and times of the sample', async () => {
    // Prepare
    const transform = createHandler({ tableName: 'order_events', metrics: null });

    // Act
    const result = await transform(firehoseEvent([SAMPLE_BYTES]));

    // Assess
    const [answer] = result.records;
    expect(answer?.recordId).toBe('r0');
    expect(answer?.result).toBe('Ok');
    expect(answer?.metadata?.partitionKeys).toEqual({ dt: '2020-08-26' });
    const [row] = rowsOf(answer);
    expect(row).toMatchObject({
      event_id: '01egndytjh3xmmt154hxa6dz4m',
      event_time: '2020-08-26T13:05:18.929Z',
      event_version: 1,
      org: 'cubs',
      user_uuid: '1d1c41ee-a875-43dd-ad9c-4375256190de',
      source: 'stadium',
      event_type: 'order.state.change',
      order_uuid: 'b120fdbf-9b4e-44a8-99fd-4e21e3709c1f',
      venue_uuid: 'e13b6c22-fdcf-4446-ba25-c240bc9bc40b',
      confirmation_number: '1234',
      state: 'completion_pending',
      previous_state: 'processing',
      state_changed_at: '2020-08-26T02:28:13.000Z',
      created_at: '2020-08-26T01:02:46.000Z',
      total_cents: 7500,
      tax_cents: 250,
      tip_cents: 1250,
      discount: '0',
      discount_cents: 0,
      // Six active items at 1000 cents: 6 * 1000; none refunded.
      items_subtotal_cents: 6000,
      refunded_cents: 0,
      line_item_count: 6,
      device_uuid: '817c505d-d620-467b-b8a7-77ba9cd2fd30',
      revenue_center_name: 'Suite 101',
      revenue_center_external_ref_id: 'external-suite-101',
      revenue_center_uuid: 'c30550a3-4f87-4a7d-8fd9-22afc2bdbbdb',
      menu_name: 'Day of Event',
      menu_external_ref_id: 'external-day-of-event',
      service_type: 'POS',
      employee_name: null,
      employee_id: null,
      transaction_history: [{ state: 'authorized', time: '2020-08-26T01:02:47.000Z' }],
      state_history: [
        { state: 'tabbed', time: '2020-08-26T01:02:46.000Z' },
        { state: 'processing', time: '2020-08-26T02:28:12.000Z' },
        { state: 'completion_pending', time: '2020-08-26T02:28:13.000Z' },
      ],
      unknown_fields: null,
    });
    expect(row.transition_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.event_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(rowProblems(ORDER_EVENTS, row)).toEqual([]);
  });

  it('keeps the order total equal to items - discount + tax + tip', async () => {
    const transform = createHandler({ tableName: 'order_events', metrics: null });

    const [row] = rowsOf((await transform(firehoseEvent([SAMPLE_BYTES]))).records[0]);

    // 6000 - 0 + 250 + 1250 = 7500, the document's total.
    const { items_subtotal_cents, discount_cents, tax_cents, tip_cents } = row;
    expect(items_subtotal_cents - discount_cents + tax_cents + tip_cents).toBe(row.total_cents);
  });

  it('writes six order_line_items rows: five Sausage Samplers and a Service Charge', async () => {
    const transform = createHandler({ tableName: 'order_line_items', metrics: null });

    const result = await transform(firehoseEvent([SAMPLE_BYTES]));

    const [answer] = result.records;
    expect(answer?.result).toBe('Ok');
    expect(answer?.metadata?.partitionKeys).toEqual({ dt: '2020-08-26' });
    const rows = rowsOf(answer);
    expect(rows.map((row) => [row.line_item_index, row.name, row.price_cents, row.sku])).toEqual([
      [0, 'Sausage Sampler', 1000, '5001'],
      [1, 'Sausage Sampler', 1000, '5001'],
      [2, 'Sausage Sampler', 1000, '5001'],
      [3, 'Sausage Sampler', 1000, '5001'],
      [4, 'Sausage Sampler', 1000, '5001'],
      [5, 'Service Charge', 1000, '8374626'],
    ]);
    expect(rows[0]).toMatchObject({
      event_id: '01egndytjh3xmmt154hxa6dz4m',
      event_time: '2020-08-26T13:05:18.929Z',
      order_uuid: 'b120fdbf-9b4e-44a8-99fd-4e21e3709c1f',
      venue_uuid: 'e13b6c22-fdcf-4446-ba25-c240bc9bc40b',
      org: 'cubs',
      order_state: 'completion_pending',
      order_created_at: '2020-08-26T01:02:46.000Z',
      revenue_center_uuid: 'c30550a3-4f87-4a7d-8fd9-22afc2bdbbdb',
      revenue_center_name: 'Suite 101',
      menu_name: 'Day of Event',
      service_type: 'POS',
      line_item_uuid: '6d268953-85c8-4db4-8091-33676e890c6f',
      created_at: '2020-08-26T01:02:46.000Z',
      refunded_at: null,
      removed_at: null,
      modified_line_item_uuid: null,
      promotion_count: 1,
      promotion_discount_cents: 0,
      promotions: [{ uuid: '8e8c197e-9b2b-4f40-a528-ce28f51404d7', discount_cents: 0 }],
      unknown_fields: null,
    });
    expect(rows[5]).toMatchObject({
      line_item_uuid: '887c26fd-0669-4d78-9319-ab46dbf3b86d',
      promotion_count: 0,
      promotion_discount_cents: 0,
      promotions: [],
    });
    for (const row of rows) expect(rowProblems(ORDER_LINE_ITEMS, row)).toEqual([]);
  });

  it('gives both tables the same transition and event hashes for one event', async () => {
    const events = createHandler({ tableName: 'order_events', metrics: null });
    const items = createHandler({ tableName: 'order_line_items', metrics: null });

    const [order] = rowsOf((await events(firehoseEvent([SAMPLE_BYTES]))).records[0]);
    const lineItems = rowsOf((await items(firehoseEvent([SAMPLE_BYTES]))).records[0]);

    for (const item of lineItems) {
      expect(item.transition_hash).toBe(order.transition_hash);
      expect(item.event_hash).toBe(order.event_hash);
    }
  });
});
