/**
 * A local Kinesis (kinesalite) for tests: listens on 127.0.0.1 on an ephemeral port, creates
 * streams at once, and reads a stream back the way a consumer would.
 */

import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import {
  CreateStreamCommand,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type KinesisClient,
  ListShardsCommand,
} from '@aws-sdk/client-kinesis';
import { kinesisClient } from '../../aws/kinesis-client.ts';

const require = createRequire(import.meta.url);

export interface LocalKinesis {
  readonly endpoint: string;
  readonly client: KinesisClient;
  close(): Promise<void>;
}

/** The SDK signs even local requests: any static credentials do. */
export const LOCAL_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' };

export async function startLocalKinesis(): Promise<LocalKinesis> {
  const server = require('kinesalite')({ createStreamMs: 0 });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const endpoint = `http://127.0.0.1:${port}`;
  const client = kinesisClient({ region: 'us-east-1', endpoint, credentials: LOCAL_CREDENTIALS });

  return {
    endpoint,
    client,
    close: async () => {
      client.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

export async function createStream(kinesis: LocalKinesis, name: string, shards: number) {
  await kinesis.client.send(new CreateStreamCommand({ StreamName: name, ShardCount: shards }));
}

/** Every record on the stream, shard by shard, from the oldest. */
export async function readStream(kinesis: LocalKinesis, name: string) {
  const { client } = kinesis;
  const shards = (await client.send(new ListShardsCommand({ StreamName: name }))).Shards ?? [];
  const records: { partitionKey: string; data: Buffer }[] = [];

  for (const shard of shards) {
    const start = await client.send(
      new GetShardIteratorCommand({
        StreamName: name,
        ShardId: shard.ShardId,
        ShardIteratorType: 'TRIM_HORIZON',
      }),
    );
    let iterator = start.ShardIterator;
    while (iterator) {
      const page = await client.send(new GetRecordsCommand({ ShardIterator: iterator }));
      const found = page.Records ?? [];
      for (const record of found) {
        records.push({
          partitionKey: record.PartitionKey ?? '',
          data: Buffer.from(record.Data ?? []),
        });
      }
      iterator = found.length > 0 ? page.NextShardIterator : undefined;
    }
  }
  return records;
}
