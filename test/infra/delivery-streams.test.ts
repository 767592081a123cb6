import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { resourceNamed, type SynthesizedStack, synthStack } from './synth-stack.ts';

describe('Construct: TableDeliveryStream', () => {
  let synthesized: SynthesizedStack;
  beforeAll(() => {
    synthesized = synthStack();
  });

  it('reads the order stream and writes order_events as Parquet by the Lambda dt', () => {
    const { template } = synthesized;
    const stream = resourceNamed(template, 'AWS::Kinesis::Stream', 'OrderStream');
    const transform = resourceNamed(
      template,
      'AWS::Lambda::Function',
      'TransformordereventsFunction',
    );

    template.hasResourceProperties('AWS::KinesisFirehose::DeliveryStream', {
      DeliveryStreamName: 'orderfeed-order_events',
      DeliveryStreamType: 'KinesisStreamAsSource',
      KinesisStreamSourceConfiguration: {
        KinesisStreamARN: { 'Fn::GetAtt': [stream.id, 'Arn'] },
      },
      ExtendedS3DestinationConfiguration: Match.objectLike({
        Prefix: 'order_events/dt=!{partitionKeyFromLambda:dt}/',
        ErrorOutputPrefix:
          'errors/!{firehose:error-output-type}/table=order_events/dt=!{timestamp:yyyy-MM-dd}/',
        BufferingHints: { SizeInMBs: 128, IntervalInSeconds: 300 },
        CompressionFormat: 'UNCOMPRESSED',
        DynamicPartitioningConfiguration: { Enabled: true, RetryOptions: Match.anyValue() },
        ProcessingConfiguration: {
          Enabled: true,
          Processors: [
            {
              Type: 'Lambda',
              Parameters: [
                {
                  ParameterName: 'LambdaArn',
                  ParameterValue: { 'Fn::GetAtt': [transform.id, 'Arn'] },
                },
                { ParameterName: 'BufferSizeInMBs', ParameterValue: '1' },
                { ParameterName: 'BufferIntervalInSeconds', ParameterValue: '60' },
                { ParameterName: 'NumberOfRetries', ParameterValue: '3' },
              ],
            },
          ],
        },
        DataFormatConversionConfiguration: {
          Enabled: true,
          InputFormatConfiguration: { Deserializer: { OpenXJsonSerDe: {} } },
          OutputFormatConfiguration: { Serializer: { ParquetSerDe: { Compression: 'SNAPPY' } } },
          SchemaConfiguration: Match.objectLike({
            DatabaseName: 'orderfeed',
            TableName: 'order_events',
            VersionId: 'LATEST',
          }),
        },
      }),
    });
  });

  it('backs up every source record of the order_events stream, gzipped, under raw/', () => {
    const { template } = synthesized;

    template.hasResourceProperties('AWS::KinesisFirehose::DeliveryStream', {
      DeliveryStreamName: 'orderfeed-order_events',
      ExtendedS3DestinationConfiguration: Match.objectLike({
        S3BackupMode: 'Enabled',
        S3BackupConfiguration: Match.objectLike({
          Prefix: 'raw/dt=!{timestamp:yyyy-MM-dd}/',
          ErrorOutputPrefix:
            'errors/raw-backup/!{firehose:error-output-type}/dt=!{timestamp:yyyy-MM-dd}/',
          CompressionFormat: 'GZIP',
        }),
      }),
    });
  });

  it('writes order_line_items with its own transform and no second backup', () => {
    const { template } = synthesized;
    const transform = resourceNamed(
      template,
      'AWS::Lambda::Function',
      'TransformorderlineitemsFunction',
    );

    const delivery = resourceNamed(
      template,
      'AWS::KinesisFirehose::DeliveryStream',
      'Deliveryorderlineitems',
    );

    const destination = delivery.properties.ExtendedS3DestinationConfiguration as Record<
      string,
      unknown
    >;
    expect(destination.Prefix).toBe('order_line_items/dt=!{partitionKeyFromLambda:dt}/');
    expect(destination.ErrorOutputPrefix).toBe(
      'errors/!{firehose:error-output-type}/table=order_line_items/dt=!{timestamp:yyyy-MM-dd}/',
    );
    expect(destination.S3BackupMode).toBe('Disabled');
    expect(JSON.stringify(destination.ProcessingConfiguration)).toContain(transform.id);
    expect(JSON.stringify(destination.DataFormatConversionConfiguration)).toContain(
      '"TableName":"order_line_items"',
    );
  });

  it('takes buffer settings from the configuration', () => {
    const { template } = synthStack({
      bufferSizeMb: '64',
      bufferIntervalSeconds: 120,
      processorBufferSizeMb: '0.5',
      processorBufferIntervalSeconds: 30,
    });

    const delivery = resourceNamed(
      template,
      'AWS::KinesisFirehose::DeliveryStream',
      'Deliveryorderlineitems',
    );

    const destination = JSON.stringify(delivery.properties.ExtendedS3DestinationConfiguration);
    expect(destination).toContain('"BufferingHints":{"IntervalInSeconds":120,"SizeInMBs":64}');
    expect(destination).toContain('{"ParameterName":"BufferSizeInMBs","ParameterValue":"0.5"}');
    expect(destination).toContain(
      '{"ParameterName":"BufferIntervalInSeconds","ParameterValue":"30"}',
    );
  });

  it('lets Firehose write only its own folders, invoke only its transform', () => {
    const { template } = synthesized;
    const bucket = resourceNamed(template, 'AWS::S3::Bucket', 'StorageData');
    const transform = resourceNamed(
      template,
      'AWS::Lambda::Function',
      'TransformorderlineitemsFunction',
    );
    const folder = (name: string) => ({
      'Fn::Join': ['', [{ 'Fn::GetAtt': [bucket.id, 'Arn'] }, `/${name}/*`]],
    });

    const policy = resourceNamed(
      template,
      'AWS::IAM::Policy',
      'DeliveryorderlineitemsRoleDefaultPolicy',
    );

    const statements = (policy.properties.PolicyDocument as { Statement: unknown[] }).Statement;
    expect(statements).toContainEqual({
      Sid: 'WriteWarehouseObjects',
      Effect: 'Allow',
      Action: [
        's3:AbortMultipartUpload',
        's3:GetBucketLocation',
        's3:GetObject',
        's3:ListBucket',
        's3:ListBucketMultipartUploads',
        's3:PutObject',
      ],
      Resource: [
        { 'Fn::GetAtt': [bucket.id, 'Arn'] },
        folder('order_line_items'),
        folder('errors'),
      ],
    });
    expect(statements).toContainEqual({
      Sid: 'InvokeTransform',
      Effect: 'Allow',
      Action: ['lambda:InvokeFunction', 'lambda:GetFunctionConfiguration'],
      Resource: { 'Fn::GetAtt': [transform.id, 'Arn'] },
    });
  });

  it('creates each delivery stream after its Glue table and its role policy', () => {
    const { template } = synthesized;
    const table = resourceNamed(template, 'AWS::Glue::Table', 'CatalogorderlineitemsTable');
    const policy = resourceNamed(
      template,
      'AWS::IAM::Policy',
      'DeliveryorderlineitemsRoleDefaultPolicy',
    );

    const [delivery] = Object.values(
      template.findResources('AWS::KinesisFirehose::DeliveryStream', {
        Properties: { DeliveryStreamName: 'orderfeed-order_line_items' },
      }),
    );

    expect(delivery?.DependsOn).toEqual(expect.arrayContaining([table.id, policy.id]));
  });
});

describe('Construct: TransformFunction', () => {
  it('runs the transform handler on arm64 and the newest Node.js, sized for Firehose', () => {
    const { template } = synthStack({ transformConcurrency: 7, logRetentionDays: 30 });

    for (const tableName of ['order_events', 'order_line_items']) {
      template.hasResourceProperties('AWS::Lambda::Function', {
        Handler: 'index.handler',
        Runtime: 'nodejs24.x',
        Architectures: ['arm64'],
        MemorySize: 1024,
        Timeout: 60,
        ReservedConcurrentExecutions: 7,
        Environment: { Variables: Match.objectLike({ TABLE_NAME: tableName }) },
      });
    }
    template.resourcePropertiesCountIs('AWS::Logs::LogGroup', { RetentionInDays: 30 }, 5);
  });
});
