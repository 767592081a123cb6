/**
 * The orderfeed stack: everything a client deploys to land VenueNext order events in an
 * Athena warehouse. The pieces, in the order data flows through them:
 *
 * writer role -> Kinesis stream -> one Firehose delivery stream per table (transform Lambda,
 * Parquet conversion, dynamic partitioning, raw backup) -> data bucket -> Glue tables ->
 * Athena workgroup, saved queries and views; alarms and a dashboard watch every step.
 */
import type * as glue from '@aws-cdk/aws-glue-alpha';
import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { CfnWorkGroup } from 'aws-cdk-lib/aws-athena';
import type * as kinesis from 'aws-cdk-lib/aws-kinesis';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import type * as sns from 'aws-cdk-lib/aws-sns';
import type { Construct } from 'constructs';
import { STACK_OUTPUT_KEYS } from '../aws/stack-outputs.ts';
import { loadSavedQueries, type SavedQuery } from '../queries/catalog.ts';
import { TABLE_NAMES } from '../transform/tables/index.ts';
import { AlarmTopic } from './alarm-topic.ts';
import { AthenaWorkgroup, RESULTS_FOLDER } from './athena-workgroup.ts';
import { deployContextFlags, type OrderfeedConfig, stackName } from './config.ts';
import { suppressAcceptedFindings } from './nag-suppressions.ts';
import { OrderStream } from './order-stream.ts';
import { PipelineMonitoring } from './pipeline-monitoring.ts';
import { Reporting } from './reporting/reporting.ts';
import { Storage } from './storage.ts';
import { TableDeliveryStream } from './table-delivery-stream.ts';
import { TransformFunction } from './transform-function.ts';
import { SavedViews } from './views/saved-views.ts';
import { WarehouseCatalog } from './warehouse-catalog.ts';
import { WriterRole } from './writer-role.ts';

export interface OrderfeedStackProps extends StackProps {
  readonly config: OrderfeedConfig;
  /** The saved queries and views. @default every queries/*.sql file */
  readonly savedQueries?: readonly SavedQuery[];
}

/** The delivery stream that also writes every source record, untouched, under `raw/`. */
export const RAW_BACKUP_TABLE = 'order_events';

export class OrderfeedStack extends Stack {
  readonly config: OrderfeedConfig;
  /** The warehouse: Parquet tables, raw backup and error records. */
  readonly dataBucket: s3.Bucket;
  readonly resultsBucket: s3.Bucket;
  readonly stream: kinesis.Stream;
  readonly database: glue.Database;
  readonly catalog: WarehouseCatalog;
  readonly workGroup: CfnWorkGroup;
  readonly alarmTopic: sns.Topic;
  readonly writerRole: WriterRole;

