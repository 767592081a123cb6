/**
 * The `processing_failed` view: the records the transform answered `ProcessingFailed`, as
 * Firehose writes them under `errors/processing-failed/table=<table>/dt=<arrival date>/`
 * (one JSON object per line; layout in docs/CONTRACTS.md).
 *
 * Its columns are those of the Glue table of the same name (infra/source-tables.ts), each
 * read from the JSON key its Ion path extractor names, so a saved query reads the same
 * columns here and on Athena. The partition keys are `table` (quote it: TABLE is a reserved
 * word in Trino) and `dt`.
 */
import { join } from 'node:path';
import { PROCESSING_FAILED, type SourceColumn } from '../../infra/source-tables.ts';
import { quoteIdentifier, quoteLiteral } from './duckdb-type.ts';
import { hasFilesAtDepth } from './table-view.ts';

export const PROCESSING_FAILED_PREFIX = join('errors', 'processing-failed');

const PARTITION_KEYS = ['table', 'dt'] as const;

/** DuckDB types of the Glue types the error record columns use. */
const DUCKDB_TYPES: Readonly<Record<string, string>> = {
  int: 'INTEGER',
  bigint: 'BIGINT',
  string: 'VARCHAR',
};

/**
 * Returns `CREATE OR REPLACE VIEW processing_failed`, empty (with the same columns) while
 * the warehouse holds no error records. Timestamps stay epoch milliseconds, as Firehose
 * writes them.
 */
export function processingFailedViewSql(warehouse: string): string {
  const folder = join(warehouse, PROCESSING_FAILED_PREFIX);
  const present = hasFilesAtDepth(folder, '.json', PARTITION_KEYS.length + 1);
  const columns = [
    ...PROCESSING_FAILED.columns.map((column) =>
      selectAs(
        present ? quoteIdentifier(jsonKey(column)) : 'NULL',
        duckdbType(column),
        column.name,
      ),
    ),
    ...PARTITION_KEYS.map((key) =>
      selectAs(present ? quoteIdentifier(key) : 'NULL', 'VARCHAR', key),
    ),
  ];
  const from = present ? `FROM ${jsonSource(folder)}` : 'WHERE false';
  const view = quoteIdentifier(PROCESSING_FAILED.name);
  return `CREATE OR REPLACE VIEW ${view} AS SELECT ${columns.join(', ')} ${from}`;
}

function selectAs(value: string, type: string, column: string): string {
  return `CAST(${value} AS ${type}) AS ${quoteIdentifier(column)}`;
}

function jsonSource(folder: string): string {
  const glob = join(folder, ...PARTITION_KEYS.map((key) => `${key}=*`), '*.json');
  const fields = PROCESSING_FAILED.columns.map(
    (column) => `${quoteLiteral(jsonKey(column))}: '${duckdbType(column)}'`,
  );
  const partitionTypes = PARTITION_KEYS.map((key) => `${quoteLiteral(key)}: 'VARCHAR'`);
  return (
    `read_json(${quoteLiteral(glob)}, format = 'newline_delimited', ` +
    `columns = {${fields.join(', ')}}, hive_partitioning = true, ` +
    `hive_types = {${partitionTypes.join(', ')}})`
  );
}

/** The top-level JSON key of an Ion path extractor such as `(attemptsMade)`. */
function jsonKey(column: SourceColumn): string {
  const match = /^\((\w+)\)$/.exec(column.path);
  if (!match?.[1]) throw new Error(`${column.name}: path ${column.path} is not a top-level key`);
  return match[1];
}

function duckdbType(column: SourceColumn): string {
  const type = DUCKDB_TYPES[column.type.inputString];
  if (!type) throw new Error(`${column.name}: no DuckDB type for Glue ${column.type.inputString}`);
  return type;
}
