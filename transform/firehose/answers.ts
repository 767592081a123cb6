/**
 * The three answers a Firehose transformation can give a record.
 */
import type {
  FirehoseTransformationEventRecord,
  FirehoseTransformationResultRecord,
} from 'aws-lambda';

export type Answer = FirehoseTransformationResultRecord;

/** Rows delivered to the partition `dt`. `data` is base64 of JSON lines. */
export function okAnswer(record: FirehoseTransformationEventRecord, data: string, dt: string) {
  return {
    recordId: record.recordId,
    result: 'Ok',
    data,
    metadata: { partitionKeys: { dt } },
  } satisfies Answer;
}

/** Intentionally no rows: a duplicate, a non-order event, or nothing for this table. */
export function droppedAnswer(record: FirehoseTransformationEventRecord) {
  return { recordId: record.recordId, result: 'Dropped', data: '' } satisfies Answer;
}

/** Breaks the contract: the original bytes go back untouched, so they stay replayable. */
export function failedAnswer(record: FirehoseTransformationEventRecord) {
  return {
    recordId: record.recordId,
    result: 'ProcessingFailed',
    data: record.data,
  } satisfies Answer;
}
