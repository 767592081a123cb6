import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { readHandoffDetails, StackOutputsError } from '../../aws/stack-outputs.ts';
import { describedStack } from './fakes.ts';

const cloudFormation = mockClient(CloudFormationClient);
const client = new CloudFormationClient({ region: 'us-east-2' });

const ROLE = 'arn:aws:iam::111122223333:role/orderfeed-writer';
const STREAM_ARN = 'arn:aws:kinesis:us-east-2:111122223333:stream/orderfeed-orders';

afterEach(() => cloudFormation.reset());

describe('Function: readHandoffDetails', () => {
  it('reads the writer role, stream and region from the named stack', async () => {
    cloudFormation.on(DescribeStacksCommand, { StackName: 'orderfeed-prd' }).resolves(
      describedStack('orderfeed-prd', {
        WriterRoleArn: ROLE,
        StreamName: 'orderfeed-orders',
        StreamArn: STREAM_ARN,
        Region: 'us-east-2',
        DeployContext: '-c prefix=orderfeed -c ecosystemEnv=prd',
        DashboardUrl: 'https://example.com',
      }),
    );

    const details = await readHandoffDetails(client, 'orderfeed-prd');

    expect(details).toEqual({
      writerRoleArn: ROLE,
      streamName: 'orderfeed-orders',
      streamArn: STREAM_ARN,
      region: 'us-east-2',
      deployContext: '-c prefix=orderfeed -c ecosystemEnv=prd',
    });
  });

  it('reads the trusted VenueNext role once phase 2 is deployed, and none before', async () => {
    const publisher = 'arn:aws:iam::999988887777:role/vn-kinesis-publisher';
    const outputs = { WriterRoleArn: ROLE, StreamName: 'orders', Region: 'us-east-2' };
    cloudFormation
      .on(DescribeStacksCommand, { StackName: 'phase-2' })
      .resolves(describedStack('phase-2', { ...outputs, WriterRoleTrust: publisher }))
      .on(DescribeStacksCommand, { StackName: 'phase-1' })
      .resolves(
        describedStack('phase-1', { ...outputs, WriterRoleTrust: 'this account only (phase 1)' }),
      );

    const phase2 = await readHandoffDetails(client, 'phase-2');
    const phase1 = await readHandoffDetails(client, 'phase-1');

    expect(phase2.trustedPublisher).toBe(publisher);
    expect(phase1.trustedPublisher).toBeUndefined();
  });

  it('throws naming the stack and the missing outputs', async () => {
    cloudFormation.on(DescribeStacksCommand).resolves(describedStack('other', { StreamName: 'x' }));

    const reading = readHandoffDetails(client, 'other');

    await expect(reading).rejects.toThrow(StackOutputsError);
    await expect(reading).rejects.toThrow(
      'stack other has no output WriterRoleArn, Region (outputs: StreamName); ' +
        'is it the orderfeed stack, and has the deploy finished?',
    );
  });
});
