/**
 * Where things go in a local warehouse: the same layout Firehose gives S3 (docs/CONTRACTS.md).
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';

/** Folder of the Parquet files of one table partition. */
export function tablePartitionDir(warehouse: string, table: string, dt: string): string {
  return join(warehouse, table, `dt=${dt}`);
}

/** Folder of the raw backup of the source records that arrived on `dt`. */
export function rawBackupDir(warehouse: string, dt: string): string {
  return join(warehouse, 'raw', `dt=${dt}`);
}

/** Folder of the records `table`'s transform answered ProcessingFailed, by arrival date. */
export function processingFailedDir(warehouse: string, table: string, dt: string): string {
  return join(warehouse, 'errors', 'processing-failed', `table=${table}`, `dt=${dt}`);
}

/**
 * A file name no other ingest, earlier, later or running at the same time, can produce:
 * sortable by write time, and unique by a random UUID (Firehose names objects the same way).
 */
export function uniqueFileName(extension: string, now: Date = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('.', '');
  return `orderfeed-local-${stamp}-${randomUUID()}${extension}`;
}

/** The UTC date (YYYY-MM-DD) of an epoch-milliseconds time. */
export function utcDate(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 10);
}
