/**
 * Assertions on the synthesized orderfeed stack, one describe per construct. They live in one
 * file so the CDK libraries load once and each configuration is synthesized once (see
 * synth-stack.ts), which keeps the run short on a small machine.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Match } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSavedQueries, QUERIES_DIR } from '../../queries/catalog.ts';
import { TABLES } from '../../transform/tables/index.ts';
import { resourceNamed, type SynthesizedStack, synthStack } from './synth-stack.ts';

const PUBLISHER = 'arn:aws:iam::111122223333:role/venuenext-publisher';

const ACCOUNT_ROOT = {
  'Fn::Join': [
    '',
    ['arn:', { Ref: 'AWS::Partition' }, ':iam::', { Ref: 'AWS::AccountId' }, ':root'],
  ],
};

describe('Construct: WriterRole', () => {
  it('trusts only this account in phase 1, when no publisher role is given', () => {
    const { template } = synthStack();

    const role = resourceNamed(template, 'AWS::IAM::Role', 'WriterRole');

    expect(role.properties.AssumeRolePolicyDocument).toEqual({
      Version: '2012-10-17',
      Statement: [{ Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { AWS: ACCOUNT_ROOT } }],
    });
    template.hasOutput('WriterRoleTrust', { Value: 'this account only (phase 1)' });
  });

  it('trusts the VenueNext publisher role alone in phase 2', () => {
    const { template } = synthStack({ publisherRoleArn: PUBLISHER });

    const role = resourceNamed(template, 'AWS::IAM::Role', 'WriterRole');

    expect(role.properties.AssumeRolePolicyDocument).toEqual({
      Version: '2012-10-17',
      Statement: [{ Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { AWS: PUBLISHER } }],
    });
    template.hasOutput('WriterRoleTrust', { Value: PUBLISHER });
  });

  it('requires the external id in phase 2 when one is configured', () => {
    const { template } = synthStack({ publisherRoleArn: PUBLISHER, externalId: 'cubs-7f3a' });

    const role = resourceNamed(template, 'AWS::IAM::Role', 'WriterRole');

    expect(role.properties.AssumeRolePolicyDocument).toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Action: 'sts:AssumeRole',
          Effect: 'Allow',
          Principal: { AWS: PUBLISHER },
          Condition: { StringEquals: { 'sts:ExternalId': 'cubs-7f3a' } },
        },
      ],
    });
  });

  it('may only put records on this stream and encrypt them with its key', () => {
    const { template } = synthStack();
    const stream = resourceNamed(template, 'AWS::Kinesis::Stream', 'OrderStream');
    const key = resourceNamed(template, 'AWS::KMS::Key', 'OrderStreamKey');

    const policy = resourceNamed(template, 'AWS::IAM::Policy', 'WriterRoleDefaultPolicy');

    expect(policy.properties.PolicyDocument).toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'PutOrderEvents',
          Effect: 'Allow',
          Action: [
            'kinesis:PutRecord',
            'kinesis:PutRecords',
            'kinesis:DescribeStreamSummary',
            'kinesis:ListShards',
          ],
          Resource: { 'Fn::GetAtt': [stream.id, 'Arn'] },
        },
        {
          Sid: 'EncryptOrderEvents',
          Effect: 'Allow',
          Action: 'kms:GenerateDataKey',
          Resource: { 'Fn::GetAtt': [key.id, 'Arn'] },
        },
      ],
    });
    // No other policy is attached to the writer role.
    const attached = Object.values(template.findResources('AWS::IAM::Policy')).filter((p) =>
      JSON.stringify(p.Properties.Roles).includes('WriterRole'),
    );
    expect(attached).toHaveLength(1);
    const role = resourceNamed(template, 'AWS::IAM::Role', 'WriterRole');
    expect(role.properties.ManagedPolicyArns).toBeUndefined();
  });

  it('outputs what the client sends VenueNext', () => {
    const { template } = synthStack();
    const role = resourceNamed(template, 'AWS::IAM::Role', 'WriterRole');
    const stream = resourceNamed(template, 'AWS::Kinesis::Stream', 'OrderStream');

    template.hasOutput('WriterRoleArn', { Value: { 'Fn::GetAtt': [role.id, 'Arn'] } });
    template.hasOutput('StreamName', { Value: { Ref: stream.id } });
    template.hasOutput('StreamArn', { Value: { 'Fn::GetAtt': [stream.id, 'Arn'] } });
    template.hasOutput('Region', { Value: { Ref: 'AWS::Region' } });
  });

  it('outputs the context a phase 2 deploy must repeat to target this stack', () => {
    const { template } = synthStack(FULL_CONTEXT);

    template.hasOutput('DeployContext', {
      Value:
        '-c prefix=orderfeed -c ecosystemEnv=mars-dev -c shardCount=2 -c retentionHours=48 ' +
        '-c alarmEmail=ops@example.com -c removalPolicy=destroy',
    });
  });
});

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
    const logGroups = Object.entries(template.findResources('AWS::Logs::LogGroup')).filter(([id]) =>
      id.startsWith('Transform'),
    );
    expect(logGroups.map(([, group]) => group.Properties.RetentionInDays)).toEqual([30, 30]);
  });
});

interface TableInput {
  Name: string;
  PartitionKeys: { Name: string; Type: string }[];
  Parameters: Record<string, unknown>;
  StorageDescriptor: {
    Columns: { Name: string; Type: string; Comment?: string }[];
    Location: unknown;
    InputFormat: string;
    SerdeInfo: { SerializationLibrary: string; Parameters?: Record<string, string> };
  };
}

function tableInput(synthesized: SynthesizedStack, name: string): TableInput {
  const tables = synthesized.template.findResources('AWS::Glue::Table');
  const found = Object.values(tables)
    .map((table) => table.Properties.TableInput as TableInput)
    .find((input) => input.Name === name);
  if (!found) throw new Error(`no Glue table ${name}`);
  return found;
}

/** `s3://<data bucket>/<rest>` as CloudFormation writes it. */
function dataLocation(synthesized: SynthesizedStack, rest: string): unknown {
  const bucket = resourceNamed(synthesized.template, 'AWS::S3::Bucket', 'StorageData');
  return { 'Fn::Join': ['', ['s3://', { Ref: bucket.id }, rest]] };
}

