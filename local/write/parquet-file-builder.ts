/**
 * Accumulates rows of one table column by column (Arrow builders, so memory holds compact
 * columns rather than row objects) and encodes them as one Snappy-compressed Parquet file.
 */
import {
  type Builder,
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

export class ParquetFileBuilder {
  private readonly schema: Schema;
  private readonly builder: Builder;
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
  }

  /** The Parquet file of every row appended; the builder is spent afterwards. */
  toParquet(): Uint8Array {
    const batch = new RecordBatch(this.schema, this.builder.finish().flush());
    const ipc = tableToIPC(new Table([batch]), 'stream');
    const properties = new WriterPropertiesBuilder().setCompression(Compression.SNAPPY).build();
    return writeParquet(ParquetTable.fromIPCStream(ipc), properties);
  }
}
