import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { redriveLocal } from '../../../aws/redrive/local-redrive.ts';
import { LocalWarehouse } from '../../../local/duckdb/local-warehouse.ts';
import { ingest } from '../../../local/ingest.ts';
import { eventLine, sampleEvent } from '../stadium-events.ts';

const ARRIVAL = Date.UTC(2020, 7, 26, 3, 0, 0);
const REDRIVE = Date.UTC(2020, 7, 27, 9, 0, 0);
const GOOD_ORDER = 'aaaaaaaa-0000-4000-8000-000000000001';
const ERRORS = join('errors', 'processing-failed', 'table=order_events');

/** An event the transform fails today: its order total is not a number. */
function badEventLine(): string {
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

function errorFiles(warehouse: string): string[] {
  const root = join(warehouse, 'errors', 'processing-failed');
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.json'))
    .sort();
}

/** A warehouse whose errors hold one record a fixed transform passes and one it still fails. */
async function warehouseWithFailures() {
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

async function orderUuids(warehouse: string): Promise<unknown[]> {
  const local = await LocalWarehouse.open(warehouse);
  try {
    const result = await local.query('SELECT order_uuid FROM order_events ORDER BY order_uuid');
    return result.rows.map((row) => row.order_uuid);
  } finally {
    local.close();
  }
}

describe('Function: redriveLocal', () => {
  it('ingests a record that now passes and removes it from its error file', async () => {
    const { warehouse, earlierFailures } = await warehouseWithFailures();
    expect(await orderUuids(warehouse)).toEqual([]);

    const summary = await redriveLocal({ warehouse, clock: () => REDRIVE });

    expect(await orderUuids(warehouse)).toEqual([GOOD_ORDER]);
    expect(readFileSync(earlierFailures, 'utf8')).toBe('not json at all\n');
    expect(summary).toMatchObject({ records: 2, recovered: 1, stillFailing: 1 });
    expect(summary.unreadable).toEqual([`${earlierFailures}: not a JSON document`]);
  });

  it('leaves a record that still fails where it was, with no second copy', async () => {
    const { warehouse } = await warehouseWithFailures();
    const before = errorFiles(warehouse);
    const stillFailingFile = before.find((name) => !name.endsWith('earlier-transform.json'));
    const stillFailingText = readFileSync(
      join(warehouse, 'errors', 'processing-failed', stillFailingFile ?? ''),
      'utf8',
    );

    await redriveLocal({ warehouse, clock: () => REDRIVE });

    expect(errorFiles(warehouse)).toEqual(before);
    expect(
      readFileSync(join(warehouse, 'errors', 'processing-failed', stillFailingFile ?? ''), 'utf8'),
    ).toBe(stillFailingText);
    const stillFailing = JSON.parse(stillFailingText.trim());
    expect(Buffer.from(stillFailing.rawData, 'base64').toString('utf8')).toBe(badEventLine());
  });

  it('finds nothing to do in a warehouse without errors', async () => {
    const warehouse = mkdtempSync(join(tmpdir(), 'redrive-empty-'));

    const summary = await redriveLocal({ warehouse });

    expect(summary).toEqual({
      records: 0,
      recovered: 0,
      stillFailing: 0,
      unreadable: [],
      filesRewritten: [],
      filesDeleted: [],
    });
  });
});
