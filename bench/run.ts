/**
 * `npm run bench`: generates game-day feeds and prints events per second for the transform
 * handler alone, the whole local ingest to Parquet, and the floor of the same work, with
 * peak memory; then checks that ingest memory stays flat as the input grows tenfold.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gameDay } from '../local/generate/game-day.ts';
import { timeHandlerAndFloor } from './handler-vs-floor.ts';

/** About 2.7 events per order, so this gives a little over 50,000 events. */
const LARGE_ORDERS = 19_000;
const SMALL_ORDERS = 1_900;

const folder = mkdtempSync(join(tmpdir(), 'orderfeed-bench-'));
try {
  const large = writeFeed('large.ndjson', LARGE_ORDERS);
  const small = writeFeed('small.ndjson', SMALL_ORDERS);

  const timings = await timeHandlerAndFloor(large.path);
  const ingestLarge = ingestInChild(large.path, 'warehouse-large');
  const ingestSmall = ingestInChild(small.path, 'warehouse-small');

  const rate = (seconds: number) => Math.round(timings.records / seconds);
  const handlerTotal = Object.values(timings.handlerSeconds).reduce((sum, s) => sum + s, 0);
  const lines = [
    `Feed: ${timings.records} events (${LARGE_ORDERS} orders), 1 MiB Firehose batches`,
    '',
    'events/second',
    ...Object.entries(timings.handlerSeconds).map(
      ([table, seconds]) => `  (a) handler alone, ${table.padEnd(17)} ${rate(seconds)}`,
    ),
    `  (a) handler alone, both tables      ${rate(handlerTotal)}`,
    `  (b) whole local ingest to Parquet    ${Math.round(ingestLarge.records / ingestLarge.seconds)}`,
    `  (c) floor (base64, JSON, base64)     ${rate(timings.floorSeconds)}`,
    '',
    'handler time / floor time, per table (the goal is 3 or less)',
    ...Object.entries(timings.handlerSeconds).map(
      ([table, seconds]) => `  ${table.padEnd(17)} ${(seconds / timings.floorSeconds).toFixed(2)}`,
    ),
    '',
    'peak memory (RSS) of the whole ingest',
    `  ${String(ingestSmall.records).padStart(6)} events  ${ingestSmall.peakRssMb.toFixed(0)} MB`,
    `  ${String(ingestLarge.records).padStart(6)} events  ${ingestLarge.peakRssMb.toFixed(0)} MB`,
    `  growth for ${(ingestLarge.records / ingestSmall.records).toFixed(1)}x the events: ` +
      `${(ingestLarge.peakRssMb / ingestSmall.peakRssMb).toFixed(2)}x`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
} finally {
  rmSync(folder, { recursive: true, force: true });
}

function writeFeed(name: string, orders: number) {
  const day = gameDay({ seed: 2025, orders, date: '2025-08-15' });
  const path = join(folder, name);
  const lines = [...day.records()].flatMap((record) => [record, Buffer.from('\n')]);
  writeFileSync(path, Buffer.concat(lines));
  return { path, records: day.counts.records };
}

function ingestInChild(feed: string, warehouse: string) {
  const child = new URL('./ingest-child.ts', import.meta.url).pathname;
  const output = execFileSync(
    process.execPath,
    ['--import', 'tsx', child, feed, join(folder, warehouse)],
    { encoding: 'utf8', maxBuffer: 1024 * 1024 },
  );
  return JSON.parse(output) as { records: number; seconds: number; peakRssMb: number };
}
