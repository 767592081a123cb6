/**
 * Reads Firehose processing-failed error records (docs/CONTRACTS.md, "Warehouse layout"):
 * JSON objects, one per line, each holding the failed record's original bytes in base64
 * `rawData`. Every document keeps its exact text, so a file can be rewritten with some of
 * its documents left out and the others unchanged.
 */
import { RecordSplitter } from '../../local/read/record-splitter.ts';

export interface ErrorDocument {
  /** The document exactly as it was in the file, without its line break. */
  readonly text: Buffer;
  /** The failed record's original bytes, base64; undefined when the document is unreadable. */
  readonly rawData?: string;
  /** Why the document cannot be redriven; it then stays in its file untouched. */
  readonly problem?: string;
}

/** An error file or object: where it is, the table whose transform failed, its documents. */
export interface ErrorFile {
  readonly location: string;
  /** From the `table=<table>` folder of the path; undefined when the path has none. */
  readonly table?: string;
  readonly documents: readonly ErrorDocument[];
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

export function readErrorFile(location: string, bytes: Uint8Array): ErrorFile {
  const splitter = new RecordSplitter();
  const split = [...splitter.push(bytes), ...splitter.end()];
  const documents = split.map((record) =>
    record.malformed
      ? { text: record.bytes, problem: 'not a JSON document' }
      : errorDocument(record.bytes),
  );
  return { location, table: tableOf(location), documents };
}

function errorDocument(text: Buffer): ErrorDocument {
  const parsed: unknown = JSON.parse(text.toString('utf8'));
  const rawData = (parsed as { rawData?: unknown }).rawData;
  if (typeof rawData === 'string' && rawData.length % 4 === 0 && BASE64.test(rawData)) {
    return { text, rawData };
  }
  return { text, problem: 'rawData is missing or not base64' };
}

function tableOf(location: string): string | undefined {
  return /(?:^|\/)table=([^/]+)\//.exec(location.replaceAll('\\', '/'))?.[1];
}

export interface KeptDocuments {
  /** The kept documents, one per line; undefined when none is kept. */
  readonly text?: Buffer;
  readonly removed: number;
}

/**
 * The file with only the documents `keep` accepts. Unreadable documents are always kept: a
 * redrive never drops what it cannot read.
 */
export function keptDocuments(file: ErrorFile, keep: (rawData: string) => boolean): KeptDocuments {
  const kept = file.documents.filter((doc) => doc.rawData === undefined || keep(doc.rawData));
  const removed = file.documents.length - kept.length;
  if (kept.length === 0) return { removed };
  return { text: Buffer.concat(kept.flatMap((doc) => [doc.text, Buffer.from('\n')])), removed };
}
