/**
 * Splits a byte stream of JSON documents into records: NDJSON, documents concatenated with no
 * separator (what Firehose writes to S3), pretty-printed documents, or any mix of them.
 * Each record is the exact bytes of one document; the transform decides what is valid.
 *
 * Resync rule. A document starts at a `{` and ends where its nesting closes. A document
 * that does not parse as JSON, does not close before the end of input, or passes
 * {@link MAX_DOCUMENT_BYTES}, and any bytes that are not a document (a garbage line, a stray
 * `}`), start a malformed region. The region ends at the first later `{` from which a
 * complete, parseable document can be read and which cannot be a nested value of the broken
 * text: it opens a line, or the last byte before it other than whitespace is not `:`, `,` or
 * `[` (the only bytes a nested object follows in JSON; pretty-printers indent nested objects,
 * so one at the very start of a line is taken as a new document). The region, trailing
 * whitespace trimmed, becomes one malformed record; reading resumes at that `{`. So a truncated object loses
 * only itself, whether its neighbour follows on the next line or glued to its last byte.
 * Invalid UTF-8 inside a string does not break the structure: it is the transform's to fail.
 */
import { DocumentScanner } from './document-scanner.ts';

/**
 * Firehose refuses records above 1,000 KiB, so no real event is longer; the bound also keeps
 * memory flat when a document never closes.
 */
export const MAX_DOCUMENT_BYTES = 1_000 * 1024;

export interface SplitRecord {
  readonly bytes: Buffer;
  /** True when the bytes are a malformed region rather than a parseable document. */
  readonly malformed: boolean;
}

const OPEN_BRACE = 0x7b;
const NEWLINE = 0x0a;
const NESTED_AFTER = new Set([0x3a, 0x2c, 0x5b]); // ':', ',', '['
const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const decoder = new TextDecoder();

export class RecordSplitter {
  private buffer: Buffer = Buffer.alloc(0);
  private position = 0;
  private atStreamStart = true;
  private document: DocumentScanner | undefined;
  private malformedStart: number | undefined;
  private candidate: DocumentScanner | undefined;
  private searchFrom = 0;
  /** The last non-whitespace byte before {@link searchFrom}. */
  private previousByte = OPEN_BRACE;

  constructor(private readonly maxDocumentBytes = MAX_DOCUMENT_BYTES) {}

  /** Adds bytes; returns the records they complete. */
  push(chunk: Uint8Array): SplitRecord[] {
    this.buffer =
      this.buffer.length === 0 ? Buffer.from(chunk) : Buffer.concat([this.buffer, chunk]);
    this.skipStreamBom();
    const records = this.drain(false);
    this.compact();
    return records;
  }

  /** Ends the input; returns the records left, the last of them possibly malformed. */
  end(): SplitRecord[] {
    const records = this.drain(true);
    this.buffer = Buffer.alloc(0);
    this.position = 0;
    return records;
  }

  /** A byte order mark opens the file, not a document, so it belongs to no record. */
  private skipStreamBom(): void {
    if (!this.atStreamStart || this.buffer.length < UTF8_BOM.length) return;
    if (this.buffer.subarray(0, UTF8_BOM.length).equals(UTF8_BOM)) this.position = UTF8_BOM.length;
    this.atStreamStart = false;
  }

  private drain(atEnd: boolean): SplitRecord[] {
    const records: SplitRecord[] = [];
    for (;;) {
      const step =
        this.malformedStart === undefined ? this.readDocument(atEnd) : this.readMalformed(atEnd);
      if (step === 'wait') return records;
      records.push(...step);
    }
  }

  private readDocument(atEnd: boolean): SplitRecord[] | 'wait' {
    if (!this.document) {
      this.position = skipWhitespace(this.buffer, this.position);
      if (this.position >= this.buffer.length) return 'wait';
      if (this.buffer[this.position] !== OPEN_BRACE) {
        this.startMalformed(this.position);
        return [];
      }
      this.document = new DocumentScanner(this.position);
    }

    const document = this.document;
    const result = document.advance(this.buffer, this.maxDocumentBytes);
    if (result === 'more' && !atEnd) return 'wait';

    this.document = undefined;
    if (result === 'complete' && this.parses(document)) {
      this.position = document.end;
      return [this.record(document.start, document.end, false)];
    }
    this.startMalformed(document.start);
    return [];
  }

