import { chmod, mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { beforeEach, describe, expect, it } from 'vitest';
import { InputNotFoundError, InputReadError } from '../../../local/read/input-errors.ts';
import { readRecords, type SourceRecord } from '../../../local/read/read-records.ts';

async function collect(records: AsyncIterable<SourceRecord>) {
  const all: SourceRecord[] = [];
  for await (const record of records) all.push(record);
  return all;
}

const texts = (records: readonly SourceRecord[]) => records.map((r) => r.bytes.toString());

describe('Function: readRecords', () => {
  let folder: string;

  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'orderfeed-read-'));
  });

  it('reads a gzip file by its magic bytes, whatever its name', async () => {
    const path = join(folder, 'events.json');
    await writeFile(path, gzipSync('{"a":1}\n{"b":2}\n'));

    const records = await collect(readRecords([path]));

    expect(texts(records)).toEqual(['{"a":1}', '{"b":2}']);
    expect(records.map((r) => [r.source, r.recordNumber])).toEqual([
      [path, 1],
      [path, 2],
    ]);
  });

  it('reads a plain file named .gz as plain text', async () => {
    const path = join(folder, 'feed.gz');
    await writeFile(path, '{"a":1}{"b":2}');

    expect(texts(await collect(readRecords([path])))).toEqual(['{"a":1}', '{"b":2}']);
  });

  it('reads every member of a multi-member gzip file', async () => {
    const path = join(folder, 'members.gz');
    await writeFile(path, Buffer.concat([gzipSync('{"a":1}'), gzipSync('{"b":2}')]));

    expect(texts(await collect(readRecords([path])))).toEqual(['{"a":1}', '{"b":2}']);
  });

  it('walks folders recursively in name order and skips hidden entries', async () => {
    await mkdir(join(folder, 'b', 'inner'), { recursive: true });
    await writeFile(join(folder, 'b', 'inner', 'z.json'), '{"n":3}');
    await writeFile(join(folder, 'b', 'a.json'), '{"n":2}');
    await writeFile(join(folder, 'a.json'), '{"n":1}');
    await writeFile(join(folder, 'C.json'), '{"n":0}');
    await writeFile(join(folder, '.DS_Store'), 'not feed data');

    const records = await collect(readRecords([folder]));

    expect(texts(records)).toEqual(['{"n":0}', '{"n":1}', '{"n":2}', '{"n":3}']);
  });

  it('reads standard input for -, gzip or not', async () => {
    const stdin = Readable.from([gzipSync('{"a":1}\n'), '']);

    const records = await collect(readRecords(['-'], { stdin }));

    expect(records.map((r) => [r.source, r.bytes.toString()])).toEqual([['-', '{"a":1}']]);
  });

  it('reads an empty file as no records', async () => {
    const path = join(folder, 'empty.json');
    await writeFile(path, '');

    expect(await collect(readRecords([path]))).toEqual([]);
  });

  it('throws InputNotFoundError naming a missing path', async () => {
    const missing = join(folder, 'nope.json');

    await expect(collect(readRecords([missing]))).rejects.toThrow(new InputNotFoundError(missing));
  });

  it('throws InputReadError naming a corrupt gzip file', async () => {
    const path = join(folder, 'broken.gz');
    await writeFile(path, gzipSync('{"a":1}\n'.repeat(100)).subarray(0, 30));

    const read = collect(readRecords([path]));

    await expect(read).rejects.toBeInstanceOf(InputReadError);
    await expect(read).rejects.toThrow(`Cannot read ${path}: unexpected end of file`);
  });

  it('throws InputReadError for an unreadable file', async () => {
    // Root reads past file permissions (CI runs as root), so there the unreadable file is
    // /proc/self/mem, whose first page is never mapped: reading it fails with EIO on Linux.
    const path =
      process.getuid?.() === 0 ? '/proc/self/mem' : await unreadableFile(join(folder, 'x.json'));

    await expect(collect(readRecords([path]))).rejects.toBeInstanceOf(InputReadError);
  });
});

async function unreadableFile(path: string): Promise<string> {
  await writeFile(path, '{"a":1}');
  await chmod(path, 0o000);
  return path;
}
