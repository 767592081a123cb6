/**
 * Turns the records the local input readers yield into stream entries: each record's bytes
 * untouched, keyed by order uuid.
 */
import { basename } from 'node:path';
import type { SourceRecord } from '../local/read/read-records.ts';
import { digestKey, partitionKeyOf } from './partition-key.ts';
import type { StreamEntry } from './stream-entry.ts';

/** A record with nothing in it to key it by, put with a digest key instead. */
export interface UnkeyedRecord {
  readonly source: string;
  readonly partitionKey: string;
}

/**
 * Yields one entry per record, named `<file> record <n>` (n counts from 1). A record with
 * neither a `p.uuid` nor an `_id` is keyed by a digest of its bytes, as VenueNext's feed
 * would still deliver it, and is also passed to `onUnkeyed` so the caller can say so.
 */
export async function* eventEntries(
  records: AsyncIterable<SourceRecord>,
  onUnkeyed: (record: UnkeyedRecord) => void,
): AsyncGenerator<StreamEntry> {
  for await (const record of records) {
    const source = `${basename(record.source)} record ${record.recordNumber}`;
    const key = partitionKeyOf(record.bytes);
    const partitionKey = key ?? digestKey(record.bytes);
    if (!key) onUnkeyed({ source, partitionKey });
    yield { source, data: record.bytes, partitionKey };
  }
}
