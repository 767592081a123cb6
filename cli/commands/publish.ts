/**
 * `orderfeed publish`: plays VenueNext's part, to test the writer role and the pipeline.
 */
import type { KinesisClient } from '@aws-sdk/client-kinesis';
import { STSClient } from '@aws-sdk/client-sts';
import { Command } from 'commander';
import { assumeRole } from '../../aws/assume-role.ts';
import { eventEntries, type UnkeyedRecord } from '../../aws/event-entries.ts';
import { kinesisClient } from '../../aws/kinesis-client.ts';
import { type PublishResult, publishRecords } from '../../aws/publisher.ts';
import { readRecords } from '../../local/read/read-records.ts';
import { counted } from '../output/plural.ts';

interface PublishFlags {
  stream: string;
  roleArn?: string;
  externalId?: string;
  endpoint?: string;
  region?: string;
}

export function publishCommand(): Command {
  const command = new Command('publish')
    .description("Play VenueNext's part: put the events of an NDJSON file on the stream.")
    .argument('<file>', 'Stadium events: NDJSON or concatenated JSON, plain or gzip; - for stdin')
    .requiredOption('--stream <name>', 'Kinesis stream name or ARN')
    .option('--role-arn <arn>', 'writer role to assume first, as VenueNext does')
    .option('--external-id <id>', 'external ID the writer role requires')
    .option('--endpoint <url>', 'Kinesis endpoint, e.g. a local Kinesis (default: AWS)')
    .option('--region <region>', 'AWS region (default: from the AWS profile)');

  return command.action(async (file: string, flags: PublishFlags) => {
    const unkeyed: UnkeyedRecord[] = [];
    const kinesis = await writerClient(command, flags);
    let result: PublishResult;
    try {
      const entries = eventEntries(readRecords([file]), (record) => unkeyed.push(record));
      result = await publishRecords(kinesis, entries, { stream: flags.stream });
    } catch (error) {
      return fail(command, error);
    } finally {
      kinesis.destroy();
    }
    report(command, flags.stream, result, unkeyed);
  });
}

/** A Kinesis client with the writer role's credentials when --role-arn is given. */
async function writerClient(command: Command, flags: PublishFlags): Promise<KinesisClient> {
  const { region, endpoint, roleArn, externalId } = flags;
  if (!roleArn) return kinesisClient({ region, endpoint });

  const sts = new STSClient(region ? { region } : {});
  try {
    const credentials = await assumeRole(sts, { roleArn, externalId });
    return kinesisClient({ region, endpoint, credentials });
  } catch (error) {
    return fail(command, error);
  } finally {
    sts.destroy();
  }
}

function report(command: Command, stream: string, result: PublishResult, unkeyed: UnkeyedRecord[]) {
  command
    .configureOutput()
    .writeOut?.(`Published ${counted(result.published, 'record')} to ${stream}.\n`);
  if (unkeyed.length > 0) command.configureOutput().writeErr?.(unkeyedNote(unkeyed));

  if (result.unpublished.length === 0) return;
  const failures = result.unpublished.map(
    (record) =>
      `  ${record.source} (partition key ${record.partitionKey}): ` +
      `${record.errorCode}: ${record.errorMessage}`,
  );

  const refused = counted(failures.length, 'record');
  const heading = `orderfeed publish: ${refused} never made it onto ${stream}:`;
  command.error([heading, ...failures].join('\n'), { exitCode: 1 });
}

/** Not a failure: the transform will answer these ProcessingFailed, as it should. */
function unkeyedNote(unkeyed: UnkeyedRecord[]): string {
  const heading =
    `orderfeed publish: ${counted(unkeyed.length, 'record')} ` +
    `${unkeyed.length === 1 ? 'has' : 'have'} no p.uuid or _id (not JSON events?); ` +
    'they were put keyed by the SHA-256 of their bytes:';
  return [heading, ...unkeyed.map((record) => `  ${record.source}`), ''].join('\n');
}

function fail(command: Command, error: unknown): never {
  const reason = error instanceof Error ? error.message : String(error);
  return command.error(`orderfeed publish: ${reason}`, { exitCode: 1 });
}
