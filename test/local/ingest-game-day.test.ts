import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { gameDay } from '../../local/generate/game-day.ts';
import { ingest } from '../../local/ingest.ts';
import { query } from './helpers/duckdb.ts';

describe('Generated game day through the ingest', () => {
  it('accounts for every generated record in one Firehose batch', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'orderfeed-game-day-'));
    const day = gameDay({ seed: 5, orders: 150, date: '2025-08-15' });
    const lines = [...day.records()].flatMap((record) => [record, Buffer.from('\n')]);
    await writeFile(join(folder, 'feed.json.gz'), gzipSync(Buffer.concat(lines)));
    const warehouse = join(folder, 'warehouse');

    const summary = await ingest({
      inputs: [join(folder, 'feed.json.gz')],
      warehouse,
      bufferBytes: 3 * 1024 * 1024,
    });

    // One batch (small enough that the line items stay within the 6 MB Lambda response),
    // so every re-delivery is a duplicate within it; the four broken records
    // (truncated, garbage, invalid UTF-8, fractional money) fail; every order has items.
    const { counts } = day;
    expect(summary.batches).toBe(1);
    expect(summary.records).toBe(counts.records);
    for (const table of summary.tables) {
      expect(table).toMatchObject({
        written: counts.orderEvents,
        duplicates: counts.redeliveries,
        nonOrderEvents: counts.nonOrderEvents,
        noRows: 0,
        failed: counts.malformed,
      });
    }
    const [row] = await query(`
      SELECT count(*) AS events,
             count(*) FILTER (WHERE total_cents
               <> items_subtotal_cents - discount_cents + tax_cents + tip_cents) AS inconsistent
      FROM read_parquet('${warehouse}/order_events/*/*.parquet')`);
    expect(row).toEqual({ events: String(counts.orderEvents), inconsistent: '0' });
  });
});
