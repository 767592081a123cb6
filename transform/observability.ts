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

export function createLogger(): Logger {
  return new Logger({ serviceName: SERVICE_NAME });
}

export function createMetrics(tableName: string): Metrics {
  return new Metrics({
    namespace: METRICS_NAMESPACE,
    serviceName: SERVICE_NAME,
    defaultDimensions: { table: tableName },
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
  metrics.addMetric('Records', MetricUnit.Count, counts.records);
  metrics.addMetric('Rows', MetricUnit.Count, counts.rows);
  metrics.addMetric('Duplicates', MetricUnit.Count, counts.duplicates);
  metrics.addMetric('NonOrderEvents', MetricUnit.Count, counts.nonOrderEvents);
  metrics.addMetric('ProcessingFailed', MetricUnit.Count, counts.failures);
  metrics.publishStoredMetrics();
}
