/**
 * Runs one local ingest in its own process, so its peak memory is measured alone, and prints
 * what the bench needs as one JSON line.
 *
 * Usage: tsx bench/ingest-child.ts FEED WAREHOUSE
 */
import { ingest } from '../local/ingest.ts';

const [feed, warehouse] = process.argv.slice(2);
if (!feed || !warehouse) throw new Error('usage: tsx bench/ingest-child.ts FEED WAREHOUSE');

const started = performance.now();
const summary = await ingest({ inputs: [feed], warehouse });
const seconds = (performance.now() - started) / 1000;

process.stdout.write(
  `${JSON.stringify({
    records: summary.records,
    seconds,
    // resourceUsage reports the peak resident set size in kilobytes.
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  })}\n`,
);
