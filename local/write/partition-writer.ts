/**
 * Writes rows to `WAREHOUSE/<table>/dt=<dt>/<unique>.parquet`, one Parquet file per table
 * partition each time {@link rowsPerFile} rows have gathered, and the rest on {@link close}.
 * When all partitions together hold {@link maxBufferedRows}, the largest is written early,
 * so a feed spanning a whole season, with hundreds of partitions open, stays in bounded memory.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { TableDefinition } from '../../transform/tables/index.ts';
import { ParquetFileBuilder } from './parquet-file-builder.ts';
import { tablePartitionDir, uniqueFileName } from './warehouse-layout.ts';

/**
 * Rows per Parquet file. Bounds memory (one builder per open partition) while keeping files
 * large enough to query fast; Firehose itself writes files of 64 MB or more.
 */
export const DEFAULT_ROWS_PER_FILE = 50_000;

/** Rows held across all partitions before the largest is written. */
export const DEFAULT_MAX_BUFFERED_ROWS = 100_000;

export class PartitionWriter {
  private readonly open = new Map<string, ParquetFileBuilder>();
  private bufferedRows = 0;
  /** Every Parquet file written, in order. */
  readonly files: string[] = [];

  constructor(
    private readonly warehouse: string,
    private readonly rowsPerFile = DEFAULT_ROWS_PER_FILE,
    private readonly maxBufferedRows = DEFAULT_MAX_BUFFERED_ROWS,
  ) {}

  async append(
    table: TableDefinition,
    dt: string,
    rows: readonly Record<string, unknown>[],
  ): Promise<void> {
    const key = `${table.name}/${dt}`;
    let file = this.open.get(key);
    if (!file) {
      file = new ParquetFileBuilder(table);
      this.open.set(key, file);
    }

    for (const row of rows) file.append(row);
    this.bufferedRows += rows.length;
    if (file.rowCount >= this.rowsPerFile) await this.writeOpen(key);
    while (this.bufferedRows >= this.maxBufferedRows) await this.writeOpen(this.largestOpen());
  }

  /** Writes every partition that still holds rows. */
  async close(): Promise<void> {
    for (const key of [...this.open.keys()]) await this.writeOpen(key);
  }

  private largestOpen(): string {
    let largest = '';
    let rows = -1;
    for (const [key, file] of this.open) {
      if (file.rowCount > rows) [largest, rows] = [key, file.rowCount];
    }
    return largest;
  }

  private async writeOpen(key: string): Promise<void> {
    const file = this.open.get(key);
    if (!file) return;
    this.open.delete(key);
    this.bufferedRows -= file.rowCount;
    const [table = '', dt = ''] = key.split('/');
    await this.write(table, dt, file);
  }

  private async write(table: string, dt: string, file: ParquetFileBuilder): Promise<void> {
    const dir = tablePartitionDir(this.warehouse, table, dt);
    const path = join(dir, uniqueFileName('.parquet'));
    await mkdir(dir, { recursive: true });
    await writeFile(path, file.toParquet());
    this.files.push(path);
  }
}
