import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { PartitionWriter } from '../../../local/write/partition-writer.ts';
import { ORDER_EVENTS, ORDER_LINE_ITEMS } from '../../../transform/tables/index.ts';
import { query } from '../helpers/duckdb.ts';
import { sampleRows } from '../helpers/sample-rows.ts';

describe('Class: PartitionWriter', () => {
  let warehouse: string;

  beforeEach(async () => {
    warehouse = await mkdtemp(join(tmpdir(), 'orderfeed-writer-'));
  });

  it('writes order_events rows that DuckDB reads back with the right types and values', async () => {
    const writer = new PartitionWriter(warehouse);
    await writer.append(ORDER_EVENTS, '2020-08-26', await sampleRows('order_events'));
    await writer.close();

    const [row] = await query(`
      SELECT order_uuid, state, previous_state, total_cents, tax_cents, tip_cents,
             discount_cents, items_subtotal_cents, refunded_cents, line_item_count,
             created_at, event_time, state_changed_at, employee_name,
             state_history[3].state AS last_state, len(state_history) AS states,
             typeof(total_cents) AS money_type, typeof(line_item_count) AS count_type,
             typeof(event_time) AS time_type, typeof(state_history) AS history_type
      FROM read_parquet('${warehouse}/order_events/dt=2020-08-26/*.parquet')`);

    expect(row).toEqual({
      order_uuid: 'b120fdbf-9b4e-44a8-99fd-4e21e3709c1f',
      state: 'completion_pending',
      previous_state: 'processing',
      total_cents: '7500',
      tax_cents: '250',
      tip_cents: '1250',
      discount_cents: '0',
      items_subtotal_cents: '6000',
      refunded_cents: '0',
      line_item_count: 6,
      created_at: '2020-08-26 01:02:46',
      event_time: '2020-08-26 13:05:18.929',
      state_changed_at: '2020-08-26 02:28:13',
      employee_name: null,
      last_state: 'completion_pending',
      states: '3',
      money_type: 'BIGINT',
      count_type: 'INTEGER',
      time_type: 'TIMESTAMP',
      history_type: 'STRUCT(state VARCHAR, "time" TIMESTAMP)[]',
    });
  });

  it('writes line items with their promotions, Snappy-compressed', async () => {
    const writer = new PartitionWriter(warehouse);
    await writer.append(ORDER_LINE_ITEMS, '2020-08-26', await sampleRows('order_line_items'));
    await writer.close();
    const files = `${warehouse}/order_line_items/dt=2020-08-26/*.parquet`;

    const rows = await query(`
      SELECT name, count(*) AS items, sum(price_cents) AS cents, sum(promotion_count) AS promos
      FROM read_parquet('${files}') GROUP BY name ORDER BY name`);
    const codecs = await query(`SELECT DISTINCT compression FROM parquet_metadata('${files}')`);

    expect(rows).toEqual([
      { name: 'Sausage Sampler', items: '5', cents: '5000', promos: '1' },
      { name: 'Service Charge', items: '1', cents: '1000', promos: '0' },
    ]);
    expect(codecs).toEqual([{ compression: 'SNAPPY' }]);
  });

  it('starts a new file each time a partition reaches rowsPerFile rows', async () => {
    const writer = new PartitionWriter(warehouse, 4);
    const rows = await sampleRows('order_line_items');

    await writer.append(ORDER_LINE_ITEMS, '2020-08-26', rows.slice(0, 3));
    await writer.append(ORDER_LINE_ITEMS, '2020-08-26', rows.slice(3));
    const filesAtThreshold = writer.files.length;
    await writer.append(ORDER_LINE_ITEMS, '2020-08-26', rows.slice(0, 2));
    await writer.append(ORDER_LINE_ITEMS, '2020-08-27', rows.slice(0, 1));
    await writer.close();

    const counts = await query(`
      SELECT regexp_extract(filename, 'dt=([0-9-]+)', 1) AS dt, count(*) AS rows
      FROM read_parquet('${warehouse}/order_line_items/*/*.parquet', filename = true)
      GROUP BY filename ORDER BY dt, rows`);

    expect(filesAtThreshold).toBe(1);
    expect(counts).toEqual([
      { dt: '2020-08-26', rows: '2' },
      { dt: '2020-08-26', rows: '6' },
      { dt: '2020-08-27', rows: '1' },
    ]);
  });

  it('keeps every row of a file that spans many builder chunks', async () => {
    const writer = new PartitionWriter(warehouse);
    const rows = await sampleRows('order_line_items');
    const many = Array.from({ length: 2501 }, (_, index) => ({
      ...(rows[index % rows.length] as Record<string, unknown>),
      line_item_index: index,
    }));

    await writer.append(ORDER_LINE_ITEMS, '2020-08-26', many);
    await writer.close();

    const [row] = await query(`
      SELECT count(*) AS rows, sum(line_item_index) AS indexes, sum(price_cents) AS cents
      FROM read_parquet('${warehouse}/order_line_items/dt=2020-08-26/*.parquet')`);
    // 0 + 1 + ... + 2500 = 2500 * 2501 / 2; every row is priced 1000 cents.
    expect(writer.files).toHaveLength(1);
    expect(row).toEqual({ rows: '2501', indexes: '3126250', cents: '2501000' });
  });

  it('writes the largest partition early when all together hold maxBufferedRows', async () => {
    const writer = new PartitionWriter(warehouse, 100, 10);
    const rows = await sampleRows('order_line_items');

    await writer.append(ORDER_LINE_ITEMS, '2020-08-01', rows.slice(0, 2));
    await writer.append(ORDER_LINE_ITEMS, '2020-08-02', rows.slice(0, 5));
    const filesBelowBudget = writer.files.length;
    await writer.append(ORDER_LINE_ITEMS, '2020-08-03', rows.slice(0, 3));
    const written = writer.files.map((file) => /dt=([0-9-]+)/.exec(file)?.[1]);
    await writer.close();

    // 2 + 5 + 3 = 10 rows reach the budget: the 5 rows of 2020-08-02 go first.
    expect(filesBelowBudget).toBe(0);
    expect(written).toEqual(['2020-08-02']);
    expect(writer.files).toHaveLength(3);
  });
});
