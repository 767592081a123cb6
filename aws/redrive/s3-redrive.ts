/**
 * Redrives Firehose processing-failed error records from S3 onto the Kinesis stream, where
 * the delivery streams read them again with today's transform.
 *
 * A record Kinesis accepted is removed from its error objects: from there on it is in the
 * pipeline again, and if it still fails, Firehose writes it to a new error object under the
 * date it arrived again. A record Kinesis did not accept stays in its object. Objects are
 * read, then rewritten or deleted only after the put, so a crash can at worst redrive a
 * record twice, never lose one. Firehose never rewrites an object it wrote, so rewriting is
 * safe as long as one redrive runs at a time.
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import type { KinesisClient } from '@aws-sdk/client-kinesis';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  PutObjectCommand,
  paginateListObjectsV2,
  type S3Client,
} from '@aws-sdk/client-s3';
import { digestKey, partitionKeyOf } from '../partition-key.ts';
import { type PublishOptions, publishRecords, type UnpublishedRecord } from '../publisher.ts';
import type { StreamEntry } from '../stream-entry.ts';
import { type ErrorFile, keptDocuments, readErrorFile } from './error-documents.ts';

/** Where Firehose writes processing-failed records (docs/CONTRACTS.md). */
export const ERRORS_PREFIX = 'errors/processing-failed/';

export interface S3RedriveOptions extends PublishOptions {
  readonly bucket: string;
  /** @default {@link ERRORS_PREFIX} */
  readonly prefix?: string;
}

export interface S3RedriveSummary {
  /** Distinct failed records found (a record failing for two tables counts once). */
  readonly records: number;
  /** Records put back on the stream. */
  readonly published: number;
  /** Records Kinesis did not accept; they stay in their error objects. */
  readonly unpublished: UnpublishedRecord[];
  /** Error documents that could not be read, left untouched: `s3://...: reason`. */
  readonly unreadable: string[];
  readonly objectsRewritten: string[];
  readonly objectsDeleted: string[];
}

interface ErrorObject {
  readonly file: ErrorFile;
  readonly key: string;
  readonly gzipped: boolean;
}

export async function redriveS3(
  s3: S3Client,
  kinesis: KinesisClient,
  options: S3RedriveOptions,
): Promise<S3RedriveSummary> {
  const objects = await readErrorObjects(s3, options);
  const { entries, rawDataBySource } = streamEntries(objects);

  const result = await publishRecords(kinesis, entries, options);
  const published = new Set(result.publishedSources.map((source) => rawDataBySource.get(source)));
  const changes = await applyChanges(s3, options.bucket, objects, published);

  return {
    records: entries.length,
    published: result.published,
    unpublished: result.unpublished,
    unreadable: objects.flatMap(({ file }) =>
      file.documents.flatMap((doc) => (doc.problem ? [`${file.location}: ${doc.problem}`] : [])),
    ),
    ...changes,
  };
}

async function readErrorObjects(s3: S3Client, options: S3RedriveOptions) {
  const { bucket, prefix = ERRORS_PREFIX } = options;
  const objects: ErrorObject[] = [];

  for await (const page of paginateListObjectsV2(
    { client: s3 },
    { Bucket: bucket, Prefix: prefix },
  )) {
    for (const { Key: key } of page.Contents ?? []) {
      if (!key || key.endsWith('/')) continue;
      const answer = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
      const stored = Buffer.from((await answer.Body?.transformToByteArray()) ?? []);
      const gzipped = stored[0] === 0x1f && stored[1] === 0x8b;
      const bytes = gzipped ? gunzipSync(stored) : stored;
      objects.push({ file: readErrorFile(`s3://${bucket}/${key}`, bytes), key, gzipped });
    }
  }
  return objects;
}

/** One entry per distinct record, named after the first place it was found. */
function streamEntries(objects: readonly ErrorObject[]) {
  const entries: StreamEntry[] = [];
  const rawDataBySource = new Map<string, string>();
  const seen = new Set<string>();

  for (const { file } of objects) {
    file.documents.forEach((doc, index) => {
      if (doc.rawData === undefined || seen.has(doc.rawData)) return;
      seen.add(doc.rawData);
      const source = `${file.location} record ${index + 1}`;
      const data = Buffer.from(doc.rawData, 'base64');
      entries.push({ source, data, partitionKey: redriveKey(data) });
      rawDataBySource.set(source, doc.rawData);
    });
  }
  return { entries, rawDataBySource };
}

/** The order uuid, else the envelope id, else a digest of the bytes. */
function redriveKey(data: Uint8Array): string {
  return partitionKeyOf(data) ?? digestKey(data);
}

async function applyChanges(
  s3: S3Client,
  bucket: string,
  objects: readonly ErrorObject[],
  published: ReadonlySet<string | undefined>,
) {
  const objectsRewritten: string[] = [];
  const objectsDeleted: string[] = [];

  for (const { file, key, gzipped } of objects) {
    const { text, removed } = keptDocuments(file, (rawData) => !published.has(rawData));
    if (removed === 0) continue;

    if (text === undefined) {
      await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
      objectsDeleted.push(file.location);
    } else {
      const body = gzipped ? gzipSync(text) : text;
      await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body }));
      objectsRewritten.push(file.location);
    }
  }
  return { objectsRewritten, objectsDeleted };
}
