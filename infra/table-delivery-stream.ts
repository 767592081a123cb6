/**
 * The Firehose delivery stream of one table: reads the Kinesis stream, runs the transform
 * Lambda, converts its JSON rows to Parquet with the table's Glue schema and writes them to
 * `<table>/dt=<dt>/`, `dt` coming from the Lambda's partition keys.
 *
 * This is the L1 `CfnDeliveryStream`: the L2 `DeliveryStream` of aws-kinesisfirehose offers
 * neither record format conversion nor dynamic partitioning, both of which orderfeed needs.
 */
import { Aws, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kinesis from 'aws-cdk-lib/aws-kinesis';
import { CfnDeliveryStream } from 'aws-cdk-lib/aws-kinesisfirehose';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import type { TableName } from '../transform/tables/index.ts';
import { RAW_ERROR_PREFIX, RAW_PREFIX, tableErrorPrefix, tablePrefix } from './warehouse-layout.ts';

export interface TableDeliveryStreamProps {
  readonly tableName: TableName;
  readonly deliveryStreamName: string;
  readonly source: kinesis.IStream;
  readonly transform: lambda.IFunction;
  readonly bucket: s3.IBucket;
  /** The Glue database holding the table whose schema the Parquet conversion uses. */
  readonly databaseName: string;
  /** Buffer before writing an object: 64 to 128 MiB (see the buffering note below). */
  readonly bufferSizeMb: number;
  readonly bufferIntervalSeconds: number;
  /** Input gathered before each transform invocation, 0.2 to 3 MB. */
  readonly processorBufferSizeMb: number;
  readonly processorBufferIntervalSeconds: number;
  /** Also write every source record, untouched, under `raw/`. @default false */
  readonly backupSourceRecords?: boolean;
  readonly logRetentionDays: number;
  readonly removalPolicy: 'retain' | 'destroy';
}

/** Log streams Firehose writes its delivery errors to (names are Firehose's convention). */
const DESTINATION_LOG_STREAM = 'DestinationDelivery';
const BACKUP_LOG_STREAM = 'BackupDelivery';

export class TableDeliveryStream extends Construct {
  readonly deliveryStream: CfnDeliveryStream;
  readonly role: iam.Role;
  readonly logGroup: logs.LogGroup;
  /** The data bucket folders this stream writes objects under. */
  readonly folders: readonly string[];

  constructor(scope: Construct, id: string, props: TableDeliveryStreamProps) {
    super(scope, id);
    const backup = props.backupSourceRecords ?? false;
    this.folders = [`${props.tableName}/`, 'errors/', ...(backup ? ['raw/'] : [])];

    this.logGroup = new logs.LogGroup(this, 'Logs', {
      retention: props.logRetentionDays as logs.RetentionDays,
      removalPolicy:
        props.removalPolicy === 'destroy' ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN,
    });
    for (const name of backup
      ? [DESTINATION_LOG_STREAM, BACKUP_LOG_STREAM]
      : [DESTINATION_LOG_STREAM]) {
      this.logGroup.addStream(name, { logStreamName: name });
    }

    this.role = this.createRole(props);
    const logging = (logStreamName: string) => ({
      enabled: true,
      logGroupName: this.logGroup.logGroupName,
      logStreamName,
    });

    this.deliveryStream = new CfnDeliveryStream(this, 'Resource', {
      deliveryStreamName: props.deliveryStreamName,
      deliveryStreamType: 'KinesisStreamAsSource',
      kinesisStreamSourceConfiguration: {
        kinesisStreamArn: props.source.streamArn,
        roleArn: this.role.roleArn,
      },
      extendedS3DestinationConfiguration: {
        bucketArn: props.bucket.bucketArn,
        roleArn: this.role.roleArn,
        prefix: tablePrefix(props.tableName),
        errorOutputPrefix: tableErrorPrefix(props.tableName),
        // Buffering: with dynamic partitioning and with format conversion Firehose requires
        // at least 64 MiB (128 is the most). Bigger Parquet objects mean fewer, faster reads
        // for Athena. At a venue's volume the interval usually fires first; with dynamic
        // partitioning an object can take up to 1.5 times the interval to arrive.
        bufferingHints: {
          sizeInMBs: props.bufferSizeMb,
          intervalInSeconds: props.bufferIntervalSeconds,
        },
        // Parquet compresses inside the file (SNAPPY below); Firehose must not wrap it again.
        compressionFormat: 'UNCOMPRESSED',
        cloudWatchLoggingOptions: logging(DESTINATION_LOG_STREAM),
        dynamicPartitioningConfiguration: {
          enabled: true,
          retryOptions: { durationInSeconds: 300 },
        },
        processingConfiguration: {
          enabled: true,
          processors: [
            {
              type: 'Lambda',
              parameters: [
                { parameterName: 'LambdaArn', parameterValue: props.transform.functionArn },
                // Processor buffer: Firehose allows 0.2 to 3 MB per invocation; the response
                // must stay under Lambda's 6 MB limit, and flattening grows a batch (every
                // line item repeats its order's columns, and the answer is base64). 1 MB in
                // leaves that growth room; past the budget the handler answers
                // ProcessingFailed, so an oversized batch is never lost, only redriven.
                {
                  parameterName: 'BufferSizeInMBs',
                  parameterValue: String(props.processorBufferSizeMb),
                },
                {
                  parameterName: 'BufferIntervalInSeconds',
                  parameterValue: String(props.processorBufferIntervalSeconds),
                },
                { parameterName: 'NumberOfRetries', parameterValue: '3' },
              ],
            },
          ],
        },
        dataFormatConversionConfiguration: {
          enabled: true,
          // OpenX reads the handler's ISO-8601 UTC timestamps (with a Z) into timestamp
          // columns; the rows are already lower case, as Glue column names are.
          inputFormatConfiguration: { deserializer: { openXJsonSerDe: {} } },
          outputFormatConfiguration: { serializer: { parquetSerDe: { compression: 'SNAPPY' } } },
          schemaConfiguration: {
            catalogId: Aws.ACCOUNT_ID,
            region: Stack.of(this).region,
            databaseName: props.databaseName,
            tableName: props.tableName,
            roleArn: this.role.roleArn,
            versionId: 'LATEST',
          },
        },
        s3BackupMode: backup ? 'Enabled' : 'Disabled',
        s3BackupConfiguration: backup
          ? {
              bucketArn: props.bucket.bucketArn,
              roleArn: this.role.roleArn,
              prefix: RAW_PREFIX,
              errorOutputPrefix: RAW_ERROR_PREFIX,
              // The backup has no Parquet step, so it is gzipped; Athena reads .gz directly.
              compressionFormat: 'GZIP',
              bufferingHints: {
                sizeInMBs: props.bufferSizeMb,
                intervalInSeconds: props.bufferIntervalSeconds,
              },
              cloudWatchLoggingOptions: logging(BACKUP_LOG_STREAM),
            }
          : undefined,
      },
    });
    // Firehose checks its permissions when the stream is created, so the policy comes first.
    this.deliveryStream.node.addDependency(this.role);
  }

  private createRole(props: TableDeliveryStreamProps): iam.Role {
    const role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('firehose.amazonaws.com', {
        conditions: { StringEquals: { 'aws:SourceAccount': Aws.ACCOUNT_ID } },
      }),
    });
    props.source.grantRead(role);

    const { bucket } = props;
    role.addToPolicy(
      new iam.PolicyStatement({
        sid: 'WriteWarehouseObjects',
        actions: [
          's3:AbortMultipartUpload',
          's3:GetBucketLocation',
          's3:GetObject',
          's3:ListBucket',
          's3:ListBucketMultipartUploads',
          's3:PutObject',
        ],
        resources: [
          bucket.bucketArn,
          ...this.folders.map((folder) => bucket.arnForObjects(`${folder}*`)),
        ],
      }),
    );
    role.addToPolicy(
      new iam.PolicyStatement({
        sid: 'InvokeTransform',
        actions: ['lambda:InvokeFunction', 'lambda:GetFunctionConfiguration'],
        resources: [props.transform.functionArn],
      }),
    );
    role.addToPolicy(
      new iam.PolicyStatement({
        sid: 'ReadTableSchema',
        actions: ['glue:GetTable', 'glue:GetTableVersion', 'glue:GetTableVersions'],
        resources: [
          Stack.of(this).formatArn({ service: 'glue', resource: 'catalog' }),
          Stack.of(this).formatArn({
            service: 'glue',
            resource: 'database',
            resourceName: props.databaseName,
          }),
          Stack.of(this).formatArn({
            service: 'glue',
            resource: 'table',
            resourceName: `${props.databaseName}/${props.tableName}`,
          }),
        ],
      }),
    );
    role.addToPolicy(
      new iam.PolicyStatement({
        sid: 'LogDeliveryErrors',
        actions: ['logs:PutLogEvents'],
        resources: [`${this.logGroup.logGroupArn}`],
      }),
    );
    return role;
  }
}
