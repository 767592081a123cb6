/**
 * The local twin of a Glue table: a DuckDB view over the table's Parquet files in the
 * warehouse, with the columns and types of its definition in transform/tables.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join, sep } from 'node:path';
import type { TableDefinition } from '../../transform/tables/index.ts';
import { duckdbType, quoteIdentifier, quoteLiteral } from './duckdb-type.ts';

/**
 * Returns `CREATE OR REPLACE VIEW <table>` reading `WAREHOUSE/<table>/dt=.../*.parquet`
 * with hive partitioning, every column cast to its defined type and the partition keys as
 * strings, as Glue declares them. A table with no files yet becomes an empty view of the
 * same columns, because DuckDB refuses to read a glob that matches nothing.
 *
 * Note: which files exist is decided when the view is created; open the warehouse again to
 * see files written since.
 */
export function tableViewSql(table: TableDefinition, warehouse: string): string {
  const folder = join(warehouse, table.name);
  const depth = table.partitionKeys.length + 1;
  const source = hasFilesAtDepth(folder, '.parquet', depth)
    ? parquetSource(table, folder)
    : undefined;
  const columns = [...table.columns, ...table.partitionKeys].map((column) => {
    const value = source ? quoteIdentifier(column.name) : 'NULL';
    return `CAST(${value} AS ${duckdbType(column.type)}) AS ${quoteIdentifier(column.name)}`;
  });
  const from = source ? `FROM ${source}` : 'WHERE false';
  const view = quoteIdentifier(table.name);
  return `CREATE OR REPLACE VIEW ${view} AS SELECT ${columns.join(', ')} ${from}`;
}

function parquetSource(table: TableDefinition, folder: string): string {
  const glob = join(folder, ...table.partitionKeys.map((key) => `${key.name}=*`), '*.parquet');
  const partitionTypes = table.partitionKeys.map((key) => `${quoteLiteral(key.name)}: 'VARCHAR'`);
  return (
    `read_parquet(${quoteLiteral(glob)}, hive_partitioning = true, union_by_name = true, ` +
    `hive_types = {${partitionTypes.join(', ')}})`
  );
}

/**
 * True when `folder` holds a file ending in `extension` exactly `depth` levels down (one per
 * partition key, then the file), the files a partitioned glob matches.
 */
export function hasFilesAtDepth(folder: string, extension: string, depth: number): boolean {
  if (!existsSync(folder)) return false;
  return readdirSync(folder, { recursive: true, encoding: 'utf8' }).some(
    (file) => file.endsWith(extension) && file.split(sep).length === depth,
  );
}
