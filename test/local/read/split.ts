/**
 * Test helper: splits input with a RecordSplitter, fed in chunks of a given size.
 */
import { RecordSplitter, type SplitRecord } from '../../../local/read/record-splitter.ts';

export function split(input: string | Buffer, chunkSize = Infinity, maxBytes?: number) {
  const bytes = typeof input === 'string' ? Buffer.from(input) : input;
  const splitter = new RecordSplitter(maxBytes);
  const records: SplitRecord[] = [];
  const step = Number.isFinite(chunkSize) ? chunkSize : Math.max(bytes.length, 1);
  for (let offset = 0; offset < bytes.length; offset += step) {
    records.push(...splitter.push(bytes.subarray(offset, offset + step)));
  }
  records.push(...splitter.end());
  return records;
}

/** The records as `text` or `!text` for a malformed one, to compare in one assertion. */
export function described(records: readonly SplitRecord[]): string[] {
  return records.map((record) => `${record.malformed ? '!' : ''}${record.bytes.toString()}`);
}
