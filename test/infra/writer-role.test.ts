import { describe, expect, it } from 'vitest';
import { resourceNamed, synthStack } from './synth-stack.ts';

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
});
