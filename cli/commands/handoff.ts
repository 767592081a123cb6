/**
 * `orderfeed handoff`: prints what a client sends VenueNext once phase 1 is deployed.
 */
import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { Command } from 'commander';
import { handoffMessage } from '../../aws/handoff-message.ts';
import {
  DEFAULT_STACK_NAME,
  type HandoffDetails,
  readHandoffDetails,
} from '../../aws/stack-outputs.ts';
import {
  detailsFromFlags,
  flagProblems,
  type HandoffFlags,
  HandoffFlagsError,
  hasDetailFlags,
} from './handoff-flags.ts';

interface HandoffOptions extends HandoffFlags {
  stack?: string;
  externalId?: string;
}

export function handoffCommand(): Command {
  const command = new Command('handoff')
    .description('Print the message to send VenueNext, from the stack outputs or from flags.')
    .option(
      '--stack <name>',
      `deployed stack to read the outputs of (default: ${DEFAULT_STACK_NAME})`,
    )
    .option(
      '--region <region>',
      'AWS region of the stack or stream (default: from the AWS profile)',
    )
    .option('--writer-role-arn <arn>', 'writer role ARN, instead of reading the stack')
    .option('--stream-name <name>', 'stream name, instead of reading the stack')
    .option('--stream-arn <arn>', 'stream ARN (holds the name and region), instead of the stack')
    .option('--external-id <id>', 'external ID agreed with VenueNext for phase 2');

  return command.action(async (options: HandoffOptions) => {
    const details = await handoffDetails(command, options);
    const message = handoffMessage(details, { externalId: options.externalId });
    command.configureOutput().writeOut?.(message);
  });
}

/**
 * Flags alone (no --stack) are the whole source and no AWS call is made; with --stack, or no
 * detail flag at all, the stack's outputs are read and a flag given replaces that one output.
 */
async function handoffDetails(command: Command, options: HandoffOptions): Promise<HandoffDetails> {
  try {
    if (options.stack === undefined && hasDetailFlags(options)) return detailsFromFlags(options);
    const problems = flagProblems(options);
    if (problems.length > 0) throw new HandoffFlagsError(problems.join('\n'));
  } catch (error) {
    if (!(error instanceof HandoffFlagsError)) throw error;
    return command.error(`orderfeed handoff: ${error.message}`, { exitCode: 1 });
  }
  return withFlags(await fromStack(command, options), options);
}

/** A flag given alongside a stack read replaces that one output. */
function withFlags(outputs: HandoffDetails, options: HandoffOptions): HandoffDetails {
  const streamArn = options.streamArn ?? outputs.streamArn;
  return {
    ...outputs,
    writerRoleArn: options.writerRoleArn ?? outputs.writerRoleArn,
    streamName:
      options.streamName ??
      (options.streamArn ? streamNameOf(streamArn) : undefined) ??
      outputs.streamName,
    streamArn,
    region: options.region ?? outputs.region,
  };
}

function streamNameOf(streamArn: string | undefined): string | undefined {
  return streamArn?.split('/').pop();
}

async function fromStack(command: Command, options: HandoffOptions): Promise<HandoffDetails> {
  const stack = options.stack ?? DEFAULT_STACK_NAME;
  const client = new CloudFormationClient(options.region ? { region: options.region } : {});
  try {
    return await readHandoffDetails(client, stack);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return command.error(
      `orderfeed handoff: cannot read the outputs of stack ${stack}: ${reason}\n` +
        '(without AWS access, give --writer-role-arn and --stream-name or --stream-arn)',
      { exitCode: 1 },
    );
  } finally {
    client.destroy();
  }
}
