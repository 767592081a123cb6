import { Match } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { beforeAll, describe, expect, it } from 'vitest';
import { resourceNamed, type SynthesizedStack, synthStack } from './synth-stack.ts';

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

    const findings = report.violations.map(
      (violation) =>
        `${violation.ruleName} at ${violation.violatingResources.map((r) => r.constructPath ?? r.resourceLogicalId).join(', ')}`,
    );
    expect(findings).toEqual([]);
  });
});
