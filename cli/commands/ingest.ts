/**
 * `orderfeed ingest PATH...`: lands events in the local Parquet warehouse through the very
 * transform the Firehose Lambda runs, and accounts for every record read.
 */
import { SingleBar } from 'cli-progress';
import { Command, InvalidArgumentError, Option } from 'commander';
import {
  DEFAULT_BUFFER_BYTES,
  MAX_BUFFER_BYTES,
  parseBufferSize,
} from '../../local/firehose/buffer-size.ts';
import { type IngestProgress, ingest } from '../../local/ingest.ts';
import type { IngestSummary } from '../../local/ingest-summary.ts';
import { ingestReport } from '../output/ingest-report.ts';
import { warehouseProblem } from '../warehouse-folder.ts';

interface IngestFlags {
  warehouse: string;
  bufferSize: number;
  format: 'table' | 'json';
}

export function ingestCommand(): Command {
  const command = new Command('ingest')
    .description('Transform events into the local Parquet warehouse, as Firehose would on AWS.')
    .argument(
      '<paths...>',
      'NDJSON or concatenated JSON files, plain or gzip; folders; - for stdin',
    )
    .option('--warehouse <dir>', 'warehouse folder, created when missing', './warehouse')
    .addOption(
      new Option(
        '--buffer-size <size>',
        'Firehose processor buffer per transform call, e.g. 1MB, 256KB (max 3MB)',
      )
        .argParser(bufferSize)
        .default(DEFAULT_BUFFER_BYTES, `${DEFAULT_BUFFER_BYTES / MIB}MB`),
    )
    .addOption(
      new Option('--format <format>', 'summary format').choices(['table', 'json']).default('table'),
    );

  return command.action(async (paths: string[], flags: IngestFlags) => {
    const problem = warehouseProblem(flags.warehouse, { mustExist: false });
    if (problem) return command.error(`orderfeed ingest: ${problem}`, { exitCode: 1 });
    const progress = progressBar();
    let summary: IngestSummary;
    try {
      summary = await ingest({
        inputs: paths,
        warehouse: flags.warehouse,
        bufferBytes: flags.bufferSize,
        ...(progress ? { onProgress: progress.update } : {}),
      });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return command.error(`orderfeed ingest: ${reason}`, { exitCode: 1 });
    } finally {
      progress?.stop();
    }

    const text =
      flags.format === 'json' ? `${JSON.stringify(summary, null, 2)}\n` : ingestReport(summary);
    command.configureOutput().writeOut?.(text);
  });
}

const MIB = 1024 * 1024;

function bufferSize(text: string): number {
  const bytes = parseBufferSize(text);
  if (bytes === undefined || bytes < 1 || bytes > MAX_BUFFER_BYTES) {
    throw new InvalidArgumentError('expected a size from 1 byte to 3MB, e.g. 1MB or 262144');
  }
  return bytes;
}

/** A progress bar on stderr, only when a person is watching it. */
function progressBar() {
  if (!process.stderr.isTTY) return undefined;

  const bar = new SingleBar(
    {
      stream: process.stderr,
      format: ' {bar} {percentage}% | {records} records',
      hideCursor: true,
    },
    undefined,
  );
  let started = false;
  return {
    update: (progress: IngestProgress) => {
      const total = progress.totalBytes ?? progress.bytesRead;
      if (!started) bar.start(Math.max(total, 1), 0, { records: 0 });
      started = true;
      bar.setTotal(Math.max(total, 1));
      bar.update(progress.bytesRead, { records: progress.records });
    },
    stop: () => {
      if (started) bar.stop();
    },
  };
}
