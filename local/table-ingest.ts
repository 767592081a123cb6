/**
 * Runs the transform of one table over each batch and lands its answers: `Ok` rows in
 * Parquet, `ProcessingFailed` records in the errors layout, and every answer in the summary.
 */
import { Logger } from '@aws-lambda-powertools/logger';
import type { FirehoseTransformationEvent, FirehoseTransformationResultRecord } from 'aws-lambda';
import {
  type BatchCounts,
  createHandler,
  type RecordFailure,
  type TransformHandler,
} from '../transform/handler.ts';
import type { TableDefinition, TableName } from '../transform/tables/index.ts';
import { rowProblems } from '../transform/tables/validate-row.ts';
import {
  emptyTableSummary,
  type FailureExample,
  MAX_FAILURE_EXAMPLES,
  type TableSummary,
} from './ingest-summary.ts';
import type { SourceRecord } from './read/read-records.ts';
import type { PartitionWriter } from './write/partition-writer.ts';
import {
  type ProcessingFailedRecord,
  writeProcessingFailed,
} from './write/processing-failed-writer.ts';

/** The transform broke the Firehose contract: an answer missing, unknown or repeated. */
export class TransformAnswerError extends Error {
  override readonly name = 'TransformAnswerError';
}

export interface BatchContext {
  readonly event: FirehoseTransformationEvent;
  readonly batch: readonly SourceRecord[];
  readonly arrivalMs: number;
  /** Shared by every table; filled up to MAX_FAILURE_EXAMPLES. */
  readonly failureExamples: FailureExample[];
}

export class TableIngest {
  readonly summary: TableSummary;
  private batchCounts: BatchCounts | undefined;
  private readonly failures = new Map<string, RecordFailure>();
  private readonly handler: TransformHandler;

  constructor(
    private readonly table: TableDefinition & { readonly name: TableName },
    private readonly writer: PartitionWriter,
    private readonly warehouse: string,
  ) {
    this.summary = emptyTableSummary(table.name);
    this.handler = createHandler({
      tableName: table.name,
      onProcessingFailed: (failure) => this.failures.set(failure.recordId, failure),
      // The summary and the errors layout report failures; Lambda logs would only repeat them.
      logger: new Logger({ logLevel: 'SILENT' }),
      metrics: null,
      onBatchCounts: (counts) => {
        this.batchCounts = counts;
      },
    });
  }

  /** Transforms one batch and lands its answers; returns the error files written. */
  async process(context: BatchContext): Promise<string[]> {
    this.failures.clear();

    const result = await this.handler(context.event);
    const answers = answersByRecordId(context.event, result.records);

    const failed: ProcessingFailedRecord[] = [];
    for (const [index, eventRecord] of context.event.records.entries()) {
      const answer = answers.get(eventRecord.recordId) as FirehoseTransformationResultRecord;
      const failure =
        answer.result === 'Ok'
          ? await this.land(answer)
          : answer.result === 'ProcessingFailed'
            ? this.failureOf(eventRecord.recordId)
            : undefined;
      if (!failure) continue;

      this.summary.failed++;
      failed.push({
        rawData: eventRecord.data,
        arrivalMs: context.arrivalMs,
        errorMessage: `${failure.path}: ${failure.reason}`,
      });
      this.addExample(context, index, failure);
    }

    // Why records were Dropped comes from the transform's own counts of this batch.
    this.summary.duplicates += this.batchCounts?.duplicates ?? 0;
    this.summary.nonOrderEvents += this.batchCounts?.nonOrderEvents ?? 0;
    this.summary.noRows += this.batchCounts?.noRows ?? 0;
    return writeProcessingFailed(this.warehouse, this.table.name, failed, Date.now());
  }

  /** Writes an `Ok` answer's rows; a row that does not fit the table fails its record. */
  private async land(answer: FirehoseTransformationResultRecord) {
    const rows = Buffer.from(answer.data ?? '', 'base64')
      .toString('utf8')
      .split('\n')
      .filter((line) => line.length > 0)
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    const problems = rows.flatMap((row) => rowProblems(this.table, row));
    if (problems.length > 0) {
      return { path: '$', reason: `rows do not fit ${this.table.name}: ${problems.join('; ')}` };
    }

    const dt = answer.metadata?.partitionKeys.dt;
    if (!dt) return { path: '$', reason: 'the transform gave no dt partition key' };

    await this.writer.append(this.table, dt, rows);
    this.summary.written++;
    this.summary.rows += rows.length;
    return undefined;
  }

  private failureOf(recordId: string): Omit<RecordFailure, 'recordId'> {
    return this.failures.get(recordId) ?? { path: '$', reason: 'the transform gave no reason' };
  }

  private addExample(
    context: BatchContext,
    index: number,
    failure: Omit<RecordFailure, 'recordId'>,
  ): void {
    if (context.failureExamples.length >= MAX_FAILURE_EXAMPLES) return;
    const record = context.batch[index] as SourceRecord;
    context.failureExamples.push({
      table: this.table.name,
      source: record.source,
      recordNumber: record.recordNumber,
      ...(failure.eventId === undefined ? {} : { eventId: failure.eventId }),
      path: failure.path,
      reason: failure.reason,
    });
  }
}

function answersByRecordId(
  event: FirehoseTransformationEvent,
  answers: readonly FirehoseTransformationResultRecord[],
): Map<string, FirehoseTransformationResultRecord> {
  const byId = new Map(answers.map((answer) => [answer.recordId, answer]));
  const missing = event.records.filter((record) => !byId.has(record.recordId));
  if (byId.size !== answers.length || answers.length !== event.records.length || missing.length) {
    throw new TransformAnswerError(
      `the transform answered ${answers.length} records (${byId.size} distinct ids) ` +
        `for a batch of ${event.records.length}`,
    );
  }
  return byId;
}
