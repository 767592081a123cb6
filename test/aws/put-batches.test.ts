import { describe, expect, it } from 'vitest';
import { putBatches } from '../../aws/put-batches.ts';
import type { StreamEntry } from '../../aws/stream-entry.ts';

function entries(count: number, dataBytes: number): StreamEntry[] {
  return Array.from({ length: count }, (_, index) => ({
    source: `line ${index + 1}`,
    data: new Uint8Array(dataBytes),
    partitionKey: 'b120fdbf-9b4e-44a8-99fd-4e21e3709c1f',
  }));
}

async function sizes(input: StreamEntry[]): Promise<number[]> {
  const batches: number[] = [];
  for await (const batch of putBatches(input)) batches.push(batch.length);
  return batches;
}

describe('Function: putBatches', () => {
  it('puts at most 500 records in a request', async () => {
    expect(await sizes(entries(1001, 10))).toEqual([500, 500, 1]);
  });

  it('keeps a request within 5 MiB of data and partition keys', async () => {
    // Each record is 1,000,000 data bytes + a 36-byte key: five make 5,000,180 bytes,
    // a sixth would make 6,000,216, over 5,242,880.
    expect(await sizes(entries(11, 1_000_000))).toEqual([5, 5, 1]);
  });

  it('keeps the input order across batches', async () => {
    const input = entries(501, 1);
    const sources: string[] = [];

    for await (const batch of putBatches(input)) sources.push(...batch.map((e) => e.source));

    expect(sources).toEqual(input.map((entry) => entry.source));
  });

  it('yields nothing for no records', async () => {
    expect(await sizes([])).toEqual([]);
  });
});
