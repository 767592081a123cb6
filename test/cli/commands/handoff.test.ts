import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { handoffCommand } from '../../../cli/commands/handoff.ts';
import { describedStack } from '../../aws/fakes.ts';
import { runCommand } from './run-aws-command.ts';

const cloudFormation = mockClient(CloudFormationClient);
const ROLE = 'arn:aws:iam::111122223333:role/orderfeed-writer';
const STREAM_ARN = 'arn:aws:kinesis:us-east-1:111122223333:stream/orderfeed-order-events';

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

  it('exits non-zero naming the stack and the way to work without AWS', async () => {
    cloudFormation
      .on(DescribeStacksCommand)
      .rejects(new Error('Stack with id nope does not exist'));

    const run = await runCommand(handoffCommand(), ['--stack', 'nope', '--region', 'us-east-1']);

    expect(run.exitCode).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      'orderfeed handoff: cannot read the outputs of stack nope: ' +
        'Stack with id nope does not exist\n' +
        '(without AWS access, give --writer-role-arn and --stream-name or --stream-arn)\n',
    );
  });

  it('takes the stream name and region from --stream-arn, without AWS', async () => {
    const run = await runCommand(handoffCommand(), [
      ...['--writer-role-arn', ROLE, '--stream-arn', STREAM_ARN],
    ]);

    expect(run.exitCode).toBe(0);
    expect(cloudFormation.calls()).toHaveLength(0);
    expect(run.stdout).toContain('  Region:          us-east-1\n');
    expect(run.stdout).toContain('  Stream name:     orderfeed-order-events\n');
    expect(run.stdout).toContain(`Stream ARN, for your records: ${STREAM_ARN}\n`);
  });

  it('keeps the stream ARN given with --stream-name in the message, without AWS', async () => {
    const run = await runCommand(handoffCommand(), [
      ...['--writer-role-arn', ROLE, '--stream-name', 'orderfeed-order-events'],
      ...['--stream-arn', STREAM_ARN],
    ]);

    expect(run.exitCode).toBe(0);
    expect(cloudFormation.calls()).toHaveLength(0);
    expect(run.stdout).toContain('  Region:          us-east-1\n');
    expect(run.stdout).toContain(`Stream ARN, for your records: ${STREAM_ARN}\n`);
  });

  it('names what is missing from a partial set of flags instead of reading a stack', async () => {
    const run = await runCommand(handoffCommand(), [
      ...['--writer-role-arn', ROLE, '--region', 'us-east-1'],
    ]);

    expect(run.exitCode).toBe(1);
    expect(cloudFormation.calls()).toHaveLength(0);
    expect(run.stderr).toBe(
      'orderfeed handoff: give --stream-name or --stream-arn, or --stack to read the outputs\n',
    );
  });

  it('rejects a malformed writer role ARN without calling AWS', async () => {
    const run = await runCommand(handoffCommand(), [
      ...['--writer-role-arn', 'X', '--stream-arn', STREAM_ARN],
    ]);

    expect(run.exitCode).toBe(1);
    expect(cloudFormation.calls()).toHaveLength(0);
    expect(run.stderr).toBe(
      'orderfeed handoff: --writer-role-arn X is not an IAM role ARN: ' +
        'give arn:aws:iam::<12-digit account>:role/<name>\n',
    );
  });
});
