/**
 * Powertools logging and metrics for the transform Lambda.
 *
 * Logs are one JSON object per line with snake_case keys and never carry payload values
 * (employee names are personal data): only record ids, event ids, field paths and reasons.
 */
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import type { RecordFailure } from './errors.ts';
import type { BatchCounts } from './firehose/batch-counts.ts';

export const SERVICE_NAME = 'orderfeed-transform';
export const METRICS_NAMESPACE = 'orderfeed';

/** The metrics published per batch, with dimensions `service` and {@link TABLE_DIMENSION}. */
export const METRIC_NAMES = {
  records: 'Records',
  rows: 'Rows',
  duplicates: 'Duplicates',
  nonOrderEvents: 'NonOrderEvents',
  failures: 'ProcessingFailed',
} as const;

export const TABLE_DIMENSION = 'table';

export function createLogger(): Logger {
  return new Logger({ serviceName: SERVICE_NAME });
}

export function createMetrics(tableName: string): Metrics {
  return new Metrics({
    namespace: METRICS_NAMESPACE,
    serviceName: SERVICE_NAME,
    defaultDimensions: { [TABLE_DIMENSION]: tableName },
  });
}

export function logFailure(logger: Logger, failure: RecordFailure): void {
  logger.warn('record answered ProcessingFailed', {
    record_id: failure.recordId,
    event_id: failure.eventId ?? null,
    field_path: failure.path,
    reason: failure.reason,
  });
}

/** Emits one batch's counts as CloudWatch metrics (EMF) and flushes them. */
export function publishCounts(metrics: Metrics, counts: BatchCounts): void {
  for (const [count, name] of Object.entries(METRIC_NAMES)) {
    metrics.addMetric(name, MetricUnit.Count, counts[count as keyof typeof METRIC_NAMES]);
  }
  metrics.publishStoredMetrics();
}
