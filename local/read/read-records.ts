/**
 * Reads records from every input: files, folders and standard input, plain or gzip.
 */
import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { decompressed } from './decompress.ts';
import { InputReadError } from './input-errors.ts';
import { listInputs, STDIN } from './list-inputs.ts';
import { RecordSplitter } from './record-splitter.ts';

/** One record as read: its bytes untouched, and where it came from. */
export interface SourceRecord {
  /** The file it was read from, or `-` for standard input. */
  readonly source: string;
  /**
   * One-based position of the record within its source: record N is the Nth record, which
   * in NDJSON with one record a line is line N. People count from 1, so messages use it as is.
   */
  readonly recordNumber: number;
  readonly bytes: Buffer;
  /** True when the bytes are not a parseable JSON document (see record-splitter.ts). */
  readonly malformed: boolean;
}

export interface ReadOptions {
  /** Where `-` reads from. @default process.stdin */
  readonly stdin?: Readable;
  /** Called with each file's name as its reading starts. */
  readonly onSource?: (source: string) => void;
  /** Called with the size of each chunk read, before gunzip (to show progress). */
  readonly onBytes?: (count: number) => void;
}

/**
 * Yields every record of every input in order, streaming: memory holds one chunk and at
 * most one pending document, however large the input. Throws InputNotFoundError or
 * InputReadError (naming the path) when an input is missing or cannot be read.
 */
export async function* readRecords(
  inputs: readonly string[],
  options: ReadOptions = {},
): AsyncGenerator<SourceRecord> {
  for (const source of await listInputs(inputs)) {
    options.onSource?.(source);
    yield* readSource(source, options);
  }
}

async function* readSource(source: string, options: ReadOptions): AsyncGenerator<SourceRecord> {
  const stream = source === STDIN ? (options.stdin ?? process.stdin) : createReadStream(source);
  const splitter = new RecordSplitter();
  let count = 0;

  try {
    for await (const chunk of decompressed(counted(stream, options.onBytes))) {
      for (const record of splitter.push(chunk)) yield { source, recordNumber: ++count, ...record };
    }
  } catch (cause) {
    throw new InputReadError(source, { cause });
  }
  for (const record of splitter.end()) yield { source, recordNumber: ++count, ...record };
}

async function* counted(
  chunks: AsyncIterable<Uint8Array>,
  onBytes: ((count: number) => void) | undefined,
): AsyncGenerator<Uint8Array> {
  for await (const chunk of chunks) {
    onBytes?.(chunk.length);
    yield chunk;
  }
}
