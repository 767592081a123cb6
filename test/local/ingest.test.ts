import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { beforeEach, describe, expect, it } from 'vitest';
import { ingest } from '../../local/ingest.ts';
import { accountedRecords } from '../../local/ingest-summary.ts';
import { InputNotFoundError } from '../../local/read/input-errors.ts';
import { query } from './helpers/duckdb.ts';
import { otherOrder, SAMPLE_TEXT, sampleVariant } from './helpers/events.ts';

/** 2020-08-26T14:00:00Z: arrival time of every batch, so errors and raw land on 2020-08-26. */
const ARRIVAL_MS = Date.UTC(2020, 7, 26, 14);
const clock = () => ARRIVAL_MS;

/**
 * A hand-written feed, one record per entry: what each table must make of it is in the
 * comments (events = order_events, items = order_line_items).
 */
const FEED = [
  SAMPLE_TEXT, // record 1: the document's sample, pretty-printed. events: Ok (1 row); items: Ok (6)
  JSON.stringify(JSON.parse(SAMPLE_TEXT)), // record 2: the same event, compact: duplicate in both
  sampleVariant((event) => {
    event._id = '01egndytjh3xmmt154hxa6dz4n';
    event.p.uuid = '0b0b0b0b-0000-4000-8000-000000000002';
    event.p.line_items = [];
  }), // record 3: an order with no line items. events: Ok (1); items: no rows
  sampleVariant((event) => {
    event._id = '01egndytjh3xmmt154hxa6dz4p';
    event.e = 'menu.updated';
  }), // record 4: not an order event: non-order in both
  'this line is not JSON', // record 5: malformed: failed in both
  sampleVariant((event) => {
    event._id = '01egndytjh3xmmt154hxa6dz4q';
    event.p.uuid = '0c0c0c0c-0000-4000-8000-000000000003';
    event.p.total = 75.5;
  }), // record 6: money with a fraction: failed in both, at p.total
  // record 7: Ok, Ok (6)
  otherOrder('01egndytjh3xmmt154hxa6dz4r', '0d0d0d0d-0000-4000-8000-000000000004'),
];

