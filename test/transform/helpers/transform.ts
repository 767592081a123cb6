/**
 * Runs payloads through the real handler and collects answers and failure reasons.
 */
import type { FirehoseTransformationResultRecord } from 'aws-lambda';
import type { RecordFailure } from '../../../transform/errors.ts';
import { createHandler } from '../../../transform/handler.ts';
import type { TableName } from '../../../transform/tables/index.ts';
import { type EventJson, firehoseEvent } from './firehose-event.ts';

export interface TransformOutcome {
  readonly answers: FirehoseTransformationResultRecord[];
  readonly failures: RecordFailure[];
}

export async function transformPayloads(
  payloads: ReadonlyArray<Buffer | string | EventJson>,
  tableName: TableName = 'order_events',
): Promise<TransformOutcome> {
  const failures: RecordFailure[] = [];
  const transform = createHandler({
    tableName,
    metrics: null,
    onProcessingFailed: (failure) => failures.push(failure),
  });
  const { records } = await transform(firehoseEvent(payloads));
  return { answers: records, failures };
}
