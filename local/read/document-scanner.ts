/**
 * Finds where one JSON object ends, byte by byte, without parsing it: it tracks nesting depth
 * and whether it is inside a string. It is resumable, so a document split across input chunks
 * is scanned once, not again from its start each time more bytes arrive.
 */

const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** `complete`: the object closed at {@link DocumentScanner.end}; `more`: the bytes ran out. */
export type ScanResult = 'complete' | 'more' | 'too-long';

export class DocumentScanner {
  /** Offset, in the buffer given to {@link advance}, of the `{` that opens the document. */
  start: number;
  /** Offset just past the closing `}` once the result is `complete`. */
  end = -1;
  private position: number;
  private depth = 0;
  private inString = false;
  private escaped = false;

  constructor(start: number) {
    this.start = start;
    this.position = start;
  }

  /** Moves every offset left by `count`, after the caller dropped that many leading bytes. */
  shift(count: number): void {
    this.start -= count;
    this.position -= count;
  }

  /** Scans on from where it stopped; `maxBytes` bounds the document's length. */
  advance(bytes: Uint8Array, maxBytes: number): ScanResult {
    const limit = Math.min(bytes.length, this.start + maxBytes);
    let position = this.position;

    for (; position < limit; position++) {
      const byte = bytes[position];
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (byte === BACKSLASH) this.escaped = true;
        else if (byte === QUOTE) this.inString = false;
      } else if (byte === QUOTE) {
        this.inString = true;
      } else if (byte === OPEN_BRACE || byte === OPEN_BRACKET) {
        this.depth++;
      } else if (byte === CLOSE_BRACE || byte === CLOSE_BRACKET) {
        this.depth--;
        if (this.depth <= 0) {
          this.end = position + 1;
          this.position = this.end;
          return 'complete';
        }
      }
    }

    this.position = position;
    return limit < bytes.length || position - this.start >= maxBytes ? 'too-long' : 'more';
  }
}