describe('Construct: WarehouseCatalog', () => {
  let synthesized: SynthesizedStack;
  beforeAll(() => {
    synthesized = synthStack({ projectionStartDate: '2021-03-01' });
  });

  it('creates the orderfeed database', () => {
    synthesized.template.hasResourceProperties('AWS::Glue::Database', {
      DatabaseInput: { Name: 'orderfeed', Description: Match.anyValue() },
    });
  });

  it.each(TABLES.map((table) => [table.name, table] as const))(
    'gives %s exactly the columns of its table definition',
    (name, table) => {
      const input = tableInput(synthesized, name);

      expect(input.StorageDescriptor.Columns.map((c) => c.Name)).toEqual(
        table.columns.map((c) => c.name),
      );
      expect(input.StorageDescriptor.Columns.map((c) => c.Comment)).toEqual(
        table.columns.map((c) => c.description),
      );
      expect(input.PartitionKeys).toEqual([
        { Name: 'dt', Type: 'string', Comment: expect.any(String) },
      ]);
      expect(input.StorageDescriptor.SerdeInfo.SerializationLibrary).toBe(
        'org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe',
      );
    },
  );

  it('writes nested Hive types for the history and promotion arrays', () => {
    const events = tableInput(synthesized, 'order_events').StorageDescriptor.Columns;
    const items = tableInput(synthesized, 'order_line_items').StorageDescriptor.Columns;

    expect(events.find((c) => c.Name === 'state_history')?.Type).toBe(
      'array<struct<state:string,time:timestamp>>',
    );
    expect(events.find((c) => c.Name === 'total_cents')?.Type).toBe('bigint');
    expect(items.find((c) => c.Name === 'promotions')?.Type).toBe(
      'array<struct<uuid:string,discount_cents:bigint>>',
    );
    expect(items.find((c) => c.Name === 'line_item_index')?.Type).toBe('int');
  });

  it('projects the daily dt partitions of each table from the configured start date', () => {
    const input = tableInput(synthesized, 'order_line_items');

    expect(input.Parameters).toMatchObject({
      'projection.enabled': 'true',
      'projection.dt.type': 'date',
      'projection.dt.format': 'yyyy-MM-dd',
      'projection.dt.range': '2021-03-01,NOW',
      'projection.dt.interval': '1',
      'projection.dt.interval.unit': 'DAYS',
      'storage.location.template': dataLocation(synthesized, `/order_line_items/dt=\${dt}/`),
    });
    expect(input.StorageDescriptor.Location).toEqual(
      dataLocation(synthesized, '/order_line_items/'),
    );
  });

  it('reads the raw backup with the Ion SerDe, mapping the envelope keys', () => {
    const input = tableInput(synthesized, 'raw_events');

    expect(input.StorageDescriptor.InputFormat).toBe(
      'com.amazon.ionhiveserde.formats.IonInputFormat',
    );
    expect(input.StorageDescriptor.SerdeInfo).toEqual({
      SerializationLibrary: 'com.amazon.ionhiveserde.IonHiveSerDe',
      Parameters: {
        'ion.event_id.path_extractor': '(_id)',
        'ion.event_version.path_extractor': '(_v)',
        'ion.org.path_extractor': '(o)',
        'ion.user_uuid.path_extractor': '(u)',
        'ion.source.path_extractor': '(s)',
        'ion.event_type.path_extractor': '(e)',
        'ion.order_uuid.path_extractor': '(p uuid)',
        'ion.order_state.path_extractor': '(p state)',
        'ion.order_created_at.path_extractor': '(p created_at)',
      },
    });
    expect(input.Parameters).toMatchObject({
      'projection.enabled': 'true',
      'projection.dt.type': 'date',
      'storage.location.template': dataLocation(synthesized, `/raw/dt=\${dt}/`),
    });
  });

  it('projects the processing-failed records by table and arrival date', () => {
    const input = tableInput(synthesized, 'processing_failed');

    expect(input.PartitionKeys.map((key) => key.Name)).toEqual(['table', 'dt']);
    expect(input.StorageDescriptor.Columns.map((c) => [c.Name, c.Type])).toEqual([
      ['attempts_made', 'int'],
      ['arrival_timestamp', 'bigint'],
      ['error_code', 'string'],
      ['error_message', 'string'],
      ['attempt_ending_timestamp', 'bigint'],
      ['raw_data', 'string'],
      ['lambda_arn', 'string'],
    ]);
    expect(input.StorageDescriptor.SerdeInfo.Parameters?.['ion.raw_data.path_extractor']).toBe(
      '(rawData)',
    );
    expect(input.Parameters).toMatchObject({
      'projection.enabled': 'true',
      'projection.table.type': 'enum',
      'projection.table.values': 'order_events,order_line_items',
      'projection.dt.type': 'date',
      'storage.location.template': dataLocation(
        synthesized,
        `/errors/processing-failed/table=\${table}/dt=\${dt}/`,
      ),
    });
  });
});

