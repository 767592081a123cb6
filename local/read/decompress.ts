/**
 * Gunzips a byte stream when it is gzip, whatever the file is called: the gzip magic bytes
 * decide, so `events.json` that is really gzip and `feed.gz` that is not both read right.
 */
import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';

const GZIP_MAGIC = [0x1f, 0x8b] as const;

/** Yields the stream's bytes, gunzipped (every member of a multi-member gzip) when gzip. */
export async function* decompressed(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<Buffer> {
  const iterator = chunks[Symbol.asyncIterator]();
  const head = await readHead(iterator, GZIP_MAGIC.length);
  if (head.length === 0) return;

  const rest = replay(head, iterator);
  if (head[0] !== GZIP_MAGIC[0] || head[1] !== GZIP_MAGIC[1]) {
    yield* rest;
    return;
  }

  const source = Readable.from(rest);
  const gunzip = createGunzip();
  source.on('error', (error) => gunzip.destroy(error));
  yield* source.pipe(gunzip) as AsyncIterable<Buffer>;
}

/** Reads chunks until at least `length` bytes are in hand (or the stream ends). */
async function readHead(iterator: AsyncIterator<Uint8Array>, length: number): Promise<Buffer> {
  const parts: Buffer[] = [];
  let size = 0;
  while (size < length) {
    const next = await iterator.next();
    if (next.done) break;
    parts.push(Buffer.from(next.value));
    size += next.value.length;
  }
  return Buffer.concat(parts);
}

async function* replay(head: Buffer, iterator: AsyncIterator<Uint8Array>): AsyncGenerator<Buffer> {
  yield head;
  for (;;) {
    const next = await iterator.next();
    if (next.done) return;
    yield Buffer.from(next.value);
  }
}