  constructor(scope: Construct, id: string, props: OrderfeedStackProps) {
    super(scope, id, {
      description: 'orderfeed: VenueNext order events from Kinesis to an Athena warehouse',
      ...props,
    });
    const { config } = props;
    this.config = config;
    const name = stackName(config);
    const databaseName = name.replace(/-/g, '_');

    const storage = new Storage(this, 'Storage', config);
    this.dataBucket = storage.dataBucket;
    this.resultsBucket = storage.resultsBucket;

    const orderStream = new OrderStream(this, 'OrderStream', {
      streamName: `${name}-order-events`,
      shardCount: config.shardCount,
      retentionHours: config.retentionHours,
      removalPolicy: config.removalPolicy,
    });
    this.stream = orderStream.stream;

    this.writerRole = new WriterRole(this, 'Writer', {
      stream: orderStream.stream,
      streamKey: orderStream.key,
      publisherRoleArn: config.publisherRoleArn,
      externalId: config.externalId,
    });

    this.catalog = new WarehouseCatalog(this, 'Catalog', {
      databaseName,
      bucket: storage.dataBucket,
      projectionStartDate: config.projectionStartDate,
    });
    this.database = this.catalog.database;

    const deliveryFolders: Record<string, readonly string[]> = {};
    const monitored = TABLE_NAMES.map((tableName) => {
      const transform = new TransformFunction(this, `Transform-${tableName}`, {
        tableName,
        reservedConcurrency: config.transformConcurrency,
        logRetentionDays: config.logRetentionDays,
        removalPolicy: config.removalPolicy,
      });
      const deliveryStreamName = `${name}-${tableName}`;
      const backsUpSourceRecords = tableName === RAW_BACKUP_TABLE;
      const deliveryId = `Delivery-${tableName}`;
      const delivery = new TableDeliveryStream(this, deliveryId, {
        tableName,
        deliveryStreamName,
        source: orderStream.stream,
        transform: transform.function,
        bucket: storage.dataBucket,
        databaseName,
        bufferSizeMb: config.bufferSizeMb,
        bufferIntervalSeconds: config.bufferIntervalSeconds,
        processorBufferSizeMb: config.processorBufferSizeMb,
        processorBufferIntervalSeconds: config.processorBufferIntervalSeconds,
        backupSourceRecords: backsUpSourceRecords,
        logRetentionDays: config.logRetentionDays,
        removalPolicy: config.removalPolicy,
      });
      // Firehose reads the schema when it starts converting, so the table must exist first.
      delivery.deliveryStream.node.addDependency(this.catalog.tables[tableName]);
      deliveryFolders[deliveryId] = delivery.folders;
      return { tableName, deliveryStreamName, transform: transform.function, backsUpSourceRecords };
    });

    const savedQueries = props.savedQueries ?? loadSavedQueries();
    const athena = new AthenaWorkgroup(this, 'Athena', {
      workGroupName: name,
      databaseName,
      resultsBucket: storage.resultsBucket,
      bytesScannedCutoffMb: config.bytesScannedCutoffMb,
      savedQueries,
      removalPolicy: config.removalPolicy,
    });
    this.workGroup = athena.workGroup;
    for (const namedQuery of athena.namedQueries.values()) {
      namedQuery.node.addDependency(this.database);
    }

    const views = new SavedViews(this, 'Views', {
      databaseName,
      workGroupName: name,
      resultsBucket: storage.resultsBucket,
      tableNames: this.catalog.tableNames,
      savedQueries,
      logRetentionDays: config.logRetentionDays,
      removalPolicy: config.removalPolicy,
    });
    views.resource.node.addDependency(this.catalog, athena.workGroup);

    this.alarmTopic = new AlarmTopic(this, 'Alarms', {
      topicName: `${name}-alarms`,
      alarmEmail: config.alarmEmail,
    }).topic;
    new PipelineMonitoring(this, 'Monitoring', {
      name,
      alarmTopic: this.alarmTopic,
      stream: orderStream.stream,
      tables: monitored,
      bufferIntervalSeconds: config.bufferIntervalSeconds,
    });

    // The morning report and the QuickSight datasets read the views, so they come after them.
    const reporting = new Reporting(this, 'Reporting', {
      warehouse: {
        dataBucket: storage.dataBucket,
        glueDatabaseName: databaseName,
        workGroupName: this.workGroup.ref,
        resultsBucket: storage.resultsBucket,
        resultsPrefix: RESULTS_FOLDER.replace(/\/$/, ''),
      },
      timeZone: config.reportTimezone,
      schedule: config.reportSchedule,
      alarmTopic: this.alarmTopic,
      quicksightPrincipalArn: config.quicksightPrincipalArn,
    });
    reporting.node.addDependency(views.resource);
    new CfnOutput(this, 'ReportTopicArn', {
      value: reporting.dailyRevenueReport.reportTopic.topicArn,
      description: 'Subscribe here for the morning revenue report',
    });
    new CfnOutput(this, 'ReportStateMachineArn', {
      value: reporting.dailyRevenueReport.stateMachine.stateMachineArn,
      description: 'Start it with {"reportDate": "YYYY-MM-DD"} to re-run or backfill a day',
    });

    this.addOutputs(databaseName);
    suppressAcceptedFindings(this, {
      dataBucket: this.dataBucket,
      resultsBucket: this.resultsBucket,
      viewsFunction: views.function,
      deliveryFolders,
    });
  }

  private addOutputs(databaseName: string): void {
    const output = (key: string, value: string, description: string) =>
      new CfnOutput(this, key, { value, description });

    output(
      STACK_OUTPUT_KEYS.writerRoleArn,
      this.writerRole.role.roleArn,
      'Send to VenueNext: the role their publisher assumes',
    );
    output(STACK_OUTPUT_KEYS.streamName, this.stream.streamName, 'Send to VenueNext');
    output(STACK_OUTPUT_KEYS.streamArn, this.stream.streamArn, 'The order event stream');
    output(STACK_OUTPUT_KEYS.region, this.region, 'Send to VenueNext: the stream region');
    output(
      'WriterRoleTrust',
      this.config.publisherRoleArn ?? 'this account only (phase 1)',
      'Who may assume the writer role',
    );
    output(
      STACK_OUTPUT_KEYS.deployContext,
      deployContextFlags(this.config),
      'The -c options a redeploy of this stack repeats (orderfeed handoff prints them)',
    );
    output('DataBucketName', this.dataBucket.bucketName, 'The warehouse bucket');
    output('DatabaseName', databaseName, 'The Glue database');
    output('WorkGroupName', this.workGroup.ref, 'The Athena workgroup');
    output('AlarmTopicArn', this.alarmTopic.topicArn, 'Subscribe here for alarms');
  }
}
