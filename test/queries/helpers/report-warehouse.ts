/**
 * Builds a local warehouse from the hand-written report feed through the real pipeline
 * (`ingest`: Firehose batching, the transform handler, Parquet), for the report tests.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingest } from '../../../local/ingest.ts';

export const REPORT_FEED = new URL('../../fixtures/report-feed.ndjson', import.meta.url).pathname;

/** Every ingest "arrives" at this time, so failed records land in dt=2020-08-27. */
export const ARRIVAL = Date.parse('2020-08-27T04:00:00Z');

/** Ingests the report feed `times` times into a fresh folder and returns the folder. */
export async function reportWarehouse(times: number): Promise<string> {
  const warehouse = mkdtempSync(join(tmpdir(), 'orderfeed-reports-'));
  for (let run = 0; run < times; run++) {
    await ingest({ inputs: [REPORT_FEED], warehouse, clock: () => ARRIVAL });
  }
  return warehouse;
}

/**
 * daily_revenue over the report feed for 2020-08-25..2020-08-26 in America/Chicago, worked
 * out by hand (the feed is described in test/queries/reports.test.ts).
 */
export const DAILY_REVENUE_CHICAGO = [
  // A alone: 20:02 on the 25th in Chicago.
  {
    business_date: '2020-08-25',
    orders: 1,
    gross_sales_cents: 6000,
    discount_cents: 0,
    refunded_cents: 0,
    net_sales_cents: 6000,
    tax_cents: 250,
    tip_cents: 1250,
    total_cents: 7500,
  },
  // B + D (C is cancelled). Gross 2400 + 2000 = 4400; discount 150 + 200 = 350;
  // refunded 1200 + 0; net 4400 - 350 - 1200 = 2850; tax 200 + 160 = 360;
  // tip 300 + 0 = 300; total 2750 + 2000 = 4750.
  {
    business_date: '2020-08-26',
    orders: 2,
    gross_sales_cents: 4400,
    discount_cents: 350,
    refunded_cents: 1200,
    net_sales_cents: 2850,
    tax_cents: 360,
    tip_cents: 300,
    total_cents: 4750,
  },
];
