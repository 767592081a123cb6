/**
 * Groups stream entries into PutRecords requests that stay within the Kinesis limits.
 */
import { MAX_BYTES_PER_REQUEST, MAX_RECORDS_PER_REQUEST } from './kinesis-limits.ts';
import { entrySize, type StreamEntry } from './stream-entry.ts';

/**
 * Yields batches of at most 500 entries and 5 MiB, in input order. Entries must already be
 * within the 1 MiB record limit, so every entry fits in a batch of its own.
 */
export async function* putBatches(
  entries: AsyncIterable<StreamEntry> | Iterable<StreamEntry>,
): AsyncGenerator<StreamEntry[]> {
  let batch: StreamEntry[] = [];
  let batchBytes = 0;

  for await (const entry of entries) {
    const size = entrySize(entry);
    const full = batch.length === MAX_RECORDS_PER_REQUEST;
    if (full || batchBytes + size > MAX_BYTES_PER_REQUEST) {
      yield batch;
      batch = [];
      batchBytes = 0;
    }
    batch.push(entry);
    batchBytes += size;
  }

  if (batch.length > 0) yield batch;
}
