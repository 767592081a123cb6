import { createHash } from 'node:crypto';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { publishCommand } from '../../../cli/commands/publish.ts';
import { eventsFile } from '../../aws/fakes.ts';
import {
  createStream,
  LOCAL_CREDENTIALS,
  type LocalKinesis,
  readStream,
  startLocalKinesis,
} from '../../aws/kinesalite.ts';
import { eventLine, SAMPLE_EVENT_ID, sampleEvent } from '../../aws/stadium-events.ts';
import { runCommand } from './run-aws-command.ts';

const ROLE = 'arn:aws:iam::111122223333:role/orderfeed-writer';
const sts = mockClient(STSClient);
let kinesis: LocalKinesis;

beforeAll(async () => {
  kinesis = await startLocalKinesis();
});
afterAll(async () => kinesis.close());
beforeEach(() => {
  vi.stubEnv('AWS_ACCESS_KEY_ID', LOCAL_CREDENTIALS.accessKeyId);
  vi.stubEnv('AWS_SECRET_ACCESS_KEY', LOCAL_CREDENTIALS.secretAccessKey);
});
afterEach(() => {
  vi.unstubAllEnvs();
  sts.reset();
});

function ndjsonFile(lines: string[]): string {
  return eventsFile(`${lines.join('\n')}\n`);
}

/** Three events of two orders, and one with no p.uuid keyed by its _id. */
function eventLines(): string[] {
  const withoutUuid = sampleEvent();
  delete withoutUuid.p.uuid;
  return [
    eventLine('b120fdbf-9b4e-44a8-99fd-4e21e3709c1f', '01egndytjh3xmmt154hxa6dz4m'),
    eventLine('b120fdbf-9b4e-44a8-99fd-4e21e3709c1f', '01egndytjh3xmmt154hxa6dz4n'),
    eventLine('6d268953-85c8-4db4-8091-33676e890c6f', '01egndytjh3xmmt154hxa6dz4p'),
    JSON.stringify(withoutUuid),
  ];
}

const local = () => ['--endpoint', kinesis.endpoint, '--region', 'us-east-1'];

describe('Command: publish', () => {
  it('puts every event on the stream byte for byte, keyed by order uuid', async () => {
    await createStream(kinesis, 'orders-plain', 2);
    const lines = eventLines();

    const run = await runCommand(publishCommand(), [
      ndjsonFile(lines),
      ...['--stream', 'orders-plain', ...local()],
    ]);

    expect(run).toEqual({
      stdout: 'Published 4 records to orders-plain.\n',
      stderr: '',
      exitCode: 0,
    });
    const records = await readStream(kinesis, 'orders-plain');
    const sortByData = (a: { data: string }, b: { data: string }) => a.data.localeCompare(b.data);
    expect(
      records.map((r) => ({ key: r.partitionKey, data: r.data.toString('utf8') })).sort(sortByData),
    ).toEqual(
      [
        { key: 'b120fdbf-9b4e-44a8-99fd-4e21e3709c1f', data: lines[0] as string },
        { key: 'b120fdbf-9b4e-44a8-99fd-4e21e3709c1f', data: lines[1] as string },
        { key: '6d268953-85c8-4db4-8091-33676e890c6f', data: lines[2] as string },
        { key: SAMPLE_EVENT_ID, data: lines[3] as string },
      ].sort(sortByData),
    );
  });

  it('keeps the order of one order’s events on its shard', async () => {
    await createStream(kinesis, 'orders-ordered', 3);
    const lines = Array.from({ length: 12 }, (_, index) =>
      eventLine('b120fdbf-9b4e-44a8-99fd-4e21e3709c1f', `01egndytjh3xmmt154hxa6d${100 + index}`),
    );

    await runCommand(publishCommand(), [
      ndjsonFile(lines),
      '--stream',
      'orders-ordered',
      ...local(),
    ]);

    const records = await readStream(kinesis, 'orders-ordered');
    expect(records.map((record) => record.data.toString('utf8'))).toEqual(lines);
  });

  it('assumes the writer role with the external ID before putting', async () => {
    await createStream(kinesis, 'orders-role', 1);
    sts.on(AssumeRoleCommand).resolves({
      Credentials: {
        AccessKeyId: 'ASIAWRITER',
        SecretAccessKey: 'writer-secret',
        SessionToken: 'writer-token',
        Expiration: new Date('2030-01-01T00:00:00Z'),
      },
    });
    const file = ndjsonFile(eventLines().slice(0, 1));

    const run = await runCommand(publishCommand(), [
      file,
      ...['--stream', 'orders-role', '--role-arn', ROLE, '--external-id', 'cubs-7f3a'],
      ...local(),
    ]);

    expect(run.exitCode).toBe(0);
    expect(sts.commandCalls(AssumeRoleCommand)[0]?.args[0].input).toEqual({
      RoleArn: ROLE,
      RoleSessionName: 'orderfeed-publish',
      ExternalId: 'cubs-7f3a',
    });
    expect(await readStream(kinesis, 'orders-role')).toHaveLength(1);
  });

  it('exits non-zero naming the role when it cannot be assumed, and puts nothing', async () => {
    await createStream(kinesis, 'orders-denied', 1);
    sts.on(AssumeRoleCommand).rejects(Object.assign(new Error('denied'), { name: 'AccessDenied' }));

    const run = await runCommand(publishCommand(), [
      ndjsonFile(eventLines()),
      ...['--stream', 'orders-denied', '--role-arn', ROLE],
      ...local(),
    ]);

    expect(run.exitCode).toBe(1);
    expect(run.stderr).toBe(`orderfeed publish: could not assume ${ROLE}: AccessDenied: denied\n`);
    expect(await readStream(kinesis, 'orders-denied')).toEqual([]);
  });

  it('puts a record that is not an event too, keyed by a digest, and notes it', async () => {
    await createStream(kinesis, 'orders-junk', 1);
    const lines = eventLines();
    const junk = '<html><body>502 Bad Gateway</body></html>';

    const run = await runCommand(publishCommand(), [
      ndjsonFile([lines[0] as string, junk]),
      ...['--stream', 'orders-junk', ...local()],
    ]);

    expect(run).toEqual({
      stdout: 'Published 2 records to orders-junk.\n',
      stderr:
        'orderfeed publish: 1 record has no p.uuid or _id (not JSON events?); they were put ' +
        'keyed by the SHA-256 of their bytes:\n  events.ndjson record 2\n',
      exitCode: 0,
    });
    const records = await readStream(kinesis, 'orders-junk');
    expect(records.map((record) => record.data.toString('utf8'))).toEqual([lines[0], junk]);
    expect(records[1]?.partitionKey).toBe(createHash('sha256').update(junk).digest('hex'));
  });

  it('exits non-zero with the Kinesis reason when the stream does not exist', async () => {
    const run = await runCommand(publishCommand(), [
      ndjsonFile(eventLines()),
      ...['--stream', 'no-such-stream', ...local()],
    ]);

    expect(run.exitCode).toBe(1);
    expect(run.stderr).toMatch(
      /^orderfeed publish: PutRecords to no-such-stream failed \(ResourceNotFoundException: /,
    );
    expect(run.stderr).toContain(
      '0 records were put; the first record not put is events.ndjson record 1',
    );
  });
});
