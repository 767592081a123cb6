/**
 * Reads what a client hands to VenueNext from the deployed stack's CloudFormation outputs.
 */
import { type CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';

/** What VenueNext needs to publish into the client's account. */
export interface HandoffDetails {
  readonly writerRoleArn: string;
  readonly streamName: string;
  /** Not needed by VenueNext in phase 1; shown so the client can check the stream. */
  readonly streamArn?: string;
  readonly region: string;
  /** The VenueNext role the writer role trusts, once phase 2 is deployed. */
  readonly trustedPublisher?: string;
  /**
   * The `-c` options a redeploy of this stack repeats (`DeployContext` output). Unknown when
   * the details come from flags or from a stack deployed before the output existed.
   */
  readonly deployContext?: string;
}

/** The stack name `npx cdk deploy` uses when no stage prefix is configured. */
export const DEFAULT_STACK_NAME = 'orderfeed';

/** The output keys the infra stack exports, by the handoff detail each one holds. */
export const STACK_OUTPUT_KEYS = {
  writerRoleArn: 'WriterRoleArn',
  streamName: 'StreamName',
  streamArn: 'StreamArn',
  region: 'Region',
  dataBucketName: 'DataBucketName',
  /** The trusted publisher role's ARN in phase 2; a sentence in phase 1. */
  writerRoleTrust: 'WriterRoleTrust',
  /** The `-c key=value` options that name this stack and repeat its settings. */
  deployContext: 'DeployContext',
} as const;

export class StackOutputsError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'StackOutputsError';
  }
}

/**
 * Describes `stackName` and returns its handoff outputs; throws a {@link StackOutputsError}
 * naming the stack and the missing output keys when the stack is not the orderfeed stack.
 */
export async function readHandoffDetails(
  client: CloudFormationClient,
  stackName: string,
): Promise<HandoffDetails> {
  const { writerRoleArn, streamName, region } = STACK_OUTPUT_KEYS;
  const outputs = await readStackOutputs(client, stackName, [writerRoleArn, streamName, region]);
  return {
    writerRoleArn: outputs.get(writerRoleArn) as string,
    streamName: outputs.get(streamName) as string,
    streamArn: outputs.get(STACK_OUTPUT_KEYS.streamArn),
    region: outputs.get(region) as string,
    trustedPublisher: trustedPublisher(outputs.get(STACK_OUTPUT_KEYS.writerRoleTrust)),
    deployContext: outputs.get(STACK_OUTPUT_KEYS.deployContext),
  };
}

function trustedPublisher(trust: string | undefined): string | undefined {
  return trust?.startsWith('arn:') ? trust : undefined;
}

/**
 * Returns the stack's outputs by key; throws a {@link StackOutputsError} naming the stack and
 * the `required` keys it lacks.
 */
export async function readStackOutputs(
  client: CloudFormationClient,
  stackName: string,
  required: readonly string[],
): Promise<Map<string, string>> {
  const answer = await client.send(new DescribeStacksCommand({ StackName: stackName }));
  const stack = answer.Stacks?.[0];
  if (!stack) throw new StackOutputsError(`stack ${stackName} was not found`);

  const outputs = new Map<string, string>();
  for (const { OutputKey, OutputValue } of stack.Outputs ?? []) {
    if (OutputKey && OutputValue) outputs.set(OutputKey, OutputValue);
  }
  const missing = required.filter((key) => !outputs.has(key));
  if (missing.length > 0) {
    const present = [...outputs.keys()].join(', ') || 'none';
    throw new StackOutputsError(
      `stack ${stackName} has no output ${missing.join(', ')} (outputs: ${present}); ` +
        'is it the orderfeed stack, and has the deploy finished?',
    );
  }
  return outputs;
}