const FIXTURE_QUERIES = join(import.meta.dirname, 'fixtures', 'queries');

describe('Construct: AthenaWorkgroup', () => {
  it('enforces engine v3, encrypted results and the per-query scan limit', () => {
    const { template } = synthStack({ bytesScannedCutoffMb: 2048 });
    const results = resourceNamed(template, 'AWS::S3::Bucket', 'StorageAthenaResults');

    template.hasResourceProperties('AWS::Athena::WorkGroup', {
      Name: 'orderfeed',
      State: 'ENABLED',
      WorkGroupConfiguration: {
        EnforceWorkGroupConfiguration: true,
        EngineVersion: { SelectedEngineVersion: 'Athena engine version 3' },
        BytesScannedCutoffPerQuery: 2048 * 1024 * 1024,
        PublishCloudWatchMetricsEnabled: true,
        ResultConfiguration: {
          OutputLocation: { 'Fn::Join': ['', ['s3://', { Ref: results.id }, '/results/']] },
          EncryptionConfiguration: { EncryptionOption: 'SSE_S3' },
        },
      },
    });
  });

  it('saves every queries/*.sql file as a named query with its SQL', () => {
    const files = readdirSync(QUERIES_DIR).filter((file) => file.endsWith('.sql'));
    const queries = loadSavedQueries();

    const { template } = synthStack();

    const named = Object.values(template.findResources('AWS::Athena::NamedQuery')).map(
      (resource) => resource.Properties,
    );
    expect(named).toHaveLength(files.length);
    for (const query of queries) {
      expect(named).toContainEqual({
        Name: query.name,
        Description: query.description,
        Database: 'orderfeed',
        WorkGroup: expect.objectContaining({ Ref: expect.stringMatching(/^AthenaWorkGroup/) }),
        QueryString: query.sql,
      });
    }
  });
});

