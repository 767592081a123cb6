import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeEach, describe, expect, it } from 'vitest';
import { ingestCommand } from '../../../cli/commands/ingest.ts';
import { SAMPLE_TEXT } from '../../local/helpers/events.ts';
import { runCommand } from './run-aws-command.ts';

describe('Command: ingest', () => {
  let folder: string;
  let feed: string;

  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'orderfeed-ingest-cli-'));
    feed = join(folder, 'feed.json');
    writeFileSync(feed, `${SAMPLE_TEXT}\n{"not":"an event"}\n`);
  });

  it('prints a summary table that accounts for every record, per table', async () => {
    const run = await runCommand(ingestCommand(), [feed, '--warehouse', join(folder, 'wh')]);

    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain('Read 2 records (0 not JSON) in 1 Firehose batch;');
    expect(run.stdout).toMatch(/│ order_events\s+│\s+1 │\s+1 │\s+0 │\s+0 │\s+0 │\s+1 │/);
    expect(run.stdout).toMatch(/│ order_line_items\s+│\s+1 │\s+6 │\s+0 │\s+0 │\s+0 │\s+1 │/);
    expect(run.stdout).toContain(`${feed} record 2 (order_events): _id: `);
  });

  it('prints the summary as JSON with --format json', async () => {
    const args = [feed, '--warehouse', join(folder, 'wh'), '--format', 'json'];

    const run = await runCommand(ingestCommand(), args);

    const summary = JSON.parse(run.stdout);
    expect(summary).toMatchObject({ records: 2, malformed: 0, batches: 1 });
    expect(summary.tables[1]).toEqual({
      table: 'order_line_items',
      written: 1,
      rows: 6,
      duplicates: 0,
      nonOrderEvents: 0,
      noRows: 0,
      failed: 1,
    });
  });

  it('sends each record in its own batch when the buffer is smaller than a record', async () => {
    const args = [feed, '--warehouse', join(folder, 'wh'), '--buffer-size', '1KB'];

    const run = await runCommand(ingestCommand(), [...args, '--format', 'json']);

    expect(JSON.parse(run.stdout).batches).toBe(2);
  });

  it('fails naming a warehouse path that is a file', async () => {
    const run = await runCommand(ingestCommand(), [feed, '--warehouse', feed]);

    expect(run.exitCode).toBe(1);
    expect(run.stderr).toBe(`orderfeed ingest: warehouse ${feed} is not a folder\n`);
  });

  it('fails with exit code 1 and the path when an input is missing', async () => {
    const missing = join(folder, 'nope.json');

    const run = await runCommand(ingestCommand(), [missing, '--warehouse', join(folder, 'wh')]);

    expect(run.exitCode).toBe(1);
    expect(run.stderr).toBe(`orderfeed ingest: Input not found: ${missing}\n`);
  });

  it('fails with exit code 1 naming a file it cannot read to the end', async () => {
    const broken = join(folder, 'broken.json.gz');
    writeFileSync(broken, gzipSync(`${SAMPLE_TEXT}\n`.repeat(50)).subarray(0, 200));

    const run = await runCommand(ingestCommand(), [broken, '--warehouse', join(folder, 'wh')]);

    expect(run.exitCode).toBe(1);
    expect(run.stderr).toBe(`orderfeed ingest: Cannot read ${broken}: unexpected end of file\n`);
  });

  it('shows the default buffer size as people write it in --help', () => {
    expect(ingestCommand().helpInformation()).toContain('(max 3MB) (default: 1MB)');
  });

  it('rejects a buffer size above the Firehose maximum', async () => {
    const run = await runCommand(ingestCommand(), [feed, '--buffer-size', '4MB']);

    expect(run.exitCode).toBe(1);
    expect(run.stderr).toContain("option '--buffer-size <size>' argument '4MB' is invalid");
  });

  it('rejects an unknown summary format', async () => {
    const run = await runCommand(ingestCommand(), [feed, '--format', 'xml']);

    expect(run.exitCode).toBe(1);
    expect(run.stderr).toContain('Allowed choices are table, json.');
  });
});
