/**
 * Writes rows to `WAREHOUSE/<table>/dt=<dt>/<unique>.parquet`, one Parquet file per table
 * partition each time {@link rowsPerFile} rows have gathered, and the rest on {@link close}.
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

export class PartitionWriter {
  private readonly open = new Map<string, ParquetFileBuilder>();
  /** Every Parquet file written, in order. */
  readonly files: string[] = [];

  constructor(
    private readonly warehouse: string,
    private readonly rowsPerFile = DEFAULT_ROWS_PER_FILE,
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
    if (file.rowCount >= this.rowsPerFile) {
      this.open.delete(key);
      await this.write(table.name, dt, file);
    }
  }

  /** Writes every partition that still holds rows. */
  async close(): Promise<void> {
    for (const [key, file] of this.open) {
      const [table = '', dt = ''] = key.split('/');
      await this.write(table, dt, file);
    }
    this.open.clear();
  }

  private async write(table: string, dt: string, file: ParquetFileBuilder): Promise<void> {
    const dir = tablePartitionDir(this.warehouse, table, dt);
    const path = join(dir, uniqueFileName('.parquet'));
    await mkdir(dir, { recursive: true });
    await writeFile(path, file.toParquet());
    this.files.push(path);
  }
}
