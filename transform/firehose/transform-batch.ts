/**
 * Answers one Firehose batch for one table, record by record: every input record gets
 * exactly one answer with its recordId, and no record can make the batch throw.
 */
import type {
  FirehoseTransformationEvent,
  FirehoseTransformationEventRecord,
  FirehoseTransformationResult,
} from 'aws-lambda';
import { EventContractError, type RecordFailure } from '../errors.ts';
import { type DecodedOrderEvent, decodeEvent } from '../event/decode-event.ts';
import { lineItemRows } from '../flatten/line-item-rows.ts';
import { orderEventRow } from '../flatten/order-event-row.ts';
import { type OrderSnapshot, orderSnapshot } from '../flatten/order-snapshot.ts';
import type { TableName } from '../tables/index.ts';
import { type Answer, droppedAnswer, failedAnswer, okAnswer } from './answers.ts';
import { type BatchCounts, emptyCounts } from './batch-counts.ts';
import { LAMBDA_RESPONSE_LIMIT_BYTES, ResponseBudget } from './response-budget.ts';

export interface TransformBatchOptions {
  readonly tableName: TableName;
  /** Called once per `ProcessingFailed` answer with the reason. */
  readonly onFailure: (failure: RecordFailure) => void;
  /** Called once per non-order event, with its type, so it can be counted. @default none */
  readonly onNonOrderEvent?: (eventId: string, eventType: string) => void;
  /** @default 6 MiB, the Lambda response limit */
  readonly responseLimitBytes?: number;
}

export interface TransformBatchOutput {
  readonly result: FirehoseTransformationResult;
  readonly counts: BatchCounts;
}

const ROWS_FOR_TABLE: Record<TableName, (snapshot: OrderSnapshot) => readonly object[]> = {
  order_events: (snapshot) => [orderEventRow(snapshot)],
  order_line_items: lineItemRows,
};

export const BUDGET_EXCEEDED =
  'answer would push the response past the Lambda 6 MB limit; replay this record';

export function transformBatch(
  event: FirehoseTransformationEvent,
  options: TransformBatchOptions,
): TransformBatchOutput {
  const budget = new ResponseBudget(
    event.records,
    options.responseLimitBytes ?? LAMBDA_RESPONSE_LIMIT_BYTES,
  );
  const seen = new Set<string>();
  const counts = emptyCounts();

  const fail = (
    record: FirehoseTransformationEventRecord,
    failure: Omit<RecordFailure, 'recordId'>,
  ) => {
    counts.failures++;
    options.onFailure({ recordId: record.recordId, ...failure });
    return failedAnswer(record);
  };

  const answer = (record: FirehoseTransformationEventRecord): Answer => {
    const decoded = decodeEvent(Buffer.from(record.data, 'base64'));
    if (decoded.kind === 'other') {
      counts.nonOrderEvents++;
      options.onNonOrderEvent?.(decoded.eventId, decoded.eventType);
      return droppedAnswer(record);
    }

    const key = dedupeKey(decoded);
    if (seen.has(key)) {
      counts.duplicates++;
      return droppedAnswer(record);
    }

    const snapshot = orderSnapshot(decoded);
    const rows = ROWS_FOR_TABLE[options.tableName](snapshot);
    if (rows.length === 0) {
      seen.add(key);
      counts.noRows++;
      return droppedAnswer(record);
    }

    const ok = okAnswer(record, encodeRows(rows), snapshot.dt);
    if (!budget.claim(record, ok)) {
      return fail(record, { eventId: decoded.event._id, path: '$', reason: BUDGET_EXCEEDED });
    }
    seen.add(key);
    counts.ok++;
    counts.rows += rows.length;
    return ok;
  };

  const records = event.records.map((record) => {
    counts.records++;
    try {
      return answer(record);
    } catch (error) {
      return fail(record, failureOf(error));
    }
  });
  return { result: { records }, counts };
}

/** Exact duplicates: the same order and the same payload hash. */
function dedupeKey(decoded: DecodedOrderEvent): string {
  return `${decoded.event.p.uuid}/${decoded.eventHash}`;
}

/** Rows as JSON documents, one per line, base64-encoded for Firehose. */
function encodeRows(rows: readonly object[]): string {
  let lines = '';
  for (const row of rows) lines += `${JSON.stringify(row)}\n`;
  return Buffer.from(lines).toString('base64');
}

function failureOf(error: unknown): Omit<RecordFailure, 'recordId'> {
  if (error instanceof EventContractError) {
    return error.eventId === undefined
      ? { path: error.path, reason: error.message }
      : { eventId: error.eventId, path: error.path, reason: error.message };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { path: '$', reason: `unexpected error in the transform: ${message}` };
}
