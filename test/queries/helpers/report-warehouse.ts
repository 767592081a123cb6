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