describe('Construct: SavedViews', () => {
  it('creates the views in dependency order, after the tables and the workgroup', () => {
    const { template } = synthStack({}, loadSavedQueries(FIXTURE_QUERIES));
    const workGroup = resourceNamed(template, 'AWS::Athena::WorkGroup', 'AthenaWorkGroup');
    const table = resourceNamed(template, 'AWS::Glue::Table', 'CatalogordereventsTable');

    const views = resourceNamed(template, 'Custom::OrderfeedViews', 'Views');

    expect(views.properties).toMatchObject({
      Database: 'orderfeed',
      WorkGroup: 'orderfeed',
      Views: [
        { Name: 'orders_snapshot', Sql: expect.stringContaining('VIEW orders_snapshot AS') },
        { Name: 'a_line_items', Sql: expect.stringContaining('VIEW a_line_items AS') },
      ],
    });
    const [resource] = Object.values(template.findResources('Custom::OrderfeedViews'));
    expect(resource?.DependsOn).toEqual(expect.arrayContaining([workGroup.id, table.id]));
  });

  it('creates orders_latest before line_items_latest from the real saved views', () => {
    const { template } = synthStack();

    const views = resourceNamed(template, 'Custom::OrderfeedViews', 'Views');

    const names = (views.properties.Views as { Name: string }[]).map((view) => view.Name);
    expect(names.indexOf('orders_latest')).toBeGreaterThanOrEqual(0);
    expect(names.indexOf('orders_latest')).toBeLessThan(names.indexOf('line_items_latest'));
  });

  it('keeps the logs of the views function and its provider for the configured days', () => {
    const { template } = synthStack({ logRetentionDays: 30 });

    const logGroups = Object.entries(template.findResources('AWS::Logs::LogGroup')).filter(([id]) =>
      id.startsWith('Views'),
    );

    expect(logGroups.map(([, group]) => group.Properties.RetentionInDays)).toEqual([30, 30]);
    expect(
      JSON.stringify(resourceNamed(template, 'AWS::Lambda::Function', 'ViewsProvider')),
    ).toContain('LoggingConfig');
  });

  it('lets the views function run DDL in the workgroup and write only the views', () => {
    const { template } = synthStack({}, loadSavedQueries(FIXTURE_QUERIES));

    const policy = resourceNamed(
      template,
      'AWS::IAM::Policy',
      'ViewsFunctionServiceRoleDefaultPolicy',
    );

    const statements = (policy.properties.PolicyDocument as { Statement: unknown[] }).Statement;
    const glueTable = (name: string) => ({
      'Fn::Join': [
        '',
        [
          'arn:',
          { Ref: 'AWS::Partition' },
          ':glue:',
          { Ref: 'AWS::Region' },
          ':',
          { Ref: 'AWS::AccountId' },
          `:table/orderfeed/${name}`,
        ],
      ],
    });
    expect(statements).toContainEqual(
      expect.objectContaining({
        Sid: 'RunViewDdl',
        Action: ['athena:StartQueryExecution', 'athena:GetQueryExecution'],
      }),
    );
    expect(statements).toContainEqual(
      expect.objectContaining({
        Sid: 'WriteViewsInCatalog',
        Resource: expect.arrayContaining([
          glueTable('orders_snapshot'),
          glueTable('a_line_items'),
          glueTable('order_events'),
        ]),
      }),
    );
    template.hasResourceProperties('AWS::Lambda::Function', {
      Runtime: 'nodejs24.x',
      Architectures: ['arm64'],
      Timeout: 600,
      Description: Match.stringLikeRegexp('creates the saved views'),
    });
  });
});

/** Phase 2 with every optional setting, so the nag check sees every optional resource. */
const FULL_CONTEXT = {
  ecosystemEnv: 'mars-dev',
  shardCount: '2',
  retentionHours: 48,
  publisherRoleArn: 'arn:aws:iam::111122223333:role/venuenext-publisher',
  externalId: 'cubs-7f3a',
  alarmEmail: 'ops@example.com',
  removalPolicy: 'destroy',
};

