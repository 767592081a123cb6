/**
 * One record to put on a Kinesis stream, with where it came from so that a record that never
 * made it can be named.
 */
import { Buffer } from 'node:buffer';

export interface StreamEntry {
  /** Where the record came from, e.g. `events.ndjson line 12`. */
  readonly source: string;
  readonly data: Uint8Array;
  readonly partitionKey: string;
}

/** The bytes the record counts against Kinesis limits: data plus UTF-8 partition key. */
export function entrySize(entry: StreamEntry): number {
  return entry.data.byteLength + Buffer.byteLength(entry.partitionKey, 'utf8');
}
