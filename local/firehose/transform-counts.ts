/**
 * Collects the counts the transform publishes as metrics after each batch, so the local
 * summary can say why records were answered `Dropped`: Firehose's answers carry no reason,
 * and these are the very counts the Lambda sends to CloudWatch.
 */
import { Metrics } from '@aws-lambda-powertools/metrics';

export class TransformCounts extends Metrics {
  private readonly totals = new Map<string, number>();

  constructor() {
    super({ namespace: 'orderfeed-local', serviceName: 'orderfeed-local-ingest' });
  }

  override addMetric(...[name, , value]: Parameters<Metrics['addMetric']>): this {
    this.totals.set(name, (this.totals.get(name) ?? 0) + value);
    return this;
  }

  /** Nothing leaves the machine: the totals stay here for {@link count}. */
  override publishStoredMetrics(): this {
    return this;
  }

  /** The total of a metric over every batch so far, e.g. `Duplicates`. */
  count(name: string): number {
    return this.totals.get(name) ?? 0;
  }
}
