import { describe, expect, it } from 'vitest';
import { isCdkContextKey } from '../../infra/cdk-context-keys.ts';

describe('Function: isCdkContextKey', () => {
  it.each([
    // What `npx cdk synth` passes to the app with an empty cdk.json context (CDK 2.1148).
    'aws:cdk:enable-path-metadata',
    'aws:cdk:enable-asset-metadata',
    'aws:cdk:version-reporting',
    'aws:cdk:bundling-stacks',
    '@aws-cdk/core:failSynthOnValidationErrors',
    '@aws-cdk/aws-iam:minimizePolicies',
    'aws-cdk:enableDiffNoFail',
    'acknowledged-issue-numbers',
    'cli-telemetry',
    'availability-zones:account=111122223333:region=us-east-1',
  ])('knows %s as CDK’s own', (key) => {
    expect(isCdkContextKey(key)).toBe(true);
  });

  it.each(['publisherRoleARN', 'prefix', 'shard-count', 'aws:region'])(
    'does not claim %s',
    (key) => {
      expect(isCdkContextKey(key)).toBe(false);
    },
  );
});
