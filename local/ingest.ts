/**
 * The local ingest: reads source records, batches them as Firehose does, runs the very
 * transform Lambda once per table, and lands the answers in a Parquet warehouse laid out as
 * Firehose lays out S3. Streams end to end: memory stays flat whatever the input size.
 *
 * @example
 * const summary = await ingest({ inputs: ['feed.ndjson.gz'], warehouse: './warehouse' });
 * summary.tables[0]; // { table: 'order_events', written: 41, duplicates: 2, ... }
 */
import { stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { TABLES } from '../transform/tables/index.ts';
import {
  DEFAULT_BUFFER_BYTES,
  firehoseBatches,
  MAX_BUFFER_BYTES,
} from './firehose/firehose-batches.ts';
import { firehoseEvent } from './firehose/firehose-event.ts';
import type { IngestSummary } from './ingest-summary.ts';
import { listInputs, STDIN } from './read/list-inputs.ts';
import { readRecords } from './read/read-records.ts';
import { TableIngest } from './table-ingest.ts';
import { PartitionWriter } from './write/partition-writer.ts';
import { RawBackupWriter } from './write/raw-backup-writer.ts';
import { utcDate } from './write/warehouse-layout.ts';

export interface IngestProgress {
  readonly records: number;
  /** Input bytes read so far (compressed size for gzip files). */
  readonly bytesRead: number;
  /** Size of all input files; undefined when reading standard input. */
  readonly totalBytes: number | undefined;
}

export interface IngestOptions {
  /** Files, folders (read recursively) and `-` for standard input. */
  readonly inputs: readonly string[];
  /** The warehouse folder; created when missing. */
  readonly warehouse: string;
  /** Firehose processor buffer size in bytes. @default 1 MiB, Firehose's default */
  readonly bufferBytes?: number;
  /** Called after each batch. @default none */
  readonly onProgress?: (progress: IngestProgress) => void;
  /** Where `-` reads from. @default process.stdin */
  readonly stdin?: Readable;
  /** Source of arrival times (errors and raw backup are partitioned by them). @default Date.now */
  readonly clock?: () => number;
  /** Rows per Parquet file. @default 50,000 */
  readonly rowsPerFile?: number;
}

export async function ingest(options: IngestOptions): Promise<IngestSummary> {
  const bufferBytes = validBufferBytes(options.bufferBytes ?? DEFAULT_BUFFER_BYTES);
  const clock = options.clock ?? Date.now;
  const files = await listInputs(options.inputs);
  const totalBytes = await inputBytes(files);

  const writer = new PartitionWriter(options.warehouse, options.rowsPerFile);
  const raw = new RawBackupWriter(options.warehouse);
  const tables = TABLES.map((table) => new TableIngest(table, writer, options.warehouse));
  const summary: IngestSummary = {
    warehouse: options.warehouse,
    records: 0,
    malformed: 0,
    bytes: 0,
    batches: 0,
    tables: tables.map((table) => table.summary),
    failureExamples: [],
    files: [],
  };

  let bytesRead = 0;
  const records = readRecords(files, {
    ...(options.stdin ? { stdin: options.stdin } : {}),
    onBytes: (count) => {
      bytesRead += count;
    },
  });

  try {
    for await (const batch of firehoseBatches(records, bufferBytes)) {
      const arrivalMs = clock();
      for (const record of batch) {
        await raw.write(utcDate(arrivalMs), record.bytes);
        summary.records++;
        summary.bytes += record.bytes.length;
        if (record.malformed) summary.malformed++;
      }

      const event = firehoseEvent(batch, {
        arrivalMs,
        firstOrdinal: summary.records - batch.length,
      });
      const context = { event, batch, arrivalMs, failureExamples: summary.failureExamples };
      for (const table of tables) summary.files.push(...(await table.process(context)));

      summary.batches++;
      options.onProgress?.({ records: summary.records, bytesRead, totalBytes });
    }
  } finally {
    // Whatever was transformed before an input failed is still written: nothing is lost.
    await writer.close();
    await raw.close();
    summary.files.push(...writer.files, ...raw.files);
  }
  return summary;
}

function validBufferBytes(value: number): number {
  if (Number.isInteger(value) && value > 0 && value <= MAX_BUFFER_BYTES) return value;
  throw new RangeError(
    `bufferBytes must be a whole number of bytes from 1 to ${MAX_BUFFER_BYTES} ` +
      `(Firehose's 3 MiB maximum), got ${value}`,
  );
}

async function inputBytes(files: readonly string[]): Promise<number | undefined> {
  if (files.includes(STDIN)) return undefined;
  let total = 0;
  for (const file of files) total += (await stat(file)).size;
  return total;
}
