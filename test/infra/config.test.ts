import { describe, expect, it } from 'vitest';
import { ConfigError, deployContextFlags, parseConfig, stackName } from '../../infra/config.ts';

describe('parseConfig', () => {
  it('fills in every default when the context is empty', () => {
    const config = parseConfig({});

    // Other parts of the stack (reporting) add keys of their own; these are the pipeline's.
    expect(config).toMatchObject({
      prefix: 'orderfeed',
      ecosystemEnv: undefined,
      shardCount: undefined,
      retentionHours: 168,
      bufferSizeMb: 128,
      bufferIntervalSeconds: 300,
      processorBufferSizeMb: 1,
      processorBufferIntervalSeconds: 60,
      transformConcurrency: 20,
      logRetentionDays: 90,
      resultsExpirationDays: 30,
      bytesScannedCutoffMb: 10240,
      projectionStartDate: '2020-01-01',
      alarmEmail: undefined,
      removalPolicy: 'retain',
      publisherRoleArn: undefined,
      externalId: undefined,
    });
    expect(stackName(config)).toBe('orderfeed');
  });

  it('reads numbers given as command-line text and ignores CDK flags', () => {
    const config = parseConfig({
      shardCount: '4',
      processorBufferSizeMb: '0.5',
      ecosystemEnv: 'mars-dev',
      '@aws-cdk/core:newStyleStackSynthesis': true,
    });

    expect(config.shardCount).toBe(4);
    expect(config.processorBufferSizeMb).toBe(0.5);
    expect(stackName(config)).toBe('orderfeed-mars-dev');
  });

  it('names the key, the value and the fix for a bad value', () => {
    expect(() => parseConfig({ bufferSizeMb: 32 })).toThrow(
      new ConfigError(
        'context bufferSizeMb=32 is invalid: give a size from 64 to 128 (MiB): Firehose needs ' +
          '64 or more with dynamic partitioning',
      ),
    );
  });

  it('reports every bad key at once', () => {
    let error: unknown;
    try {
      parseConfig({
        shardCount: 'lots',
        publisherRoleArn: 'arn:aws:iam::123:user/bob',
        logRetentionDays: 45,
      });
    } catch (caught) {
      error = caught;
    }

    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message.split('\n')).toEqual([
      'context shardCount="lots" is invalid: give a whole number of shards from 1 to 500, ' +
        'or leave it out for on-demand capacity',
      expect.stringMatching(/^context logRetentionDays=45 is invalid: give one of .* 30, 60, 90,/),
      'context publisherRoleArn="arn:aws:iam::123:user/bob" is invalid: give the ARN of the ' +
        'VenueNext publisher role, arn:aws:iam::<account>:role/<name>',
    ]);
  });

  it.each([
    ['removalPolicy', 'delete'],
    ['externalId', 'x'],
    ['alarmEmail', 'ops'],
    ['prefix', 'Order_Feed'],
    ['projectionStartDate', '2020-1-1'],
    ['processorBufferSizeMb', 4],
    ['retentionHours', 12],
  ])('rejects %s=%j', (key, value) => {
    expect(() => parseConfig({ [key]: value })).toThrow(`context ${key}=${JSON.stringify(value)}`);
  });

  it('lets through the keys a plain cdk synth passes and cached lookups', () => {
    const cdkContext = {
      'aws:cdk:enable-path-metadata': true,
      'aws:cdk:enable-asset-metadata': true,
      'aws:cdk:version-reporting': true,
      'aws:cdk:bundling-stacks': ['**'],
      '@aws-cdk/core:failSynthOnValidationErrors': false,
      'availability-zones:account=111122223333:region=us-east-1': ['us-east-1a'],
    };

    expect(parseConfig(cdkContext).prefix).toBe('orderfeed');
  });

  it('rejects an unknown key, naming the setting it is closest to', () => {
    const arn = 'arn:aws:iam::111122223333:role/venuenext-publisher';

    expect(() => parseConfig({ publisherRoleARN: arn })).toThrow(
      new ConfigError(
        'context publisherRoleARN is not an orderfeed setting: did you mean publisherRoleArn?',
      ),
    );
    expect(() => parseConfig({ retentionHour: 48 })).toThrow(
      'context retentionHour is not an orderfeed setting: did you mean retentionHours?',
    );
  });

  it('rejects an unknown key like no setting, pointing at the list of settings', () => {
    expect(() => parseConfig({ venue: 'wrigley' })).toThrow(
      new ConfigError(
        'context venue is not an orderfeed setting: see "Configuration" in the README ' +
          'for the keys orderfeed reads',
      ),
    );
  });

  it('rejects externalId without publisherRoleArn, whose trust it belongs to', () => {
    expect(() => parseConfig({ externalId: 'cubs-7f3a' })).toThrow(
      new ConfigError(
        'context externalId is given without publisherRoleArn: the external id is agreed ' +
          'with VenueNext and only applies once their role is trusted; deploy phase 1 without ' +
          'it and give both in phase 2 (orderfeed handoff --external-id puts it in the message ' +
          'for VenueNext)',
      ),
    );
  });

  it('accepts externalId together with publisherRoleArn', () => {
    const publisherRoleArn = 'arn:aws:iam::111122223333:role/venuenext-publisher';

    const config = parseConfig({ publisherRoleArn, externalId: 'cubs-7f3a' });

    expect(config.externalId).toBe('cubs-7f3a');
  });
});

describe('deployContextFlags', () => {
  it('names the default stack by its prefix alone', () => {
    expect(deployContextFlags(parseConfig({}))).toBe('-c prefix=orderfeed');
  });

  it('repeats every changed setting but the phase 2 ones, quoting for the shell', () => {
    const config = parseConfig({
      ecosystemEnv: 'mars-dev',
      shardCount: '2',
      alarmEmail: 'ops@example.com',
      reportSchedule: 'cron(30 5 * * ? *)',
      retentionHours: 168,
      publisherRoleArn: 'arn:aws:iam::111122223333:role/venuenext-publisher',
      externalId: 'cubs-7f3a',
    });

    expect(deployContextFlags(config)).toBe(
      '-c prefix=orderfeed -c ecosystemEnv=mars-dev -c shardCount=2 ' +
        "-c alarmEmail=ops@example.com -c 'reportSchedule=cron(30 5 * * ? *)'",
    );
  });
});