  private startMalformed(start: number): void {
    this.malformedStart = start;
    this.searchFrom = start + 1;
    this.previousByte = this.buffer[start] ?? OPEN_BRACE;
  }

  private readMalformed(atEnd: boolean): SplitRecord[] | 'wait' {
    const start = this.malformedStart ?? 0;
    if (this.candidate) return this.tryCandidate(start, this.candidate, atEnd);

    if (this.searchFrom - start >= this.maxDocumentBytes) {
      // A region this long is emitted in pieces so memory stays bounded.
      this.malformedStart = this.searchFrom;
      return [this.record(start, this.searchFrom, true)];
    }

    const found = this.findCandidate(start);
    if (found !== undefined) {
      this.candidate = new DocumentScanner(found);
      return [];
    }
    if (this.searchFrom < this.buffer.length) return [];
    if (!atEnd) return 'wait';

    this.malformedStart = undefined;
    this.position = this.buffer.length;
    return [this.record(start, this.buffer.length, true)];
  }

  private tryCandidate(
    start: number,
    candidate: DocumentScanner,
    atEnd: boolean,
  ): SplitRecord[] | 'wait' {
    const result = candidate.advance(this.buffer, this.maxDocumentBytes);
    if (result === 'more' && !atEnd) return 'wait';

    this.candidate = undefined;
    if (result === 'complete' && this.parses(candidate)) {
      this.malformedStart = undefined;
      this.position = candidate.end;
      return [
        this.record(start, candidate.start, true),
        this.record(candidate.start, candidate.end, false),
      ];
    }
    this.searchFrom = candidate.start + 1;
    this.previousByte = OPEN_BRACE;
    return [];
  }

  /** The next `{` that may start a document (see the resync rule), within the size bound. */
  private findCandidate(start: number): number | undefined {
    const limit = Math.min(this.buffer.length, start + this.maxDocumentBytes);
    for (let index = this.searchFrom; index < limit; index++) {
      const byte = this.buffer[index] as number;
      const opensLine = this.buffer[index - 1] === NEWLINE;
      if (byte === OPEN_BRACE && (opensLine || !NESTED_AFTER.has(this.previousByte))) {
        this.searchFrom = index;
        return index;
      }
      if (!isWhitespace(byte)) this.previousByte = byte;
    }
    this.searchFrom = limit;
    return undefined;
  }

  private parses(document: DocumentScanner): boolean {
    try {
      JSON.parse(decoder.decode(this.buffer.subarray(document.start, document.end)));
      return true;
    } catch {
      return false;
    }
  }

  private record(start: number, end: number, malformed: boolean): SplitRecord {
    const trimmedEnd = malformed ? trimEnd(this.buffer, start, end) : end;
    return { bytes: Buffer.from(this.buffer.subarray(start, trimmedEnd)), malformed };
  }

  /** Drops the bytes no pending document or region needs any more. */
  private compact(): void {
    const keep = this.malformedStart ?? this.document?.start ?? this.position;
    if (keep === 0) return;

    this.buffer = this.buffer.subarray(keep);
    this.position -= keep;
    this.searchFrom -= keep;
    if (this.malformedStart !== undefined) this.malformedStart -= keep;
    this.document?.shift(keep);
    this.candidate?.shift(keep);
  }
}

function isWhitespace(byte: number): boolean {
  return byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;
}

function skipWhitespace(bytes: Buffer, from: number): number {
  let index = from;
  while (index < bytes.length && isWhitespace(bytes[index] as number)) index++;
  return index;
}

function trimEnd(bytes: Buffer, start: number, end: number): number {
  let index = end;
  while (index > start && isWhitespace(bytes[index - 1] as number)) index--;
  return index;
}
