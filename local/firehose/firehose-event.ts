/**
 * Builds the event Firehose sends a transformation Lambda, for a batch of source records
 * read from Kinesis, so the local ingest drives the transform exactly as AWS would.
 */
import { randomUUID } from 'node:crypto';
import type { FirehoseTransformationEvent } from 'aws-lambda';
import {
  LOCAL_DELIVERY_STREAM_ARN,
  LOCAL_REGION,
  LOCAL_SOURCE_STREAM_ARN,
} from './local-delivery-stream.ts';

export interface FirehoseEventOptions {
  /** When the batch "arrived", in epoch milliseconds. */
  readonly arrivalMs: number;
  /** Ordinal of the batch's first record in the whole ingest; record ids count up from it. */
  readonly firstOrdinal: number;
}

/** The shard every local record is read from: the local stream has one. */
const LOCAL_SHARD = 'shardId-000000000000';

/**
 * Record ids are the records' ordinals in the ingest, so they are unique within the ingest
 * and lead straight back to the source record; Firehose's own ids are opaque strings too.
 */
export function firehoseEvent(
  batch: readonly { readonly bytes: Uint8Array }[],
  options: FirehoseEventOptions,
): FirehoseTransformationEvent {
  return {
    invocationId: randomUUID(),
    deliveryStreamArn: LOCAL_DELIVERY_STREAM_ARN,
    sourceKinesisStreamArn: LOCAL_SOURCE_STREAM_ARN,
    region: LOCAL_REGION,
    records: batch.map((record, index) => {
      const ordinal = String(options.firstOrdinal + index);
      return {
        recordId: ordinal,
        approximateArrivalTimestamp: options.arrivalMs,
        data: Buffer.from(record.bytes).toString('base64'),
        kinesisRecordMetadata: {
          shardId: LOCAL_SHARD,
          partitionKey: 'orderfeed-local',
          approximateArrivalTimestamp: options.arrivalMs,
          sequenceNumber: ordinal.padStart(56, '0'),
          subsequenceNumber: '0',
        },
      };
    }),
  };
}
