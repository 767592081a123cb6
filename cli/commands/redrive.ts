/**
 * `orderfeed redrive`: after a fix to the transform, sends the records it answered
 * ProcessingFailed through it again: locally through the ingest, on AWS back onto the stream.
 */
import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { S3Client } from '@aws-sdk/client-s3';
import { Command, CommanderError } from 'commander';
import { kinesisClient } from '../../aws/kinesis-client.ts';
import { type LocalRedriveSummary, redriveLocal } from '../../aws/redrive/local-redrive.ts';
import { ERRORS_PREFIX, redriveS3, type S3RedriveSummary } from '../../aws/redrive/s3-redrive.ts';
import { readStackOutputs, STACK_OUTPUT_KEYS } from '../../aws/stack-outputs.ts';
import { counted } from '../output/plural.ts';
import { warehouseProblem } from '../warehouse-folder.ts';

interface RedriveFlags {
  warehouse?: string;
  stack?: string;
  bucket?: string;
  prefix: string;
  stream?: string;
  region?: string;
  endpoint?: string;
}

export function redriveCommand(): Command {
  const command = new Command('redrive')
    .description('Send the records the transform failed through it again, after a fix.')
    .option('--warehouse <dir>', 'redrive a local warehouse through the ingest')
    .option('--stack <name>', 'on AWS: read --bucket and --stream from this stack')
    .option('--bucket <name>', 'on AWS: the data bucket holding the error records')
    .option('--prefix <prefix>', 'on AWS: where the error records are', ERRORS_PREFIX)
    .option('--stream <name>', 'on AWS: the Kinesis stream (name or ARN) to put them back on')
    .option('--region <region>', 'AWS region (default: from the AWS profile)')
    .option('--endpoint <url>', 'Kinesis endpoint, e.g. a local Kinesis (default: AWS)')
    .addHelpText(
      'after',
      '\nExamples:\n  orderfeed redrive --warehouse ./warehouse\n' +
        '  orderfeed redrive --stack orderfeed-mars-prd --region us-east-1',
    );

  return command.action(async (flags: RedriveFlags) => {
    const print = (text: string) => command.configureOutput().writeOut?.(text);
    const aws = flags.bucket ?? flags.stream ?? flags.stack;
    if (flags.warehouse && aws) fail(command, 'give --warehouse, or the AWS flags, not both');
    if (!flags.warehouse && !aws)
      fail(command, 'give --warehouse DIR, or --stack (or --bucket and --stream)');

    try {
      if (flags.warehouse) {
        const problem = warehouseProblem(flags.warehouse, { mustExist: true });
        if (problem) fail(command, problem);
        print(localReport(await redriveLocal({ warehouse: flags.warehouse })));
        return;
      }
      const summary = await redriveOnAws(command, flags);
      print(s3Report(summary));
      if (summary.unpublished.length > 0) fail(command, unpublishedReport(summary));
    } catch (error) {
      if (error instanceof CommanderError) throw error;
      fail(command, error instanceof Error ? error.message : String(error));
    }
  });
}

async function redriveOnAws(command: Command, flags: RedriveFlags): Promise<S3RedriveSummary> {
  const { bucket, stream } = await awsTargets(flags);
  if (!bucket || !stream) fail(command, 'on AWS, give --stack, or both --bucket and --stream');

  const region = flags.region ? { region: flags.region } : {};
  const s3 = new S3Client(region);
  const kinesis = kinesisClient({ region: flags.region, endpoint: flags.endpoint });
  try {
    return await redriveS3(s3, kinesis, { bucket, stream, prefix: flags.prefix });
  } finally {
    s3.destroy();
    kinesis.destroy();
  }
}

/** Flags win; the stack's outputs fill in what they leave out. */
async function awsTargets(flags: RedriveFlags) {
  if (!flags.stack || (flags.bucket && flags.stream)) return flags;

  const client = new CloudFormationClient(flags.region ? { region: flags.region } : {});
  try {
    const { dataBucketName, streamName } = STACK_OUTPUT_KEYS;
    const outputs = await readStackOutputs(client, flags.stack, [dataBucketName, streamName]);
    return {
      bucket: flags.bucket ?? outputs.get(dataBucketName),
      stream: flags.stream ?? outputs.get(streamName),
    };
  } finally {
    client.destroy();
  }
}

function localReport(summary: LocalRedriveSummary): string {
  const lines = [
    `Redrove ${counted(summary.records, 'failed record')} through the transform: ` +
      `${summary.recovered} recovered, ${summary.stillFailing} still failing ` +
      '(left in their error files).',
  ];
  const examples = summary.ingest?.failureExamples ?? [];
  if (summary.stillFailing > 0 && examples.length > 0) {
    lines.push('Still failing, for example:');
    for (const example of examples) {
      const event = example.eventId ? `, event ${example.eventId}` : '';
      lines.push(`  ${example.table}${event}: ${example.path}: ${example.reason}`);
    }
  }
  return [...lines, ...unreadableReport(summary.unreadable), ''].join('\n');
}

function s3Report(summary: S3RedriveSummary): string {
  const changed = summary.objectsRewritten.length + summary.objectsDeleted.length;
  const lines = [
    `Put ${summary.published} of ${counted(summary.records, 'failed record')} back on the ` +
      'stream; ' +
      'Firehose transforms them again, and any that still fail come back under ' +
      `${ERRORS_PREFIX} dated the day they arrive again.`,
    `Removed them from ${counted(changed, 'error object')} ` +
      `(${summary.objectsDeleted.length} now empty and deleted).`,
  ];
  return [...lines, ...unreadableReport(summary.unreadable), ''].join('\n');
}

function unreadableReport(unreadable: readonly string[]): string[] {
  if (unreadable.length === 0) return [];
  return [
    'Error records that could not be read, left untouched:',
    ...unreadable.map((u) => `  ${u}`),
  ];
}

function unpublishedReport(summary: S3RedriveSummary): string {
  const heading =
    `${counted(summary.unpublished.length, 'record')} never made it back on the stream ` +
    '(they stay in their error objects):';
  const records = summary.unpublished.map(
    (record) => `  ${record.source}: ${record.errorCode}: ${record.errorMessage}`,
  );
  return [heading, ...records].join('\n');
}

function fail(command: Command, reason: string): never {
  return command.error(`orderfeed redrive: ${reason}`, { exitCode: 1 });
}
