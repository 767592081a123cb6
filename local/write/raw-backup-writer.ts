/**
 * The local twin of Firehose's source-record backup: every source record, untouched, in
 * `WAREHOUSE/raw/dt=<arrival date>/<unique>.json.gz`. Each record is followed by a newline
 * so the backup reads back, record for record, through `orderfeed ingest`.
 */
import { once } from 'node:events';
import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import { createGzip, type Gzip } from 'node:zlib';
import { rawBackupDir, uniqueFileName } from './warehouse-layout.ts';

const NEWLINE = Buffer.from('\n');

export class RawBackupWriter {
  private readonly streams = new Map<string, { gzip: Gzip; done: Promise<void> }>();
  /** Every backup file opened, in order. */
  readonly files: string[] = [];

  constructor(private readonly warehouse: string) {}

  /** Appends one record to the backup of day `dt`, waiting when the disk falls behind. */
  async write(dt: string, bytes: Uint8Array): Promise<void> {
    const { gzip } = this.streamFor(dt);
    const recordFits = gzip.write(bytes);
    const newlineFits = gzip.write(NEWLINE);
    if (!recordFits || !newlineFits) await once(gzip, 'drain');
  }

  async close(): Promise<void> {
    for (const { gzip, done } of this.streams.values()) {
      gzip.end();
      await done;
    }
    this.streams.clear();
  }

  private streamFor(dt: string) {
    const existing = this.streams.get(dt);
    if (existing) return existing;

    const dir = rawBackupDir(this.warehouse, dt);
    mkdirSync(dir, { recursive: true });
    const path = join(dir, uniqueFileName('.json.gz'));
    const file = createWriteStream(path);
    const gzip = createGzip();
    gzip.pipe(file);
    const stream = { gzip, done: finished(file) };
    this.streams.set(dt, stream);
    this.files.push(path);
    return stream;
  }
}
