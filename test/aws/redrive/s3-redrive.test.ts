import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { KinesisClient, PutRecordsCommand } from '@aws-sdk/client-kinesis';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { redriveS3 } from '../../../aws/redrive/s3-redrive.ts';
import { objectBody } from '../fakes.ts';
import { eventLine } from '../stadium-events.ts';

const s3 = mockClient(S3Client);
const kinesis = mockClient(KinesisClient);
const s3Client = new S3Client({ region: 'us-east-2' });
const kinesisClient = new KinesisClient({ region: 'us-east-2' });

afterEach(() => {
  s3.reset();
  kinesis.reset();
});

const BUCKET = 'orderfeed-data';
const EVENTS_KEY = 'errors/processing-failed/table=order_events/dt=2020-08-26/a';
const ITEMS_KEY = 'errors/processing-failed/table=order_line_items/dt=2020-08-26/b';
const FIRST = eventLine('aaaaaaaa-0000-4000-8000-000000000001', '01egndytjh3xmmt154hxa6dz01');
const SECOND = eventLine('aaaaaaaa-0000-4000-8000-000000000002', '01egndytjh3xmmt154hxa6dz02');

function errorLine(raw: string): string {
  const rawData = Buffer.from(raw).toString('base64');
  return JSON.stringify({ errorCode: 'Lambda.ProcessingFailed', errorMessage: 'p.tip', rawData });
}

function storeObjects(objects: Record<string, Uint8Array>) {
  s3.on(ListObjectsV2Command).resolves({
    Contents: Object.keys(objects).map((Key) => ({ Key })),
  });
  for (const [key, bytes] of Object.entries(objects)) {
    s3.on(GetObjectCommand, { Bucket: BUCKET, Key: key }).resolves({ Body: objectBody(bytes) });
  }
}

const ok = { SequenceNumber: '1', ShardId: 'shardId-000000000000' };
const throttled = { ErrorCode: 'ProvisionedThroughputExceededException', ErrorMessage: 'Rate' };
const noWait = { sleep: async () => {}, maxAttempts: 2 };

/** Kinesis takes every record but the second order's, every time. */
function rejectSecondOrder() {
  kinesis.on(PutRecordsCommand).callsFake((input) => ({
    FailedRecordCount: 1,
    Records: input.Records.map((record: { PartitionKey: string }) =>
      record.PartitionKey.endsWith('2') ? throttled : ok,
    ),
  }));
}

describe('Function: redriveS3', () => {
  it('puts each failed record back once, and keeps in S3 only what Kinesis refused', async () => {
    const eventsText = `${errorLine(FIRST)}\n${errorLine(SECOND)}\n`;
    const itemsText = `${errorLine(FIRST)}\nnot json\n`;
    storeObjects({ [EVENTS_KEY]: Buffer.from(eventsText), [ITEMS_KEY]: Buffer.from(itemsText) });
    rejectSecondOrder();

    const summary = await redriveS3(s3Client, kinesisClient, {
      bucket: BUCKET,
      stream: 'orderfeed-order-events',
      ...noWait,
    });

    const firstPut = kinesis.commandCalls(PutRecordsCommand)[0]?.args[0].input;
    expect(firstPut?.StreamName).toBe('orderfeed-order-events');
    expect(
      firstPut?.Records?.map((r) => [r.PartitionKey, Buffer.from(r.Data ?? []).toString()]),
    ).toEqual([
      ['aaaaaaaa-0000-4000-8000-000000000001', FIRST],
      ['aaaaaaaa-0000-4000-8000-000000000002', SECOND],
    ]);
    const puts = s3.commandCalls(PutObjectCommand).map((call) => call.args[0].input);
    expect(puts.map((input) => [input.Key, String(input.Body)])).toEqual([
      [EVENTS_KEY, `${errorLine(SECOND)}\n`],
      [ITEMS_KEY, 'not json\n'],
    ]);
    expect(s3.commandCalls(DeleteObjectCommand)).toHaveLength(0);
    expect(summary).toEqual({
      records: 2,
      published: 1,
      unpublished: [
        {
          source: `s3://${BUCKET}/${EVENTS_KEY} record 2`,
          partitionKey: 'aaaaaaaa-0000-4000-8000-000000000002',
          errorCode: 'ProvisionedThroughputExceededException',
          errorMessage: 'Rate',
        },
      ],
      unreadable: [`s3://${BUCKET}/${ITEMS_KEY}: not a JSON document`],
      objectsRewritten: [`s3://${BUCKET}/${EVENTS_KEY}`, `s3://${BUCKET}/${ITEMS_KEY}`],
      objectsDeleted: [],
    });
  });

  it('deletes an object whose records all went back, gzip or not', async () => {
    storeObjects({ [EVENTS_KEY]: gzipSync(`${errorLine(FIRST)}\n${errorLine('{"broken": ')}\n`) });
    kinesis.on(PutRecordsCommand).resolves({ FailedRecordCount: 0, Records: [ok, ok] });

    const summary = await redriveS3(s3Client, kinesisClient, { bucket: BUCKET, stream: 's' });

    const keys = kinesis
      .commandCalls(PutRecordsCommand)[0]
      ?.args[0].input.Records?.map((record) => record.PartitionKey);
    const digest = createHash('sha256').update('{"broken": ').digest('hex');
    expect(keys).toEqual(['aaaaaaaa-0000-4000-8000-000000000001', digest]);
    expect(s3.commandCalls(DeleteObjectCommand)[0]?.args[0].input).toEqual({
      Bucket: BUCKET,
      Key: EVENTS_KEY,
    });
    expect(summary.objectsDeleted).toEqual([`s3://${BUCKET}/${EVENTS_KEY}`]);
  });

  it('rewrites a gzip object as gzip', async () => {
    storeObjects({ [EVENTS_KEY]: gzipSync(`${errorLine(FIRST)}\n${errorLine(SECOND)}\n`) });
    rejectSecondOrder();

    await redriveS3(s3Client, kinesisClient, { bucket: BUCKET, stream: 's', ...noWait });

    const put = s3.commandCalls(PutObjectCommand)[0]?.args[0].input;
    expect(gunzipSync(put?.Body as Buffer).toString()).toBe(`${errorLine(SECOND)}\n`);
  });

  it('reads every page of the listing under the prefix', async () => {
    s3.on(ListObjectsV2Command, { Bucket: BUCKET, Prefix: 'errors/', ContinuationToken: undefined })
      .resolves({ Contents: [{ Key: EVENTS_KEY }], IsTruncated: true, NextContinuationToken: 't' })
      .on(ListObjectsV2Command, { ContinuationToken: 't' })
      .resolves({ Contents: [{ Key: ITEMS_KEY }] });
    s3.on(GetObjectCommand, { Key: EVENTS_KEY }).resolves({
      Body: objectBody(Buffer.from(errorLine(FIRST))),
    });
    s3.on(GetObjectCommand, { Key: ITEMS_KEY }).resolves({
      Body: objectBody(Buffer.from(errorLine(SECOND))),
    });
    kinesis.on(PutRecordsCommand).resolves({ FailedRecordCount: 0, Records: [ok, ok] });

    const summary = await redriveS3(s3Client, kinesisClient, {
      bucket: BUCKET,
      prefix: 'errors/',
      stream: 's',
    });

    expect(summary.records).toBe(2);
    expect(summary.objectsDeleted).toHaveLength(2);
  });
});
