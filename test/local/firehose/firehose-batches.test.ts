import { describe, expect, it } from 'vitest';
import { DEFAULT_BUFFER_BYTES, firehoseBatches } from '../../../local/firehose/firehose-batches.ts';

async function batchSizes(sizes: number[], bufferBytes?: number) {
  async function* records() {
    for (const size of sizes) yield { bytes: new Uint8Array(size) };
  }
  const batches: number[][] = [];
  for await (const batch of firehoseBatches(records(), bufferBytes)) {
    batches.push(batch.map((record) => record.bytes.length));
  }
  return batches;
}

describe('Function: firehoseBatches', () => {
  it('sends a batch as soon as the next record would not fit the buffer', async () => {
    expect(await batchSizes([400, 400, 300, 1200, 100], 1000)).toEqual([
      [400, 400],
      [300],
      [1200],
      [100],
    ]);
  });

  it('fills a batch up to exactly the buffer size', async () => {
    expect(await batchSizes([500, 500, 1], 1000)).toEqual([[500, 500], [1]]);
  });

  it('defaults to the 1 MiB Firehose processor buffer', async () => {
    const batches = await batchSizes([600_000, 448_576, 1]);

    expect(DEFAULT_BUFFER_BYTES).toBe(1_048_576);
    expect(batches.map((batch) => batch.length)).toEqual([2, 1]);
  });

  it('yields nothing for no records', async () => {
    expect(await batchSizes([], 10)).toEqual([]);
  });
});
