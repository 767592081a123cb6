import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { KinesisClient, PutRecordsCommand } from '@aws-sdk/client-kinesis';
import {
  GetObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { redriveCommand } from '../../../cli/commands/redrive.ts';
import { describedStack, objectBody } from '../../aws/fakes.ts';
import { warehouseWithFailures } from '../../aws/redrive/failed-warehouse.ts';
import { eventLine } from '../../aws/stadium-events.ts';
import { runCommand } from './run-aws-command.ts';

const cloudFormation = mockClient(CloudFormationClient);
const s3 = mockClient(S3Client);
const kinesis = mockClient(KinesisClient);

afterEach(() => {
  cloudFormation.reset();
  s3.reset();
  kinesis.reset();
});

const KEY = 'errors/processing-failed/table=order_events/dt=2020-08-26/a';
const EVENT = eventLine('aaaaaaaa-0000-4000-8000-000000000001', '01egndytjh3xmmt154hxa6dz01');
const ERROR_LINE = JSON.stringify({ rawData: Buffer.from(EVENT).toString('base64') });

function storeErrorObject() {
  s3.on(ListObjectsV2Command).resolves({ Contents: [{ Key: KEY }] });
  s3.on(GetObjectCommand).resolves({ Body: objectBody(Buffer.from(`${ERROR_LINE}\n`)) });
}

describe('Command: redrive', () => {
  it('redrives a local warehouse and says what was recovered and what still fails', async () => {
    const { warehouse, earlierFailures } = await warehouseWithFailures();

    const run = await runCommand(redriveCommand(), ['--warehouse', warehouse]);

    expect(run.exitCode).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe(
      'Redrove 2 failed records through the transform: 1 recovered, 1 still failing ' +
        '(left in their error files).',
    );
    expect(lines[1]).toBe('Still failing, for example:');
    expect(lines[2]).toMatch(/^ {2}order_events, event 01egndytjh3xmmt154hxa6dz9z: p\.total: /);
    expect(run.stdout).toContain(
      'Error records that could not be read, left untouched:\n' +
        `  ${earlierFailures}: not a JSON document\n`,
    );
  });

  it('reads the bucket and stream from the stack and puts the records back', async () => {
    cloudFormation.on(DescribeStacksCommand, { StackName: 'orderfeed-mars-prd' }).resolves(
      describedStack('orderfeed-mars-prd', {
        DataBucketName: 'mars-data',
        StreamName: 'orderfeed-mars-prd-order-events',
      }),
    );
    storeErrorObject();
    kinesis.on(PutRecordsCommand).resolves({
      FailedRecordCount: 0,
      Records: [{ SequenceNumber: '1', ShardId: 'shardId-000000000000' }],
    });

    const run = await runCommand(redriveCommand(), [
      ...['--stack', 'orderfeed-mars-prd', '--region', 'us-east-1'],
    ]);

    expect(run.exitCode).toBe(0);
    expect(s3.commandCalls(ListObjectsV2Command)[0]?.args[0].input).toMatchObject({
      Bucket: 'mars-data',
      Prefix: 'errors/processing-failed/',
    });
    expect(kinesis.commandCalls(PutRecordsCommand)[0]?.args[0].input.StreamName).toBe(
      'orderfeed-mars-prd-order-events',
    );
    expect(run.stdout).toBe(
      'Put 1 of 1 failed record back on the stream; Firehose transforms them again, and any ' +
        'that still fail come back under errors/processing-failed/ dated the day they arrive ' +
        'again.\nRemoved them from 1 error object (1 now empty and deleted).\n',
    );
  });

  it('exits non-zero naming the records Kinesis refused, which stay in S3', async () => {
    storeErrorObject();
    kinesis.on(PutRecordsCommand).resolves({
      FailedRecordCount: 1,
      Records: [{ ErrorCode: 'InternalFailure', ErrorMessage: 'Internal service failure.' }],
    });

    const run = await runCommand(redriveCommand(), [
      ...['--bucket', 'mars-data', '--stream', 'orders', '--region', 'us-east-1'],
    ]);

    expect(run.exitCode).toBe(1);
    expect(s3.commandCalls(PutObjectCommand)).toHaveLength(0);
    expect(run.stderr).toBe(
      'orderfeed redrive: 1 record never made it back on the stream (they stay in their ' +
        'error objects):\n' +
        `  s3://mars-data/${KEY} record 1: InternalFailure: Internal service failure.\n`,
    );
  });

  it('fails naming a warehouse folder that does not exist, or a file', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'orderfeed-redrive-cli-'));
    const [missing, file] = [join(folder, 'nope'), join(folder, 'feed.ndjson')];
    writeFileSync(file, '{}\n');

    const runs = [
      await runCommand(redriveCommand(), ['--warehouse', missing]),
      await runCommand(redriveCommand(), ['--warehouse', file]),
    ];
    rmSync(folder, { recursive: true });

    expect(runs.map((run) => [run.exitCode, run.stdout, run.stderr])).toEqual([
      [1, '', `orderfeed redrive: warehouse ${missing} does not exist\n`],
      [1, '', `orderfeed redrive: warehouse ${file} is not a folder\n`],
    ]);
  });

  it('says an empty warehouse folder had nothing to redrive', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'orderfeed-redrive-cli-'));

    const run = await runCommand(redriveCommand(), ['--warehouse', folder]);
    rmSync(folder, { recursive: true });

    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain('Redrove 0 failed records through the transform');
  });

  it('refuses a local warehouse and AWS flags together', async () => {
    const run = await runCommand(redriveCommand(), ['--warehouse', 'w', '--bucket', 'b']);

    expect(run.exitCode).toBe(1);
    expect(run.stderr).toBe('orderfeed redrive: give --warehouse, or the AWS flags, not both\n');
  });
});