describe('Function: ingest', () => {
  let folder: string;
  let feedPath: string;
  let warehouse: string;

  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'orderfeed-ingest-'));
    feedPath = join(folder, 'feed.ndjson');
    warehouse = join(folder, 'warehouse');
    await writeFile(feedPath, `${FEED.join('\n')}\n`);
  });

  it('accounts for every record, per table, with the reason for each answer', async () => {
    const summary = await ingest({ inputs: [feedPath], warehouse, clock });

    expect(summary).toMatchObject({ records: 7, malformed: 1, batches: 1 });
    expect(summary.tables).toEqual([
      {
        table: 'order_events',
        written: 3,
        rows: 3,
        duplicates: 1,
        nonOrderEvents: 1,
        noRows: 0,
        failed: 2,
      },
      {
        table: 'order_line_items',
        written: 2,
        rows: 12,
        duplicates: 1,
        nonOrderEvents: 1,
        noRows: 1,
        failed: 2,
      },
    ]);
    expect(summary.tables.map(accountedRecords)).toEqual([7, 7]);
  });

  it('names the source, the record and the field of each failure', async () => {
    const summary = await ingest({ inputs: [feedPath], warehouse, clock });

    const examples = summary.failureExamples.filter((example) => example.table === 'order_events');
    expect(
      examples.map(({ source, recordNumber, eventId, path }) => ({
        source,
        recordNumber,
        eventId,
        path,
      })),
    ).toEqual([
      { source: feedPath, recordNumber: 5, eventId: undefined, path: '$' },
      { source: feedPath, recordNumber: 6, eventId: '01egndytjh3xmmt154hxa6dz4q', path: 'p.total' },
    ]);
  });

  it('writes the Ok rows as Parquet in their dt partition', async () => {
    await ingest({ inputs: [feedPath], warehouse, clock });

    const events = await query(`
      SELECT order_uuid, total_cents FROM read_parquet('${warehouse}/order_events/*/*.parquet',
        hive_partitioning = true) WHERE dt = '2020-08-26' ORDER BY order_uuid`);
    const items = await query(`
      SELECT count(*) AS rows, sum(price_cents) AS cents
      FROM read_parquet('${warehouse}/order_line_items/dt=2020-08-26/*.parquet')`);

    expect(events).toEqual([
      { order_uuid: '0b0b0b0b-0000-4000-8000-000000000002', total_cents: '7500' },
      { order_uuid: '0d0d0d0d-0000-4000-8000-000000000004', total_cents: '7500' },
      { order_uuid: 'b120fdbf-9b4e-44a8-99fd-4e21e3709c1f', total_cents: '7500' },
    ]);
    expect(items).toEqual([{ rows: '12', cents: '12000' }]);
  });

  it('keeps failed records with their original bytes in the Firehose error layout', async () => {
    await ingest({ inputs: [feedPath], warehouse, clock });
    const dir = join(warehouse, 'errors/processing-failed/table=order_events/dt=2020-08-26');

    const [file, ...others] = await readdir(dir);
    const lines = (await readFile(join(dir, file ?? ''), 'utf8')).trimEnd().split('\n');
    const errors = lines.map((line) => JSON.parse(line));

    expect(others).toEqual([]);
    expect(errors.map((error) => Buffer.from(error.rawData, 'base64').toString())).toEqual([
      FEED[4],
      FEED[5],
    ]);
    expect(errors[1]).toMatchObject({
      attemptsMade: 1,
      arrivalTimestamp: ARRIVAL_MS,
      errorCode: 'Lambda.ProcessingFailed',
      lambdaArn: 'arn:aws:lambda:us-east-1:000000000000:function:orderfeed-transform-local',
    });
    expect(errors[1].errorMessage).toMatch(/^p\.total: ./);
    expect(Object.keys(errors[1]).sort()).toEqual([
      'arrivalTimestamp',
      'attemptEndingTimestamp',
      'attemptsMade',
      'errorCode',
      'errorMessage',
      'lambdaArn',
      'rawData',
    ]);
  });

  it('backs up every source record untouched, and the backup ingests the same', async () => {
    const first = await ingest({ inputs: [feedPath], warehouse, clock });
    const rawDir = join(warehouse, 'raw/dt=2020-08-26');

    const [backup] = await readdir(rawDir);
    const text = gunzipSync(await readFile(join(rawDir, backup ?? ''))).toString();
    const again = await ingest({ inputs: [rawDir], warehouse: join(folder, 'again'), clock });

    expect(text).toBe(`${FEED.join('\n')}\n`);
    expect(again.tables).toEqual(first.tables);
  });

  it('writes duplicates that arrive in different batches: reads resolve them', async () => {
    const summary = await ingest({ inputs: [feedPath], warehouse, clock, bufferBytes: 1000 });

    expect(summary.batches).toBe(7);
    expect(summary.tables[0]).toMatchObject({ written: 4, duplicates: 0, failed: 2 });
  });

  it('adds new files when the same input is ingested twice, never overwriting one', async () => {
    const first = await ingest({ inputs: [feedPath], warehouse, clock });
    const second = await ingest({ inputs: [feedPath], warehouse, clock });

    const [row] = await query(
      `SELECT count(*) AS rows FROM read_parquet('${warehouse}/order_events/*/*.parquet')`,
    );
    expect(new Set([...first.files, ...second.files]).size).toBe(
      first.files.length + second.files.length,
    );
    expect(row).toEqual({ rows: '6' });
  });

  it('rejects a missing input before writing anything', async () => {
    const missing = join(folder, 'missing.ndjson');

    await expect(ingest({ inputs: [feedPath, missing], warehouse })).rejects.toThrow(
      new InputNotFoundError(missing),
    );
    await expect(readdir(warehouse)).rejects.toThrow(/ENOENT/);
  });

  it('rejects a buffer size Firehose would not accept', async () => {
    await expect(ingest({ inputs: [feedPath], warehouse, bufferBytes: 0 })).rejects.toThrow(
      'bufferBytes must be a whole number of bytes from 1 to 3145728 ' +
        "(Firehose's 3 MiB maximum), got 0",
    );
  });
});
