/**
 * Test helper: the rows the real transform makes of the document's sample event.
 */
import { Logger } from '@aws-lambda-powertools/logger';
import { firehoseEvent } from '../../../local/firehose/firehose-event.ts';
import { createHandler } from '../../../transform/handler.ts';
import type { TableName } from '../../../transform/tables/index.ts';
import { SAMPLE_TEXT } from './events.ts';

export async function sampleRows(tableName: TableName) {
  const transform = createHandler({
    tableName,
    logger: new Logger({ logLevel: 'SILENT' }),
    metrics: null,
  });
  const event = firehoseEvent([{ bytes: Buffer.from(SAMPLE_TEXT) }], {
    arrivalMs: 0,
    firstOrdinal: 0,
  });
  const [answer] = (await transform(event)).records;
  const lines = Buffer.from(answer?.data ?? '', 'base64')
    .toString()
    .trimEnd()
    .split('\n');
  return lines.map((line) => JSON.parse(line) as Record<string, unknown>);
}
