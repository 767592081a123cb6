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

interface HandoffOptions {
  stack: string;
  region?: string;
  writerRoleArn?: string;
  streamName?: string;
  streamArn?: string;
  externalId?: string;
}

export function handoffCommand(): Command {
  const command = new Command('handoff')
    .description('Print the message to send VenueNext, from the stack outputs or from flags.')
    .option('--stack <name>', 'deployed stack to read the outputs of', DEFAULT_STACK_NAME)
    .option('--region <region>', 'AWS region of the stack (default: from the AWS profile)')
    .option('--writer-role-arn <arn>', 'writer role ARN, instead of reading the stack')
    .option('--stream-name <name>', 'stream name, instead of reading the stack')
    .option('--stream-arn <arn>', 'stream ARN, instead of reading the stack')
    .option('--external-id <id>', 'external ID agreed with VenueNext for phase 2');

  return command.action(async (options: HandoffOptions) => {
    const details = fromFlags(options) ?? withFlags(await fromStack(command, options), options);
    const message = handoffMessage(details, { externalId: options.externalId });
    command.configureOutput().writeOut?.(message);
  });
}

/** Flags win when they name everything VenueNext needs: then no AWS call is made. */
function fromFlags(options: HandoffOptions): HandoffDetails | undefined {
  const { writerRoleArn, streamName, streamArn, region } = options;
  if (!writerRoleArn || !streamName || !region) return undefined;
  return { writerRoleArn, streamName, streamArn, region };
}

/** A flag given alongside a stack read replaces that one output. */
function withFlags(outputs: HandoffDetails, options: HandoffOptions): HandoffDetails {
  return {
    writerRoleArn: options.writerRoleArn ?? outputs.writerRoleArn,
    streamName: options.streamName ?? outputs.streamName,
    streamArn: options.streamArn ?? outputs.streamArn,
    region: options.region ?? outputs.region,
    trustedPublisher: outputs.trustedPublisher,
  };
}

async function fromStack(command: Command, options: HandoffOptions): Promise<HandoffDetails> {
  const client = new CloudFormationClient(options.region ? { region: options.region } : {});
  try {
    return await readHandoffDetails(client, options.stack);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return command.error(`orderfeed handoff: ${reason}`, { exitCode: 1 });
  } finally {
    client.destroy();
  }
}
