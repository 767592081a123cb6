/**
 * Writes records the transform answered `ProcessingFailed` in the shape Firehose gives its
 * error records in S3: one JSON object per line, the original bytes in `rawData`.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { LOCAL_LAMBDA_ARN } from '../firehose/local-delivery-stream.ts';
import { processingFailedDir, uniqueFileName, utcDate } from './warehouse-layout.ts';

export interface ProcessingFailedRecord {
  /** The record's original data, base64, exactly as Firehose handed it to the transform. */
  readonly rawData: string;
  readonly arrivalMs: number;
  /** Why it failed: the field path and the transform's reason. */
  readonly errorMessage: string;
}

/** Writes one file per call (one per table per batch); returns its path, if any. */
export async function writeProcessingFailed(
  warehouse: string,
  table: string,
  records: readonly ProcessingFailedRecord[],
  attemptEndingMs: number,
): Promise<string[]> {
  const byDate = new Map<string, ProcessingFailedRecord[]>();
  for (const record of records) {
    const dt = utcDate(record.arrivalMs);
    const group = byDate.get(dt);
    if (group) group.push(record);
    else byDate.set(dt, [record]);
  }
  const paths: string[] = [];

  for (const [dt, group] of byDate) {
    const dir = processingFailedDir(warehouse, table, dt);
    const path = join(dir, uniqueFileName('.json'));
    const lines = group.map((record) => `${JSON.stringify(errorLine(record, attemptEndingMs))}\n`);
    await mkdir(dir, { recursive: true });
    await writeFile(path, lines.join(''));
    paths.push(path);
  }
  return paths;
}

function errorLine(record: ProcessingFailedRecord, attemptEndingMs: number) {
  return {
    attemptsMade: 1,
    arrivalTimestamp: record.arrivalMs,
    errorCode: 'Lambda.ProcessingFailed',
    errorMessage: record.errorMessage,
    attemptEndingTimestamp: attemptEndingMs,
    rawData: record.rawData,
    lambdaArn: LOCAL_LAMBDA_ARN,
  };
}
