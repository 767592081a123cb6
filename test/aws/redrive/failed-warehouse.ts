/**
 * A local warehouse after a transform bug: its errors hold one record today's transform
 * passes (left by an earlier, broken transform) and one it still fails.
 */
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingest } from '../../../local/ingest.ts';
import { eventLine, sampleEvent } from '../stadium-events.ts';

export const ARRIVAL = Date.UTC(2020, 7, 26, 3, 0, 0);
export const REDRIVE = Date.UTC(2020, 7, 27, 9, 0, 0);
export const GOOD_ORDER = 'aaaaaaaa-0000-4000-8000-000000000001';
const ERRORS = join('errors', 'processing-failed', 'table=order_events');

/** An event the transform fails today: its order total is not a number. */
export function badEventLine(): string {
  const event = sampleEvent();
  event._id = '01egndytjh3xmmt154hxa6dz9z';
  event.p.total = 'seventy-five dollars';
  return JSON.stringify(event);
}

/** A Firehose error record, as an earlier (broken) transform would have left it. */
function errorRecord(raw: string, errorMessage: string): string {
  return JSON.stringify({
    attemptsMade: 1,
    arrivalTimestamp: ARRIVAL,
    errorCode: 'Lambda.ProcessingFailed',
    errorMessage,
    attemptEndingTimestamp: ARRIVAL,
    rawData: Buffer.from(raw).toString('base64'),
    lambdaArn: 'arn:aws:lambda:local:000000000000:function:orderfeed-transform',
  });
}

export function errorFiles(warehouse: string): string[] {
  const root = join(warehouse, 'errors', 'processing-failed');
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.json'))
    .sort();
}

/** A warehouse whose errors hold one record a fixed transform passes and one it still fails. */
export async function warehouseWithFailures() {
  const warehouse = mkdtempSync(join(tmpdir(), 'redrive-'));
  const input = join(mkdtempSync(join(tmpdir(), 'redrive-input-')), 'feed.ndjson');
  writeFileSync(input, `${badEventLine()}\n`);
  await ingest({ inputs: [input], warehouse, clock: () => ARRIVAL });

  const earlierFailures = join(warehouse, ERRORS, 'dt=2020-08-26', 'earlier-transform.json');
  mkdirSync(join(warehouse, ERRORS, 'dt=2020-08-26'), { recursive: true });
  const good = eventLine(GOOD_ORDER, '01egndytjh3xmmt154hxa6dz01');
  writeFileSync(
    earlierFailures,
    `${errorRecord(good, 'p.tip: a bug in an earlier transform')}\nnot json at all\n`,
  );
  return { warehouse, earlierFailures, good };
}
