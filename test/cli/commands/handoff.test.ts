import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { handoffCommand } from '../../../cli/commands/handoff.ts';
import { describedStack } from '../../aws/fakes.ts';
import { runCommand } from './run-aws-command.ts';

const cloudFormation = mockClient(CloudFormationClient);
const ROLE = 'arn:aws:iam::111122223333:role/orderfeed-writer';

afterEach(() => cloudFormation.reset());

describe('Command: handoff', () => {
  it('prints the message from the default stack outputs', async () => {
    cloudFormation.on(DescribeStacksCommand, { StackName: 'orderfeed' }).resolves(
      describedStack('orderfeed', {
        WriterRoleArn: ROLE,
        StreamName: 'orders',
        Region: 'eu-west-1',
      }),
    );

    const run = await runCommand(handoffCommand(), ['--region', 'eu-west-1']);

    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain(`  Writer role ARN: ${ROLE}\n`);
    expect(run.stdout).toContain('  Region:          eu-west-1\n');
    expect(run.stdout).toContain('  Stream name:     orders\n');
  });

  it('makes no AWS call when the flags name the role, stream and region', async () => {
    const run = await runCommand(handoffCommand(), [
      ...['--writer-role-arn', ROLE, '--stream-name', 'orders', '--region', 'us-west-2'],
      ...['--external-id', 'cubs-7f3a'],
    ]);

    expect(run.exitCode).toBe(0);
    expect(cloudFormation.commandCalls(DescribeStacksCommand)).toHaveLength(0);
    expect(run.stdout).toContain('  Region:          us-west-2\n');
    expect(run.stdout).toContain('-c externalId=cubs-7f3a\n');
  });

  it('exits non-zero naming the stack when DescribeStacks fails', async () => {
    cloudFormation
      .on(DescribeStacksCommand)
      .rejects(new Error('Stack with id nope does not exist'));

    const run = await runCommand(handoffCommand(), ['--stack', 'nope', '--region', 'us-east-1']);

    expect(run.exitCode).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('orderfeed handoff: Stack with id nope does not exist\n');
  });
});
