/**
 * Times the transform handler alone against the floor of the same work, batch by batch over
 * a feed: only the timed calls count, not reading the file or building the Firehose events.
 */
import { Logger } from '@aws-lambda-powertools/logger';
import type { FirehoseTransformationEvent } from 'aws-lambda';
import { firehoseBatches } from '../local/firehose/firehose-batches.ts';
import { firehoseEvent } from '../local/firehose/firehose-event.ts';
import { readRecords } from '../local/read/read-records.ts';
import { createHandler } from '../transform/handler.ts';
import { TABLE_NAMES } from '../transform/tables/index.ts';

export interface HandlerTimings {
  readonly records: number;
  /** Seconds spent in each table's handler. */
  readonly handlerSeconds: Record<string, number>;
  /** Seconds for the floor: base64 decode, JSON.parse, JSON.stringify, base64 encode. */
  readonly floorSeconds: number;
}

export async function timeHandlerAndFloor(feed: string): Promise<HandlerTimings> {
  const handlers = TABLE_NAMES.map((tableName) => ({
    tableName,
    handler: createHandler({
      tableName,
      logger: new Logger({ logLevel: 'SILENT' }),
      metrics: null,
    }),
  }));
  const handlerSeconds: Record<string, number> = Object.fromEntries(
    TABLE_NAMES.map((name) => [name, 0]),
  );
  let floorSeconds = 0;
  let records = 0;

  for await (const batch of firehoseBatches(readRecords([feed]))) {
    const event = firehoseEvent(batch, { arrivalMs: Date.now(), firstOrdinal: records });
    records += batch.length;
    for (const { tableName, handler } of handlers) {
      const started = performance.now();
      await handler(event);
      handlerSeconds[tableName] = (handlerSeconds[tableName] ?? 0) + elapsed(started);
    }
    const started = performance.now();
    floor(event);
    floorSeconds += elapsed(started);
  }
  return { records, handlerSeconds, floorSeconds };
}

/** The least any transform must do with a record: decode it, parse it, write it, encode it. */
function floor(event: FirehoseTransformationEvent): string[] {
  return event.records.map((record) => {
    try {
      const value: unknown = JSON.parse(Buffer.from(record.data, 'base64').toString('utf8'));
      return Buffer.from(`${JSON.stringify(value)}\n`).toString('base64');
    } catch {
      // A broken record costs the floor nothing more: it goes back as it came.
      return record.data;
    }
  });
}

function elapsed(startedMs: number): number {
  return (performance.now() - startedMs) / 1000;
}
