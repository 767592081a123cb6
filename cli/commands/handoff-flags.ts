/**
 * The hand-off details given as `orderfeed handoff` flags instead of read from the stack:
 * checked for format, completed from the stream ARN (its name and region), and never looked
 * up in AWS, so a client without credentials at hand can still write the message.
 */
import type { HandoffDetails } from '../../aws/stack-outputs.ts';

export interface HandoffFlags {
  readonly region?: string;
  readonly writerRoleArn?: string;
  readonly streamName?: string;
  readonly streamArn?: string;
}

const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/;
const STREAM_ARN =
  /^arn:aws[a-z-]*:kinesis:([a-z]{2}(?:-[a-z]+)+-\d):\d{12}:stream\/([\w.-]{1,128})$/;
const STREAM_NAME = /^[\w.-]{1,128}$/;
const REGION = /^[a-z]{2}(?:-[a-z]+)+-\d$/;

export class HandoffFlagsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HandoffFlagsError';
  }
}

/** True when any flag names a hand-off detail, so the flags, not a stack, are the source. */
export function hasDetailFlags(flags: HandoffFlags): boolean {
  return Boolean(flags.writerRoleArn || flags.streamName || flags.streamArn);
}

/**
 * The details the flags name; throws a {@link HandoffFlagsError} naming each malformed flag
 * and each missing one.
 */
export function detailsFromFlags(flags: HandoffFlags): HandoffDetails {
  const problems = flagProblems(flags);
  const stream = streamOfArn(flags.streamArn);
  const streamName = flags.streamName ?? stream?.name;
  const region = flags.region ?? stream?.region;

  const missing: string[] = [];
  if (!flags.writerRoleArn) missing.push('--writer-role-arn');
  if (!flags.streamName && !flags.streamArn) missing.push('--stream-name or --stream-arn');
  if (!region && !flags.streamArn) missing.push('--region (or --stream-arn, which holds it)');
  if (missing.length > 0) {
    problems.push(`give ${missing.join(' and ')}, or --stack to read the outputs`);
  }

  if (problems.length > 0 || !flags.writerRoleArn || !streamName || !region) {
    throw new HandoffFlagsError(problems.join('\n'));
  }
  return { writerRoleArn: flags.writerRoleArn, streamName, streamArn: flags.streamArn, region };
}

/** What is wrong with the flags given, each named with its value and the form expected. */
export function flagProblems(flags: HandoffFlags): string[] {
  const problems: string[] = [];
  const { writerRoleArn, streamName, streamArn, region } = flags;
  if (writerRoleArn !== undefined && !ROLE_ARN.test(writerRoleArn)) {
    problems.push(
      `--writer-role-arn ${writerRoleArn} is not an IAM role ARN: ` +
        'give arn:aws:iam::<12-digit account>:role/<name>',
    );
  }
  if (streamName !== undefined && !STREAM_NAME.test(streamName)) {
    problems.push(
      `--stream-name ${streamName} is not a Kinesis stream name: ` +
        'give 1-128 letters, digits, and _ . -',
    );
  }
  if (region !== undefined && !REGION.test(region)) {
    problems.push(`--region ${region} is not an AWS region: give one such as us-east-1`);
  }
  if (streamArn === undefined) return problems;

  const stream = streamOfArn(streamArn);
  if (!stream) {
    problems.push(
      `--stream-arn ${streamArn} is not a Kinesis stream ARN: ` +
        'give arn:aws:kinesis:<region>:<12-digit account>:stream/<name>',
    );
    return problems;
  }
  if (streamName !== undefined && streamName !== stream.name) {
    problems.push(
      `--stream-name ${streamName} differs from the name in --stream-arn (${stream.name})`,
    );
  }
  if (region !== undefined && region !== stream.region) {
    problems.push(`--region ${region} differs from the region in --stream-arn (${stream.region})`);
  }
  return problems;
}

function streamOfArn(arn: string | undefined): { region: string; name: string } | undefined {
  const match = arn === undefined ? null : STREAM_ARN.exec(arn);
  return match ? { region: match[1] as string, name: match[2] as string } : undefined;
}
