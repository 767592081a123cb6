/**
 * The saved reports over the hand-written feed in test/fixtures/report-feed.ndjson, ingested
 * twice (as a Firehose re-delivery would), each value worked out by hand below.
 *
 * The feed (times UTC; America/Chicago is UTC-5 in August 2020):
 * - A, the source document's sample: created 2020-08-26 01:02:46 = 2020-08-25 20:02:46 in
 *   Chicago. Items 5 x Sausage Sampler 1000 + Service Charge 1000 = 6000, discount "0",
 *   tax 250, tip 1250, total 7500, state completion_pending, Suite 101. An earlier snapshot
 *   A1 (state processing, tip 0, total 6250) arrives after it: the later state must win.
 * - B: created 2020-08-27 02:30:00 = 2020-08-26 21:30 in Chicago (the previous local day).
 *   Hot Dog 600 (promotion 100) + Hot Dog 600 + Beer 1200 (refunded 03:00:00) + Nachos 900
 *   (removed). Active items 2400, refunded 1200, discount "1.50" = 150, tax 200, tip 300,
 *   total 2750, completed, Stand 12. Sent twice in the feed (an exact duplicate).
 * - C: created 2020-08-26 18:00 (13:00 Chicago), cancelled; Pretzel 800, tax 64, total 864,
 *   discount "n/a" (unparsed), Stand 12.
 * - D: created 2020-08-26 19:15 (14:15 Chicago), completed; Beer 1200 + Pretzel 800 = 2000,
 *   discount "200" = 200, tax 160, tip 0, total 2000 (items - discount + tax + tip = 1960:
 *   a mismatch), Stand 12.
 * - E: money with a fraction (total 12.5): fails the contract in both tables.
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalWarehouse } from '../../local/duckdb/local-warehouse.ts';
import { findSavedQuery, loadSavedQueries } from '../../queries/catalog.ts';
import { DAILY_REVENUE_CHICAGO, reportWarehouse } from './helpers/report-warehouse.ts';

const CHICAGO = { start_date: '2020-08-25', end_date: '2020-08-26', timezone: 'America/Chicago' };

let twiceFolder: string;
let onceFolder: string;
let warehouse: LocalWarehouse;

beforeAll(async () => {
  twiceFolder = await reportWarehouse(2);
  onceFolder = await reportWarehouse(1);
  warehouse = await LocalWarehouse.open(twiceFolder);
});

afterAll(() => {
  warehouse.close();
  rmSync(twiceFolder, { recursive: true, force: true });
  rmSync(onceFolder, { recursive: true, force: true });
});

async function report(name: string, params: Record<string, string> = CHICAGO) {
  return (await warehouse.runSavedQuery(findSavedQuery(name), params)).rows;
}

describe('Saved reports on the local warehouse', () => {
  it('daily_revenue: one row per Chicago business date, cancelled orders left out', async () => {
    expect(await report('daily_revenue')).toEqual(DAILY_REVENUE_CHICAGO);
  });

  it('daily_revenue: in UTC the sample is on the 26th, the evening order on the 27th', async () => {
    const utc = { start_date: '2020-08-26', end_date: '2020-08-27', timezone: 'UTC' };

    const rows = await report('daily_revenue', utc);

    // 26th: A (total 7500) + D (2000) = 9500; 27th: B (2750).
    expect(rows.map((row) => [row.business_date, row.orders, row.total_cents])).toEqual([
      ['2020-08-26', 2, 9500],
      ['2020-08-27', 1, 2750],
    ]);
  });

  it('daily_revenue: dates outside the range are left out, end date included', async () => {
    const rows = await report('daily_revenue', { ...CHICAGO, start_date: '2020-08-26' });

    expect(rows.map((row) => row.business_date)).toEqual(['2020-08-26']);
  });

  it('revenue_by_revenue_center: Suite 101 (A) before Stand 12 (B + D)', async () => {
    const rows = await report('revenue_by_revenue_center');

    expect(rows).toEqual([
      {
        revenue_center_uuid: 'c30550a3-4f87-4a7d-8fd9-22afc2bdbbdb',
        revenue_center_name: 'Suite 101',
        orders: 1,
        gross_sales_cents: 6000,
        discount_cents: 0,
        refunded_cents: 0,
        net_sales_cents: 6000,
        tip_cents: 1250,
        total_cents: 7500,
      },
      {
        revenue_center_uuid: '4f3a0f5e-2c1b-4d7e-9a51-7c0e2b8d1f12',
        revenue_center_name: 'Stand 12',
        orders: 2,
        gross_sales_cents: 4400,
        discount_cents: 350,
        refunded_cents: 1200,
        net_sales_cents: 2850,
        tip_cents: 300,
        total_cents: 4750,
      },
    ]);
  });

  it('revenue_by_menu_item: active items of sales only, largest gross first', async () => {
    // Beer: B 1200 (refunded) + D 1200; Hot Dog: 2 x 600 with one 100 promotion; Pretzel:
    // D only (C is cancelled); Nachos: removed, so not sold.
    expect(await report('revenue_by_menu_item')).toEqual([
      item('5001', 'Sausage Sampler', 5, 5000, 0, 0),
      item('2001', 'Beer', 2, 2400, 1200, 0),
      item('1001', 'Hot Dog', 2, 1200, 0, 100),
      item('8374626', 'Service Charge', 1, 1000, 0, 0),
      item('4001', 'Pretzel', 1, 800, 0, 0),
    ]);
  });

  it('hourly_sales: by local hour of creation', async () => {
    const rows = await report('hourly_sales');

    // A 20:02 on the 25th; D 14:15 (net 2000 - 200 = 1800); B 21:30 (net 2400-150-1200).
    expect(rows).toEqual([
      hour('2020-08-25', 20, 6000, 6000, 7500),
      hour('2020-08-26', 14, 2000, 1800, 2000),
      hour('2020-08-26', 21, 2400, 1050, 2750),
    ]);
  });

  it('tips_and_discounts: tips, discounts and promotions per business date', async () => {
    expect(await report('tips_and_discounts')).toEqual([
      // 100 x 1250 / 6000 = 20.833... -> 20.83
      {
        business_date: '2020-08-25',
        orders: 1,
        tipped_orders: 1,
        tip_cents: 1250,
        tip_percent_of_items: 20.83,
        discounted_orders: 0,
        discount_cents: 0,
        promotion_discount_cents: 0,
      },
      // B tipped 300; 100 x 300 / 4400 = 6.818... -> 6.82; discounts 150 (B) + 200 (D).
      {
        business_date: '2020-08-26',
        orders: 2,
        tipped_orders: 1,
        tip_cents: 300,
        tip_percent_of_items: 6.82,
        discounted_orders: 2,
        discount_cents: 350,
        promotion_discount_cents: 100,
      },
    ]);
  });

  it('refunds: a refund at 03:00 UTC on the 27th is on the 26th in Chicago', async () => {
    expect(await report('refunds')).toEqual([
      {
        refund_date: '2020-08-26',
        refunded_at: '2020-08-27 03:00:00',
        order_uuid: '5b7e2a94-31c8-4f0e-8d2a-6a1f0c9e4b01',
        order_state: 'completed',
        revenue_center_name: 'Stand 12',
        line_item_uuid: '0b1c2d3e-0003-4a5b-8c6d-7e8f9a0b1c03',
        sku: '2001',
        name: 'Beer',
        refunded_cents: 1200,
      },
    ]);
  });

  it("time_in_state: stays from each order's latest state history", async () => {
    // processing: A 02:28:12 -> 02:28:13 = 1 s, B 02:30:00 -> 02:31:30 = 90 s,
    // C 18:00 -> 18:05 = 300 s, D 19:15 -> 19:20 = 300 s; avg 691 / 4 = 172.75.
    // tabbed: A 01:02:46 -> 02:28:12 = 1 h 25 min 26 s = 5126 s.
    expect(await report('time_in_state')).toEqual([
      { state: 'processing', stays: 4, avg_seconds: 172.75, min_seconds: 1, max_seconds: 300 },
      { state: 'tabbed', stays: 1, avg_seconds: 5126, min_seconds: 5126, max_seconds: 5126 },
    ]);
  });

  it('data_quality: duplicates, failures, unparsed discounts and total mismatches', async () => {
    const rows = await report('data_quality', { start_dt: '2020-08-26', end_dt: '2020-08-27' });

    expect(rows).toEqual([
      // Per ingest dt=2020-08-26 gets A, A1, C, D (the batch drops nothing there): twice is
      // 8 rows, 4 of them duplicates. Latest orders A, C, D: C's "n/a" is unparsed; D's
      // total 2000 is not 2000 - 200 + 160 + 0 = 1960.
      {
        dt: '2020-08-26',
        event_rows: 8,
        duplicate_rows: 4,
        duplicate_rate: 0.5,
        failed_order_events: 0,
        failed_order_line_items: 0,
        orders: 3,
        unparsed_discounts: 1,
        total_mismatch_orders: 1,
      },
      // B's second copy is dropped within each batch, so B lands once per ingest: 2 rows,
      // 1 duplicate. E fails once per table per ingest, filed under the arrival date.
      {
        dt: '2020-08-27',
        event_rows: 2,
        duplicate_rows: 1,
        duplicate_rate: 0.5,
        failed_order_events: 2,
        failed_order_line_items: 2,
        orders: 1,
        unparsed_discounts: 0,
        total_mismatch_orders: 0,
      },
    ]);
  });

  it('total_mismatches: lists the order data_quality counts, with the difference', async () => {
    const rows = await report('total_mismatches', { start_dt: '2020-08-26', end_dt: '2020-08-27' });

    // D: 2000 - 200 + 160 + 0 = 1960 expected; 2000 sent, 40 more.
    expect(rows).toEqual([
      {
        dt: '2020-08-26',
        order_uuid: '7d9a4cb6-53ea-4b2a-8f4c-8c3b2ebf6d03',
        state: 'completed',
        created_at: '2020-08-26 19:15:00',
        items_subtotal_cents: 2000,
        discount: '200',
        discount_cents: 200,
        tax_cents: 160,
        tip_cents: 0,
        total_cents: 2000,
        expected_total_cents: 1960,
        difference_cents: 40,
      },
    ]);
  });

  it('orders_latest: one row per order, the later state winning over a late arrival', async () => {
    const rows = (await warehouse.query('SELECT * FROM orders_latest ORDER BY created_at')).rows;

    expect(rows.map((row) => [row.order_uuid, row.state, row.total_cents])).toEqual([
      ['b120fdbf-9b4e-44a8-99fd-4e21e3709c1f', 'completion_pending', 7500],
      ['6c8f3ba5-42d9-4a1f-9e3b-7b2a1dae5c02', 'cancelled', 864],
      ['7d9a4cb6-53ea-4b2a-8f4c-8c3b2ebf6d03', 'completed', 2000],
      ['5b7e2a94-31c8-4f0e-8d2a-6a1f0c9e4b01', 'completed', 2750],
    ]);
  });

  it('line_items_latest: the line items of the latest snapshots, once each', async () => {
    const sql = 'SELECT order_uuid, count(*) AS items FROM line_items_latest GROUP BY 1 ORDER BY 1';

    // A 6, B 4 (the removed Nachos is still a line item), C 1, D 2.
    expect((await warehouse.query(sql)).rows).toEqual([
      { order_uuid: '5b7e2a94-31c8-4f0e-8d2a-6a1f0c9e4b01', items: 4 },
      { order_uuid: '6c8f3ba5-42d9-4a1f-9e3b-7b2a1dae5c02', items: 1 },
      { order_uuid: '7d9a4cb6-53ea-4b2a-8f4c-8c3b2ebf6d03', items: 2 },
      { order_uuid: 'b120fdbf-9b4e-44a8-99fd-4e21e3709c1f', items: 6 },
    ]);
  });

  it('order_state_changes: one row per order and state history, with its event count', async () => {
    const sql =
      'SELECT order_uuid, state, event_count FROM order_state_changes ORDER BY order_uuid, state';

    // A has two histories (A1, then the sample); each event was ingested twice.
    expect((await warehouse.query(sql)).rows).toEqual([
      { order_uuid: '5b7e2a94-31c8-4f0e-8d2a-6a1f0c9e4b01', state: 'completed', event_count: 2 },
      { order_uuid: '6c8f3ba5-42d9-4a1f-9e3b-7b2a1dae5c02', state: 'cancelled', event_count: 2 },
      { order_uuid: '7d9a4cb6-53ea-4b2a-8f4c-8c3b2ebf6d03', state: 'completed', event_count: 2 },
      {
        order_uuid: 'b120fdbf-9b4e-44a8-99fd-4e21e3709c1f',
        state: 'completion_pending',
        event_count: 2,
      },
      { order_uuid: 'b120fdbf-9b4e-44a8-99fd-4e21e3709c1f', state: 'processing', event_count: 2 },
    ]);
  });

  it('every report but data_quality is the same after ingesting once or twice', async () => {
    const once = await LocalWarehouse.open(onceFolder);
    const reports = loadSavedQueries().filter(
      (saved) => saved.kind === 'query' && saved.name !== 'data_quality',
    );

    try {
      for (const saved of reports) {
        const byDt = saved.parameters.some((parameter) => parameter.name === 'start_dt');
        const params = byDt ? { start_dt: '2020-08-26', end_dt: '2020-08-27' } : CHICAGO;
        const onceRows = (await once.runSavedQuery(saved, params)).rows;

        expect(onceRows.length, saved.name).toBeGreaterThan(0);
        expect(onceRows, saved.name).toEqual((await warehouse.runSavedQuery(saved, params)).rows);
      }
    } finally {
      once.close();
    }
  });
});

function item(
  sku: string,
  name: string,
  quantity: number,
  gross: number,
  refunded: number,
  promotion: number,
) {
  return {
    sku,
    name,
    quantity,
    gross_sales_cents: gross,
    refunded_cents: refunded,
    promotion_discount_cents: promotion,
  };
}

function hour(date: string, localHour: number, gross: number, net: number, total: number) {
  return {
    business_date: date,
    local_hour: localHour,
    orders: 1,
    gross_sales_cents: gross,
    net_sales_cents: net,
    total_cents: total,
  };
}
