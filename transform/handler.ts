/**
 * The Firehose transformation Lambda: turns VenueNext `order.state.change` events into rows
 * of one table, picked by the `TABLE_NAME` environment variable (`order_events` or
 * `order_line_items`).
 *
 * @example
 * // Local use, with reasons for failed records and no Lambda telemetry:
 * const transform = createHandler({ tableName: 'order_events', onProcessingFailed: keep });
 * const result = await transform(firehoseEvent);
 */
import type { Logger } from '@aws-lambda-powertools/logger';
import type { Metrics } from '@aws-lambda-powertools/metrics';
import type {
  Context,
  FirehoseTransformationEvent,
  FirehoseTransformationResult,
} from 'aws-lambda';
import type { RecordFailure } from './errors.ts';
import type { BatchCounts } from './firehose/batch-counts.ts';
import { transformBatch } from './firehose/transform-batch.ts';
import { createLogger, createMetrics, logFailure, publishCounts } from './observability.ts';
import { TABLE_NAMES, type TableName } from './tables/index.ts';

export type { RecordFailure } from './errors.ts';
export type { BatchCounts } from './firehose/batch-counts.ts';

export interface TransformHandlerOptions {
  readonly tableName: TableName;
  /** Receives the reason for each `ProcessingFailed` answer. @default only logged */
  readonly onProcessingFailed?: (failure: RecordFailure) => void;
  /** @default a Powertools Logger for this service */
  readonly logger?: Logger;
  /** Powertools Metrics, or null for none (local mode). @default metrics in `orderfeed` */
  readonly metrics?: Metrics | null;
  /** @default 6 MiB, the Lambda response limit */
  readonly responseLimitBytes?: number;
  /**
   * Receives each batch's counts, e.g. why records were `Dropped` (duplicates, non-order
   * events, no rows): Firehose answers carry no reason. @default counts go to metrics only
   */
  readonly onBatchCounts?: (counts: BatchCounts) => void;
}

export type TransformHandler = (
  event: FirehoseTransformationEvent,
  context?: Context,
) => Promise<FirehoseTransformationResult>;

export function createHandler(options: TransformHandlerOptions): TransformHandler {
  const logger = options.logger ?? createLogger();
  const metrics =
    options.metrics === undefined ? createMetrics(options.tableName) : options.metrics;

  return async (event, context) => {
    // Adds the Lambda request id and function name to every log line of this invocation.
    if (context) logger.addContext(context);
    const { result, counts } = transformBatch(event, {
      tableName: options.tableName,
      responseLimitBytes: options.responseLimitBytes,
      onFailure: (failure) => {
        logFailure(logger, failure);
        options.onProcessingFailed?.(failure);
      },
      onNonOrderEvent: (eventId, eventType) => {
        logger.debug('non-order event dropped', { event_id: eventId, event_type: eventType });
      },
    });
    if (metrics) publishCounts(metrics, counts);
    options.onBatchCounts?.(counts);
    return result;
  };
}

export class ConfigurationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigurationError';
  }
}

/** Reads `TABLE_NAME`, failing loudly: a wrong table must not quietly drop a whole stream. */
export function tableNameFromEnv(env: NodeJS.ProcessEnv = process.env): TableName {
  const name = env.TABLE_NAME;
  const table = TABLE_NAMES.find((candidate) => candidate === name);
  if (table) return table;
  throw new ConfigurationError(
    `TABLE_NAME must be one of ${TABLE_NAMES.join(', ')}, got ${JSON.stringify(name ?? null)}`,
  );
}

let lambdaHandler: TransformHandler | undefined;

/** The Lambda entry point; built on first call so importing this module needs no env. */
export const handler: TransformHandler = (event, context) => {
  lambdaHandler ??= createHandler({ tableName: tableNameFromEnv() });
  return lambdaHandler(event, context);
};
