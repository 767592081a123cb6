/**
 * What an ingest did with every input record, per table: the answer the transform gave it.
 */

/** Per table, every record is counted exactly once: written, duplicate, non-order... */
export interface TableSummary {
  readonly table: string;
  /** Records answered `Ok`, whose rows are in the warehouse. */
  written: number;
  /** Rows written for those records. */
  rows: number;
  /** Records answered `Dropped` as an exact duplicate of an earlier record in their batch. */
  duplicates: number;
  /** Records answered `Dropped` because their event type is not order.state.change. */
  nonOrderEvents: number;
  /** Records answered `Dropped` because the order has no rows for this table. */
  noRows: number;
  /** Records answered `ProcessingFailed`, kept in the errors layout with their reason. */
  failed: number;
}

/** One record that failed, for the person running the ingest. */
export interface FailureExample {
  readonly table: string;
  readonly source: string;
  /** One-based position of the record within its source (see SourceRecord). */
  readonly recordNumber: number;
  readonly eventId?: string;
  readonly path: string;
  readonly reason: string;
}

export interface IngestSummary {
  readonly warehouse: string;
  /** Every record read from the inputs. */
  records: number;
  /** Of those, the ones that were not even a parseable JSON document. */
  malformed: number;
  /** Bytes of all records. */
  bytes: number;
  /** Firehose batches the records were sent in. */
  batches: number;
  readonly tables: TableSummary[];
  /** The first failures (up to {@link MAX_FAILURE_EXAMPLES}), to show why records failed. */
  readonly failureExamples: FailureExample[];
  /** Every file written: Parquet, errors and raw backup. */
  readonly files: string[];
}

export const MAX_FAILURE_EXAMPLES = 20;

export function emptyTableSummary(table: string): TableSummary {
  return { table, written: 0, rows: 0, duplicates: 0, nonOrderEvents: 0, noRows: 0, failed: 0 };
}

/** The records a table summary accounts for; equals the records read when nothing is lost. */
export function accountedRecords(summary: TableSummary): number {
  return (
    summary.written + summary.duplicates + summary.nonOrderEvents + summary.noRows + summary.failed
  );
}
