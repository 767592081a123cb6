/**
 * Accumulates rows of one table column by column and encodes them as one Snappy-compressed
 * Parquet file.
 *
 * Arrow's JS builders hold string values as JS strings until they are flushed, which costs
 * many times their encoded size; so the rows are flushed into compact Arrow data every
 * {@link ROWS_PER_CHUNK} rows, and memory stays near the encoded size of the file.
 */
import {
  type Builder,
  type Data,
  makeBuilder,
  RecordBatch,
  type Schema,
  Struct,
  Table,
  tableToIPC,
} from 'apache-arrow';
import {
  Compression,
  Table as ParquetTable,
  WriterPropertiesBuilder,
  writeParquet,
} from 'parquet-wasm';
import type { TableDefinition } from '../../transform/tables/index.ts';
import { arrowRow, arrowSchema } from '../arrow-schema.ts';

const ROWS_PER_CHUNK = 1000;

export class ParquetFileBuilder {
  private readonly schema: Schema;
  private readonly builder: Builder<Struct>;
  private readonly chunks: Data<Struct>[] = [];
  private count = 0;

  constructor(private readonly table: TableDefinition) {
    this.schema = arrowSchema(table);
    this.builder = makeBuilder({ type: new Struct(this.schema.fields), nullValues: [null] });
  }

  get rowCount(): number {
    return this.count;
  }

  /** Adds one row in the transform's JSON form (docs/CONTRACTS.md). */
  append(row: Record<string, unknown>): void {
    this.builder.append(arrowRow(this.table.columns, row));
    this.count++;
    if (this.count % ROWS_PER_CHUNK === 0) this.chunks.push(this.builder.flush());
  }

  /** The Parquet file of every row appended; the builder is spent afterwards. */
  toParquet(): Uint8Array {
    if (this.count % ROWS_PER_CHUNK !== 0) this.chunks.push(this.builder.flush());
    this.builder.finish();
    const batches = this.chunks.map((chunk) => new RecordBatch(this.schema, chunk));
    const ipc = tableToIPC(new Table(this.schema, batches), 'stream');
    const properties = new WriterPropertiesBuilder().setCompression(Compression.SNAPPY).build();
    return writeParquet(ParquetTable.fromIPCStream(ipc), properties);
  }
}
