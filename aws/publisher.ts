/**
 * Puts records on a Kinesis stream with PutRecords, the way VenueNext's publisher does:
 * batches within the Kinesis limits, and only the entries a request rejected are retried,
 * with exponential backoff and jitter, a bounded number of times.
 *
 * Note: a retried record lands after the records of its batch that were accepted first, so
 * under throttling two events of one order can reach their shard out of order. The warehouse
 * does not depend on arrival order: the latest snapshot is chosen by state history time.
 */
import {
  type KinesisClient,
  PutRecordsCommand,
  type PutRecordsRequestEntry,
} from '@aws-sdk/client-kinesis';
import { type BackoffOptions, backoffDelayMs, sleep } from './backoff.ts';
import { MAX_BYTES_PER_RECORD } from './kinesis-limits.ts';
import { putBatches } from './put-batches.ts';
import { entrySize, type StreamEntry } from './stream-entry.ts';

export interface PublishOptions {
  /** Stream name, or stream ARN (starting with `arn:`). */
  readonly stream: string;
  /** Requests per batch, counting the first; the rest of a batch then fails. @default 5 */
  readonly maxAttempts?: number;
  readonly backoff?: BackoffOptions;
  /** How to wait between attempts. @default a real timer */
  readonly sleep?: (ms: number) => Promise<void>;
}

/** A record that never made it onto the stream, and Kinesis's last word on why. */
export interface UnpublishedRecord {
  readonly source: string;
  readonly partitionKey: string;
  readonly errorCode: string;
  readonly errorMessage: string;
}

export interface PublishResult {
  /** How many records Kinesis accepted. */
  readonly published: number;
  /** In the order they were given up on. */
  readonly unpublished: UnpublishedRecord[];
  /** The sources of the accepted records, in input order. */
  readonly publishedSources: string[];
}

/** The result while it is being counted. */
type Tally = { -readonly [K in keyof PublishResult]: PublishResult[K] };

/**
 * A whole PutRecords request failed (after the SDK's own retries), e.g. the stream does not
 * exist or the caller may not write to it; `published` records made it before that.
 */
export class PublishRequestError extends Error {
  constructor(
    message: string,
    readonly published: number,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'PublishRequestError';
  }
}

export async function publishRecords(
  client: KinesisClient,
  entries: AsyncIterable<StreamEntry> | Iterable<StreamEntry>,
  options: PublishOptions,
): Promise<PublishResult> {
  const result: Tally = { published: 0, unpublished: [], publishedSources: [] };

  for await (const batch of putBatches(rejectOversized(entries, result))) {
    await putBatch(client, batch, options, result);
  }
  return result;
}

/** A record over 1 MiB can never be put: it is reported, and its neighbours go on. */
async function* rejectOversized(
  entries: AsyncIterable<StreamEntry> | Iterable<StreamEntry>,
  result: Tally,
): AsyncGenerator<StreamEntry> {
  for await (const entry of entries) {
    const size = entrySize(entry);
    if (size <= MAX_BYTES_PER_RECORD) {
      yield entry;
      continue;
    }
    result.unpublished.push({
      source: entry.source,
      partitionKey: entry.partitionKey,
      errorCode: 'RecordTooLarge',
      errorMessage: `${size} bytes with its partition key; Kinesis takes at most 1 MiB`,
    });
  }
}

async function putBatch(
  client: KinesisClient,
  batch: StreamEntry[],
  options: PublishOptions,
  result: Tally,
): Promise<void> {
  const maxAttempts = options.maxAttempts ?? 5;
  const wait = options.sleep ?? sleep;
  let pending = batch;
  let rejected: UnpublishedRecord[] = [];

  for (let attempt = 1; attempt <= maxAttempts && pending.length > 0; attempt++) {
    if (attempt > 1) await wait(backoffDelayMs(attempt - 1, options.backoff));

    const answers = await send(client, pending, options.stream, result.published);
    const retry: StreamEntry[] = [];
    rejected = [];
    pending.forEach((entry, index) => {
      const answer = answers[index];
      if (answer && !answer.ErrorCode) {
        result.published += 1;
        result.publishedSources.push(entry.source);
        return;
      }
      retry.push(entry);
      rejected.push({
        source: entry.source,
        partitionKey: entry.partitionKey,
        errorCode: answer?.ErrorCode ?? 'MissingResult',
        errorMessage: answer?.ErrorMessage ?? 'PutRecords returned no result for this record',
      });
    });
    pending = retry;
  }

  result.unpublished.push(...rejected);
}

async function send(
  client: KinesisClient,
  entries: StreamEntry[],
  stream: string,
  published: number,
) {
  const records: PutRecordsRequestEntry[] = entries.map((entry) => ({
    Data: entry.data,
    PartitionKey: entry.partitionKey,
  }));
  const target = stream.startsWith('arn:') ? { StreamARN: stream } : { StreamName: stream };

  try {
    const answer = await client.send(new PutRecordsCommand({ ...target, Records: records }));
    return answer.Records ?? [];
  } catch (error) {
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    const first = entries[0]?.source ?? 'the first record';
    throw new PublishRequestError(
      `PutRecords to ${stream} failed (${reason}); ${published} records were put; ` +
        `the first record not put is ${first}`,
      published,
      { cause: error },
    );
  }
}
