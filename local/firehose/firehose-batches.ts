/**
 * Groups records the way Firehose's processor buffer does before it invokes the transform.
 */

/** Firehose's default processor buffer size for a Lambda transform: 1 MiB. */
export const DEFAULT_BUFFER_BYTES = 1024 * 1024;

/** The largest processor buffer Firehose accepts: 3 MiB. */
export const MAX_BUFFER_BYTES = 3 * 1024 * 1024;

/**
 * Yields batches whose total data size stays within `bufferBytes`: a batch is sent as soon
 * as the next record would not fit. A record bigger than the buffer on its own travels alone,
 * as Firehose sends it anyway. Holds one batch in memory at a time.
 */
export async function* firehoseBatches<T extends { readonly bytes: Uint8Array }>(
  records: AsyncIterable<T>,
  bufferBytes: number = DEFAULT_BUFFER_BYTES,
): AsyncGenerator<T[]> {
  let batch: T[] = [];
  let size = 0;

  for await (const record of records) {
    if (batch.length > 0 && size + record.bytes.length > bufferBytes) {
      yield batch;
      batch = [];
      size = 0;
    }
    batch.push(record);
    size += record.bytes.length;
  }

  if (batch.length > 0) yield batch;
}
