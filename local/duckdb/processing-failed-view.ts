/**
 * The `processing_failed` view: the records the transform answered `ProcessingFailed`, as
 * Firehose writes them under `errors/processing-failed/table=<table>/dt=<arrival date>/`
 * (one JSON object per line; layout in docs/CONTRACTS.md).
 *
 * Firehose fixes the shape of these records, so their columns are listed here rather than in
 * transform/tables. The view renames Firehose's camelCase keys to the snake_case columns a
 * Glue table over the same prefix would declare, and the `table` partition to `table_name`
 * (TABLE is a reserved word in Trino).
 */
import { join } from 'node:path';
import { quoteIdentifier, quoteLiteral } from './duckdb-type.ts';
import { hasFilesAtDepth } from './table-view.ts';

export const PROCESSING_FAILED_VIEW = 'processing_failed';

export const PROCESSING_FAILED_PREFIX = join('errors', 'processing-failed');

/** Firehose error record keys, with the column and DuckDB type each becomes. */
const ERROR_RECORD_FIELDS = [
  { key: 'attemptsMade', column: 'attempts_made', type: 'BIGINT' },
  { key: 'arrivalTimestamp', column: 'arrival_timestamp', type: 'BIGINT' },
  { key: 'errorCode', column: 'error_code', type: 'VARCHAR' },
  { key: 'errorMessage', column: 'error_message', type: 'VARCHAR' },
  { key: 'attemptEndingTimestamp', column: 'attempt_ending_timestamp', type: 'BIGINT' },
  { key: 'rawData', column: 'raw_data', type: 'VARCHAR' },
  { key: 'lambdaArn', column: 'lambda_arn', type: 'VARCHAR' },
] as const;

const PARTITIONS = [
  { key: 'table', column: 'table_name' },
  { key: 'dt', column: 'dt' },
] as const;

/**
 * Returns `CREATE OR REPLACE VIEW processing_failed`, empty (with the same columns) while
 * the warehouse holds no error records. Timestamps stay epoch milliseconds, as Firehose
 * writes them.
 */
export function processingFailedViewSql(warehouse: string): string {
  const folder = join(warehouse, PROCESSING_FAILED_PREFIX);
  const present = hasFilesAtDepth(folder, '.json', PARTITIONS.length + 1);
  const columns = [
    ...ERROR_RECORD_FIELDS.map(({ key, column, type }) =>
      selectAs(present ? quoteIdentifier(key) : 'NULL', type, column),
    ),
    ...PARTITIONS.map(({ key, column }) =>
      selectAs(present ? quoteIdentifier(key) : 'NULL', 'VARCHAR', column),
    ),
  ];
  const from = present ? `FROM ${jsonSource(folder)}` : 'WHERE false';
  return `CREATE OR REPLACE VIEW ${PROCESSING_FAILED_VIEW} AS SELECT ${columns.join(', ')} ${from}`;
}

function selectAs(value: string, type: string, column: string): string {
  return `CAST(${value} AS ${type}) AS ${quoteIdentifier(column)}`;
}

function jsonSource(folder: string): string {
  const glob = join(folder, ...PARTITIONS.map(({ key }) => `${key}=*`), '*.json');
  const fields = ERROR_RECORD_FIELDS.map(({ key, type }) => `${quoteLiteral(key)}: '${type}'`);
  return (
    `read_json(${quoteLiteral(glob)}, format = 'newline_delimited', ` +
    `columns = {${fields.join(', ')}}, hive_partitioning = true, ` +
    `hive_types = {'table': 'VARCHAR', 'dt': 'VARCHAR'})`
  );
}
