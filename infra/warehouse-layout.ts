/**
 * Where things live in the data bucket. The local warehouse mirrors the same layout (see
 * docs/CONTRACTS.md), so the S3 prefixes and the Glue table locations are written once here.
 */

/** The `dt` a delivery stream's Lambda returns in `metadata.partitionKeys`. */
const DT_FROM_LAMBDA = '!{partitionKeyFromLambda:dt}';

/** Arrival date: failed and raw records have no `dt` from the Lambda. */
const ARRIVAL_DATE = '!{timestamp:yyyy-MM-dd}';

/** The folder per Firehose error type, e.g. `processing-failed`. */
const ERROR_TYPE = '!{firehose:error-output-type}';

/** Parquet objects of one table: `<table>/dt=YYYY-MM-DD/`. */
export function tablePrefix(table: string): string {
  return `${table}/dt=${DT_FROM_LAMBDA}/`;
}

/** Firehose error output of one table's delivery stream, one folder per error type. */
export function tableErrorPrefix(table: string): string {
  return `errors/${ERROR_TYPE}/table=${table}/dt=${ARRIVAL_DATE}/`;
}

/** The untouched source records, by arrival date. */
export const RAW_PREFIX = `raw/dt=${ARRIVAL_DATE}/`;

/** Records the raw backup itself failed to write (S3 errors, not bad events). */
export const RAW_ERROR_PREFIX = `errors/raw-backup/${ERROR_TYPE}/dt=${ARRIVAL_DATE}/`;

/** The folders the Glue tables point at. */
export const TABLE_FOLDERS = {
  raw: 'raw/',
  processingFailed: 'errors/processing-failed/',
} as const;