describe('Stack: OrderfeedStack', () => {
  let synthesized: SynthesizedStack;
  beforeAll(() => {
    synthesized = synthStack();
  });

  it('encrypts the stream with a rotated key of its own, on demand by default', () => {
    const { template } = synthesized;
    const key = resourceNamed(template, 'AWS::KMS::Key', 'OrderStreamKey');

    template.hasResourceProperties('AWS::Kinesis::Stream', {
      Name: 'orderfeed-order-events',
      StreamModeDetails: { StreamMode: 'ON_DEMAND' },
      RetentionPeriodHours: 168,
      StreamEncryption: { EncryptionType: 'KMS', KeyId: { 'Fn::GetAtt': [key.id, 'Arn'] } },
    });
    expect(key.properties.EnableKeyRotation).toBe(true);
  });

  it('blocks public access, requires TLS and encrypts every bucket', () => {
    const { template } = synthesized;

    template.resourcePropertiesCountIs(
      'AWS::S3::Bucket',
      {
        BucketEncryption: {
          ServerSideEncryptionConfiguration: [
            { ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } },
          ],
        },
        PublicAccessBlockConfiguration: {
          BlockPublicAcls: true,
          BlockPublicPolicy: true,
          IgnorePublicAcls: true,
          RestrictPublicBuckets: true,
        },
      },
      3,
    );
    template.resourcePropertiesCountIs(
      'AWS::S3::BucketPolicy',
      {
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({
              Effect: 'Deny',
              Condition: { Bool: { 'aws:SecureTransport': 'false' } },
            }),
          ]),
        },
      },
      3,
    );
  });

  it('logs access to the data and results buckets and expires old results', () => {
    const { template } = synthesized;
    const logs = resourceNamed(template, 'AWS::S3::Bucket', 'StorageAccessLogs');

    const data = resourceNamed(template, 'AWS::S3::Bucket', 'StorageData');
    const results = resourceNamed(template, 'AWS::S3::Bucket', 'StorageAthenaResults');

    // The logging service writes through a bucket policy; the log bucket has no ACLs.
    expect(logs.properties.OwnershipControls).toEqual({
      Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }],
    });
    expect(logs.properties.AccessControl).toBeUndefined();
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: logs.id },
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Allow',
            Principal: { Service: 'logging.s3.amazonaws.com' },
            Action: 's3:PutObject',
          }),
        ]),
      },
    });
    expect(data.properties.LoggingConfiguration).toEqual({
      DestinationBucketName: { Ref: logs.id },
      LogFilePrefix: 'data/',
    });
    expect(results.properties.LoggingConfiguration).toEqual({
      DestinationBucketName: { Ref: logs.id },
      LogFilePrefix: 'athena-results/',
    });
    expect(JSON.stringify(results.properties.LifecycleConfiguration)).toContain(
      '"ExpirationInDays":30',
    );
    // The raw backup is moved to cheaper storage but never expires.
    const rawRule = (
      data.properties.LifecycleConfiguration as { Rules: { Prefix?: string }[] }
    ).Rules.find((rule) => rule.Prefix === 'raw/');
    expect(rawRule).toMatchObject({ Status: 'Enabled', Transitions: expect.any(Array) });
    expect(rawRule).not.toHaveProperty('ExpirationInDays');
  });

  it('keeps the data when the stack is deleted, unless destroy is configured', () => {
    const destroyed = synthStack({ removalPolicy: 'destroy' }).template;

    const kept = resourceNamed(synthesized.template, 'AWS::S3::Bucket', 'StorageData');
    const gone = Object.entries(destroyed.findResources('AWS::S3::Bucket')).find(([id]) =>
      id.startsWith('StorageData'),
    );

    expect(synthesized.template.toJSON().Resources[kept.id].DeletionPolicy).toBe('Retain');
    expect(gone?.[1].DeletionPolicy).toBe('Delete');
  });

  it('alarms on freshness, delivery, processing and failed records per table', () => {
    const { template } = synthesized;
    const topic = resourceNamed(template, 'AWS::SNS::Topic', 'AlarmsTopic');
    const alarmOn = (metric: string, table: string) =>
      template.hasResourceProperties('AWS::CloudWatch::Alarm', {
        MetricName: metric,
        AlarmActions: [{ Ref: topic.id }],
        Dimensions: Match.arrayWith([
          Match.objectLike({ Value: Match.stringLikeRegexp(`${table}$`) }),
        ]),
      });

    for (const table of ['order_events', 'order_line_items']) {
      alarmOn('DeliveryToS3.DataFreshness', table);
      alarmOn('DeliveryToS3.Success', table);
      alarmOn('ExecuteProcessing.Success', table);
    }
    alarmOn('BackupToS3.Success', 'order_events');
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'orderfeed',
      MetricName: 'ProcessingFailed',
      Statistic: 'Sum',
      Threshold: 0,
      ComparisonOperator: 'GreaterThanThreshold',
      Dimensions: [
        { Name: 'service', Value: 'orderfeed-transform' },
        { Name: 'table', Value: 'order_line_items' },
      ],
    });
    // Three buffer intervals of 300 s: a stall, not buffering.
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'DeliveryToS3.DataFreshness',
      Threshold: 900,
      ComparisonOperator: 'GreaterThanThreshold',
    });
  });

  it('alarms on transform errors and throttles, and on the stream', () => {
    const { template } = synthesized;

    for (const metric of ['Errors', 'Throttles']) {
      template.resourcePropertiesCountIs(
        'AWS::CloudWatch::Alarm',
        {
          Metrics: Match.arrayWith([
            Match.objectLike({
              MetricStat: Match.objectLike({
                Metric: Match.objectLike({ MetricName: metric, Namespace: 'AWS/Lambda' }),
              }),
            }),
          ]),
        },
        2,
      );
    }
    const streamAlarms = JSON.stringify(template.findResources('AWS::CloudWatch::Alarm'));
    expect(streamAlarms).toContain('GetRecords.IteratorAgeMilliseconds');
    expect(streamAlarms).toContain('PutRecords.ThrottledRecords');
    expect(streamAlarms).toContain('WriteProvisionedThroughputExceeded');
    template.resourceCountIs('AWS::CloudWatch::Dashboard', 1);
  });

  it('sends alarms to an encrypted topic that CloudWatch may use', () => {
    const withEmail = synthStack({ alarmEmail: 'ops@example.com' }).template;
    const key = resourceNamed(withEmail, 'AWS::KMS::Key', 'AlarmsKey');

    withEmail.hasResourceProperties('AWS::SNS::Topic', {
      TopicName: 'orderfeed-alarms',
      KmsMasterKeyId: { 'Fn::GetAtt': [key.id, 'Arn'] },
    });
    withEmail.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: 'ops@example.com',
    });
    expect(JSON.stringify(key.properties.KeyPolicy)).toContain('cloudwatch.amazonaws.com');
  });

  it('names everything after the prefix and ecosystem-env, with a fixed shard count', () => {
    const { stack, template } = synthStack(FULL_CONTEXT);

    expect(stack.stackName).toBe('Test');
    template.hasResourceProperties('AWS::Kinesis::Stream', {
      Name: 'orderfeed-mars-dev-order-events',
      StreamModeDetails: { StreamMode: 'PROVISIONED' },
      ShardCount: 2,
      RetentionPeriodHours: 48,
    });
    template.hasResourceProperties('AWS::Glue::Database', {
      DatabaseInput: Match.objectLike({ Name: 'orderfeed_mars_dev' }),
    });
    template.hasResourceProperties('AWS::KinesisFirehose::DeliveryStream', {
      DeliveryStreamName: 'orderfeed-mars-dev-order_line_items',
    });
  });
});

describe('cdk-nag AwsSolutions', () => {
  it.each([
    ['phase 1 with defaults', {}],
    ['phase 2 with every option', FULL_CONTEXT],
  ])('finds nothing unacknowledged in %s', (_title, context) => {
    const { stack } = synthStack(context);

    const report = new AwsSolutionsChecks().validateScope(stack);

    const findings = report.violations.map((violation) => {
      const where = violation.violatingResources.map((r) => r.constructPath ?? r.resourceLogicalId);
      return `${violation.ruleName} at ${where.join(', ')}`;
    });
    expect(findings).toEqual([]);
  });
});
