/**
 * Reads Stadium events from an NDJSON file as stream entries: one record per non-blank line,
 * its bytes exactly as in the file (without the line break), keyed by order uuid.
 */
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { partitionKeyOf } from './partition-key.ts';
import type { StreamEntry } from './stream-entry.ts';

/** A line that cannot be put on the stream because nothing in it can key it. */
export interface UnkeyedLine {
  readonly source: string;
  readonly reason: string;
}

/**
 * Yields one entry per event line, streaming the file. A line with neither a `p.uuid` nor an
 * `_id` to key it goes to `onUnkeyed`, naming the file, line and fields, and is skipped.
 */
export async function* readNdjsonEntries(
  file: string,
  onUnkeyed: (line: UnkeyedLine) => void,
): AsyncGenerator<StreamEntry> {
  let lineNumber = 0;
  for await (const line of readLines(file)) {
    lineNumber += 1;
    if (isBlank(line)) continue;

    const source = `${basename(file)} line ${lineNumber}`;
    const partitionKey = partitionKeyOf(line);
    if (partitionKey) yield { source, data: line, partitionKey };
    else onUnkeyed({ source, reason: UNKEYED_REASON });
  }
}

const UNKEYED_REASON =
  'no partition key: p.uuid and _id are both missing or not strings (is it a JSON event?)';

/** Splits a file on `\n` as bytes, dropping a `\r` before it, without decoding the text. */
async function* readLines(file: string): AsyncGenerator<Uint8Array> {
  let rest = Buffer.alloc(0);
  for await (const chunk of createReadStream(file)) {
    let buffer = Buffer.concat([rest, chunk as Buffer]);
    let end = buffer.indexOf(0x0a);
    while (end !== -1) {
      yield withoutCarriageReturn(buffer.subarray(0, end));
      buffer = buffer.subarray(end + 1);
      end = buffer.indexOf(0x0a);
    }
    rest = buffer;
  }
  if (rest.length > 0) yield withoutCarriageReturn(rest);
}

function withoutCarriageReturn(line: Buffer): Buffer {
  return line.at(-1) === 0x0d ? line.subarray(0, -1) : line;
}

function isBlank(line: Uint8Array): boolean {
  return line.every((byte) => byte === 0x20 || byte === 0x09);
}
