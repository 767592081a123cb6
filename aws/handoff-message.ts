/**
 * The message a client sends VenueNext after deploying phase 1, and the client's own next
 * step for phase 2, in the order the VenueNext Kinesis feed document describes.
 */
import type { HandoffDetails } from './stack-outputs.ts';

export interface HandoffMessageOptions {
  /**
   * A secret the client chose for the writer role's `sts:ExternalId` condition. When left
   * out, the message asks for no external ID and the phase 2 command has no `externalId`.
   */
  readonly externalId?: string;
}

/** Returns the phase 1 message for VenueNext followed by the client's phase 2 instructions. */
export function handoffMessage(details: HandoffDetails, options: HandoffMessageOptions = {}) {
  const { externalId } = options;
  const externalIdLine = externalId
    ? [`  External ID (pass it as ExternalId when assuming the role): ${externalId}`]
    : [];

  return [
    '--- Message for VenueNext (phase 1) ---',
    'Please publish our Stadium order.state.change events to our Kinesis stream.',
    'Your publishing Lambda assumes our writer role, then calls PutRecord or PutRecords:',
    `  Writer role ARN: ${details.writerRoleArn}`,
    `  Region:          ${details.region}`,
    `  Stream name:     ${details.streamName}`,
    ...externalIdLine,
    "Use the order's uuid (p.uuid) as each record's partition key, so that every event of",
    'one order lands on the same shard, in order.',
    'Please send us the ARN of the IAM role your publishing Lambda runs as, so that we can',
    'let it assume the writer role.',
    '',
    ...phase2(details, externalId),
    ...(details.streamArn ? [`Stream ARN, for your records: ${details.streamArn}`] : []),
    '',
  ].join('\n');
}

/** What the client does next, or, once phase 2 is deployed, whom the role trusts. */
function phase2(details: HandoffDetails, externalId: string | undefined): string[] {
  if (details.trustedPublisher) {
    return [
      '--- Phase 2 is deployed ---',
      `The writer role trusts ${details.trustedPublisher} and nothing else.`,
    ];
  }
  const externalIdFlag = externalId ? ` -c externalId=${externalId}` : '';
  const context = details.deployContext ?? '<the -c options of your first deploy>';
  return [
    '--- Your next step (phase 2) ---',
    'Until then, no one outside this account can assume the writer role.',
    "When VenueNext sends their Lambda role's ARN, trust it (and only it) by deploying again:",
    `  npx cdk deploy ${context} -c publisherRoleArn=<VenueNext role ARN>${externalIdFlag}`,
    ...(details.deployContext
      ? []
      : ['  (orderfeed handoff --stack <stack name> fills in the options of your first deploy.)']),
    ...(externalId
      ? []
      : ['  (If you agree an external ID with VenueNext, add -c externalId=<that ID>.)']),
  ];
}
