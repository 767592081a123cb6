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
        DashboardUrl: 'https://example.com',
      }),
    );

    const details = await readHandoffDetails(client, 'orderfeed-prd');

    expect(details).toEqual({
      writerRoleArn: ROLE,
      streamName: 'orderfeed-orders',
      streamArn: STREAM_ARN,
      region: 'us-east-2',
    });
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
