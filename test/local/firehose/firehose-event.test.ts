import { describe, expect, it } from 'vitest';
import { firehoseEvent } from '../../../local/firehose/firehose-event.ts';

describe('Function: firehoseEvent', () => {
  it('builds a Firehose transformation event with one base64 record per source record', () => {
    const batch = [{ bytes: Buffer.from('{"a":1}') }, { bytes: Buffer.from('not json') }];

    const event = firehoseEvent(batch, { arrivalMs: 1_598_403_766_000, firstOrdinal: 41 });

    expect(event.deliveryStreamArn).toBe(
      'arn:aws:firehose:us-east-1:000000000000:deliverystream/orderfeed-local',
    );
    expect(event.region).toBe('us-east-1');
    expect(event.invocationId).toMatch(/^[0-9a-f-]{36}$/);
    expect(event.records.map((record) => record.recordId)).toEqual(['41', '42']);
    expect(event.records[1]).toEqual({
      recordId: '42',
      approximateArrivalTimestamp: 1_598_403_766_000,
      data: 'bm90IGpzb24=',
      kinesisRecordMetadata: {
        shardId: 'shardId-000000000000',
        partitionKey: 'orderfeed-local',
        approximateArrivalTimestamp: 1_598_403_766_000,
        sequenceNumber: `${'0'.repeat(54)}42`,
        subsequenceNumber: '0',
      },
    });
  });
});
