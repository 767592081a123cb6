/**
 * Builds real Firehose transformation events (the shape Firehose sends a processor Lambda)
 * from the source document's sample event and variants of it.
 */
import { readFileSync } from 'node:fs';
import type {
  FirehoseTransformationEvent,
  FirehoseTransformationEventRecord,
  FirehoseTransformationResultRecord,
} from 'aws-lambda';

const SAMPLE_PATH = new URL('../../../local/generate/document-sample.json', import.meta.url);

/** The sample event's bytes exactly as the source document prints them. */
export const SAMPLE_BYTES: Buffer = readFileSync(SAMPLE_PATH);

// biome-ignore lint/suspicious/noExplicitAny: tests mutate arbitrary fields of the event
export type EventJson = Record<string, any>;

/** A fresh, mutable copy of the sample event. */
export function sampleEvent(): EventJson {
  return JSON.parse(SAMPLE_BYTES.toString('utf8'));
}

/** The sample with `change` applied to a fresh copy. */
export function sampleWith(change: (event: EventJson) => void): EventJson {
  const event = sampleEvent();
  change(event);
  return event;
}

export function firehoseRecord(
  data: Buffer | string | EventJson,
  recordId: string,
): FirehoseTransformationEventRecord {
  const bytes = Buffer.isBuffer(data)
    ? data
    : Buffer.from(typeof data === 'string' ? data : JSON.stringify(data));
  return {
    recordId,
    approximateArrivalTimestamp: 1598447119000,
    data: bytes.toString('base64'),
    kinesisRecordMetadata: {
      shardId: 'shardId-000000000000',
      partitionKey: 'b120fdbf-9b4e-44a8-99fd-4e21e3709c1f',
      approximateArrivalTimestamp: 1598447119000,
      sequenceNumber: `4961150940580897463217548${recordId.padStart(8, '0')}`,
      subsequenceNumber: '',
    },
  };
}

/** A Firehose event whose records are `payloads`, with record ids "r0", "r1", ... */
export function firehoseEvent(
  payloads: ReadonlyArray<Buffer | string | EventJson>,
): FirehoseTransformationEvent {
  return {
    invocationId: 'a7f3b1c2-invocation',
    deliveryStreamArn: 'arn:aws:firehose:us-east-1:123456789012:deliverystream/orderfeed-events',
    sourceKinesisStreamArn: 'arn:aws:kinesis:us-east-1:123456789012:stream/orderfeed',
    region: 'us-east-1',
    records: payloads.map((payload, index) => firehoseRecord(payload, `r${index}`)),
  };
}

/** The JSON rows of an `Ok` answer, one per line. */
// biome-ignore lint/suspicious/noExplicitAny: rows are checked field by field in tests
export function rowsOf(answer: FirehoseTransformationResultRecord | undefined): any[] {
  if (!answer?.data) throw new Error(`answer ${answer?.recordId} has no data`);
  const text = Buffer.from(answer.data, 'base64').toString('utf8');
  if (!text.endsWith('\n')) throw new Error('rows must end with a newline');
  return text
    .slice(0, -1)
    .split('\n')
    .map((line) => JSON.parse(line));
}
