/**
 * Turns the records the local input readers yield into stream entries: each record's bytes
 * untouched, keyed by order uuid.
 */
import { basename } from 'node:path';
import type { SourceRecord } from '../local/read/read-records.ts';
import { partitionKeyOf } from './partition-key.ts';
import type { StreamEntry } from './stream-entry.ts';

/** A record that cannot be put on the stream because nothing in it can key it. */
export interface UnkeyedRecord {
  readonly source: string;
  readonly reason: string;
}

const UNKEYED_REASON =
  'no partition key: p.uuid and _id are both missing or not strings (is it a JSON event?)';

/**
 * Yields one entry per record, named `<file> record <n>` (n counts from 1). A record with
 * neither a `p.uuid` nor an `_id` goes to `onUnkeyed` and is skipped; its neighbours go on.
 */
export async function* eventEntries(
  records: AsyncIterable<SourceRecord>,
  onUnkeyed: (record: UnkeyedRecord) => void,
): AsyncGenerator<StreamEntry> {
  for await (const record of records) {
    const source = `${basename(record.source)} record ${record.index + 1}`;
    const partitionKey = partitionKeyOf(record.bytes);
    if (partitionKey) yield { source, data: record.bytes, partitionKey };
    else onUnkeyed({ source, reason: UNKEYED_REASON });
  }
}
