import { KinesisClient, PutRecordsCommand } from '@aws-sdk/client-kinesis';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { PublishRequestError, publishRecords } from '../../aws/publisher.ts';
import type { StreamEntry } from '../../aws/stream-entry.ts';
import { recordedSleep } from './fakes.ts';

const kinesis = mockClient(KinesisClient);
const client = new KinesisClient({ region: 'us-east-1' });

afterEach(() => kinesis.reset());

function entry(line: number, partitionKey = `order-${line}`): StreamEntry {
  return { source: `events.ndjson line ${line}`, data: Buffer.from(`{"n":${line}}`), partitionKey };
}

const ok = { SequenceNumber: '1', ShardId: 'shardId-000000000000' };
const throttled = {
  ErrorCode: 'ProvisionedThroughputExceededException',
  ErrorMessage: 'Rate exceeded for shard shardId-000000000000',
};

describe('Function: publishRecords', () => {
  it('retries only the entries a request rejected, after a backoff', async () => {
    kinesis
      .on(PutRecordsCommand)
      .resolvesOnce({ FailedRecordCount: 1, Records: [ok, throttled, ok] })
      .resolvesOnce({ FailedRecordCount: 0, Records: [ok] });
    const { waits, sleep } = recordedSleep();
    const backoff = { baseMs: 100, random: () => 0.5 };

    const result = await publishRecords(client, [entry(1), entry(2), entry(3)], {
      stream: 'orders',
      sleep,
      backoff,
    });

    const calls = kinesis.commandCalls(PutRecordsCommand).map((call) => call.args[0].input);
    expect(calls.map((input) => input.Records?.map((r) => r.PartitionKey))).toEqual([
      ['order-1', 'order-2', 'order-3'],
      ['order-2'],
    ]);
    expect(calls[1]?.StreamName).toBe('orders');
    expect(waits).toEqual([50]);
    expect(result.published).toBe(3);
    expect(result.unpublished).toEqual([]);
    expect(result.publishedSources).toEqual([
      'events.ndjson line 1',
      'events.ndjson line 3',
      'events.ndjson line 2',
    ]);
  });

  it('gives up after the bounded attempts and names the records that never made it', async () => {
    kinesis.on(PutRecordsCommand).callsFake((input) => ({
      FailedRecordCount: 1,
      Records: input.Records.map((record: { PartitionKey: string }) =>
        record.PartitionKey === 'order-2' ? throttled : ok,
      ),
    }));
    const { waits, sleep } = recordedSleep();

    const result = await publishRecords(client, [entry(1), entry(2)], {
      stream: 'orders',
      maxAttempts: 3,
      sleep,
      backoff: { baseMs: 100, random: () => 0.5 },
    });

    expect(kinesis.commandCalls(PutRecordsCommand)).toHaveLength(3);
    expect(waits).toEqual([50, 100]);
    expect(result.published).toBe(1);
    expect(result.unpublished).toEqual([
      {
        source: 'events.ndjson line 2',
        partitionKey: 'order-2',
        errorCode: 'ProvisionedThroughputExceededException',
        errorMessage: 'Rate exceeded for shard shardId-000000000000',
      },
    ]);
  });

  it('reports a record over 1 MiB without sending it, and puts its neighbours', async () => {
    kinesis.on(PutRecordsCommand).resolves({ FailedRecordCount: 0, Records: [ok, ok] });
    const huge = { ...entry(2), data: new Uint8Array(1024 * 1024) };

    const result = await publishRecords(client, [entry(1), huge, entry(3)], { stream: 'orders' });

    const sent = kinesis.commandCalls(PutRecordsCommand)[0]?.args[0].input.Records;
    expect(sent?.map((record) => record.PartitionKey)).toEqual(['order-1', 'order-3']);
    expect(result.published).toBe(2);
    expect(result.unpublished).toEqual([
      {
        source: 'events.ndjson line 2',
        partitionKey: 'order-2',
        errorCode: 'RecordTooLarge',
        errorMessage: '1048583 bytes with its partition key; Kinesis takes at most 1 MiB',
      },
    ]);
  });

  it('addresses the stream by ARN when given one', async () => {
    kinesis.on(PutRecordsCommand).resolves({ FailedRecordCount: 0, Records: [ok] });
    const arn = 'arn:aws:kinesis:us-east-1:111122223333:stream/orders';

    await publishRecords(client, [entry(1)], { stream: arn });

    const input = kinesis.commandCalls(PutRecordsCommand)[0]?.args[0].input;
    expect(input?.StreamARN).toBe(arn);
    expect(input?.StreamName).toBeUndefined();
  });

  it('throws naming the first record not put when a whole request fails', async () => {
    const denied = Object.assign(new Error('not authorized to perform kinesis:PutRecords'), {
      name: 'AccessDeniedException',
    });
    kinesis.on(PutRecordsCommand).rejects(denied);

    const publishing = publishRecords(client, [entry(1)], { stream: 'orders' });

    await expect(publishing).rejects.toThrow(PublishRequestError);
    await expect(publishing).rejects.toThrow(
      'PutRecords to orders failed (AccessDeniedException: not authorized to perform ' +
        'kinesis:PutRecords); 0 records were put; the first record not put is ' +
        'events.ndjson line 1',
    );
  });
});
