/**
 * Alarms and the CloudWatch dashboard of the pipeline, built with cdk-monitoring-constructs:
 * the stream (write throttling, iterator age), each transform function (errors, throttles),
 * and each delivery stream (freshness, delivery and processing failures, records the
 * transform answered ProcessingFailed, and the raw backup).
 */
import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type * as kinesis from 'aws-cdk-lib/aws-kinesis';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as sns from 'aws-cdk-lib/aws-sns';
import {
  type CustomMetricGroup,
  DefaultDashboardFactory,
  MetricStatistic,
  MonitoringFacade,
  SnsAlarmActionStrategy,
} from 'cdk-monitoring-constructs';
import { Construct } from 'constructs';
import {
  METRIC_NAMES,
  METRICS_NAMESPACE,
  SERVICE_NAME,
  TABLE_DIMENSION,
} from '../transform/observability.ts';
import type { TableName } from '../transform/tables/index.ts';

export interface MonitoredTable {
  readonly tableName: TableName;
  readonly deliveryStreamName: string;
  readonly transform: lambda.IFunction;
  readonly backsUpSourceRecords: boolean;
}

export interface PipelineMonitoringProps {
  readonly name: string;
  readonly alarmTopic: sns.ITopic;
  readonly stream: kinesis.IStream;
  readonly tables: readonly MonitoredTable[];
  /** The delivery streams' buffer interval: freshness is judged against it. */
  readonly bufferIntervalSeconds: number;
}

/** An hour of records waiting in the stream means delivery has stalled. */
const MAX_ITERATOR_AGE = Duration.hours(1);

export class PipelineMonitoring extends Construct {
  readonly facade: MonitoringFacade;

  constructor(scope: Construct, id: string, props: PipelineMonitoringProps) {
    super(scope, id);

    this.facade = new MonitoringFacade(this, 'Facade', {
      alarmFactoryDefaults: {
        alarmNamePrefix: props.name,
        actionsEnabled: true,
        action: new SnsAlarmActionStrategy({ onAlarmTopic: props.alarmTopic }),
      },
      dashboardFactory: new DefaultDashboardFactory(this, 'Dashboards', {
        dashboardNamePrefix: props.name,
        createDashboard: true,
        createSummaryDashboard: false,
        createAlarmDashboard: false,
      }),
    });
    this.facade.addLargeHeader(`orderfeed pipeline: ${props.name}`);

    this.facade.monitorKinesisDataStream({
      streamName: props.stream.streamName,
      alarmFriendlyName: 'order-stream',
      addIteratorMaxAgeAlarm: {
        Critical: { maxAgeInMillis: MAX_ITERATOR_AGE.toMilliseconds() },
      },
      addPutRecordsThrottledAlarm: { Warning: { maxRecordsThrottledThreshold: 0 } },
      addWriteProvisionedThroughputExceededAlarm: {
        Warning: { maxRecordsThrottledThreshold: 0 },
      },
    });

    for (const table of props.tables) {
      this.facade.monitorLambdaFunction({
        lambdaFunction: table.transform,
        alarmFriendlyName: `transform-${table.tableName}`,
        addFaultCountAlarm: { Critical: { maxErrorCount: 0 } },
        addThrottlesCountAlarm: { Warning: { maxErrorCount: 0 } },
      });
      this.facade.monitorCustom({
        alarmFriendlyName: `delivery-${table.tableName}`,
        humanReadableName: `Delivery of ${table.tableName}`,
        metricGroups: deliveryMetricGroups(table, props.bufferIntervalSeconds),
      });
    }
  }
}

function deliveryMetricGroups(table: MonitoredTable, intervalSeconds: number): CustomMetricGroup[] {
  const firehose = (metricName: string, statistic: string) =>
    new cloudwatch.Metric({
      namespace: 'AWS/Firehose',
      metricName,
      dimensionsMap: { DeliveryStreamName: table.deliveryStreamName },
      statistic,
      period: Duration.minutes(5),
    });
  const below = (name: string, threshold: number) => ({
    [name]: {
      threshold,
      comparisonOperator: cloudwatch.ComparisonOperator.LESS_THAN_THRESHOLD,
      // No traffic means no delivery attempts, which is not a failure.
      treatMissingDataOverride: cloudwatch.TreatMissingData.NOT_BREACHING,
    },
  });

  // Dynamic partitioning can hold an object for 1.5 times the buffer interval; three
  // intervals (at least 15 minutes) of age is a stall, not buffering.
  const maxFreshness = Math.max(3 * intervalSeconds, 900);
  const failed = new cloudwatch.Metric({
    namespace: METRICS_NAMESPACE,
    metricName: METRIC_NAMES.failures,
    dimensionsMap: { service: SERVICE_NAME, [TABLE_DIMENSION]: table.tableName },
    statistic: MetricStatistic.SUM,
    period: Duration.minutes(5),
  });

  const delivery: CustomMetricGroup = {
    title: 'Delivery',
    metrics: [
      {
        metric: firehose('DeliveryToS3.DataFreshness', MetricStatistic.MAX),
        alarmFriendlyName: `${table.tableName}-freshness`,
        addAlarm: {
          Critical: {
            threshold: maxFreshness,
            comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
          },
        },
      },
      {
        metric: firehose('DeliveryToS3.Success', MetricStatistic.AVERAGE),
        alarmFriendlyName: `${table.tableName}-delivery`,
        addAlarm: below('Critical', 1),
      },
      ...(table.backsUpSourceRecords
        ? [
            {
              metric: firehose('BackupToS3.Success', MetricStatistic.AVERAGE),
              alarmFriendlyName: 'raw-backup',
              addAlarm: below('Critical', 1),
            },
          ]
        : []),
    ],
  };
  const processing: CustomMetricGroup = {
    title: 'Processing',
    metrics: [
      {
        metric: firehose('ExecuteProcessing.Success', MetricStatistic.AVERAGE),
        alarmFriendlyName: `${table.tableName}-processing`,
        addAlarm: below('Critical', 1),
      },
      {
        metric: failed,
        alarmFriendlyName: `${table.tableName}-processing-failed`,
        addAlarm: {
          Warning: {
            threshold: 0,
            comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
            treatMissingDataOverride: cloudwatch.TreatMissingData.NOT_BREACHING,
          },
        },
      },
    ],
  };
  return [delivery, processing];
}
