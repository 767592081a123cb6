/**
 * Redrives a local warehouse's processing-failed records through `ingest()`: each failed
 * record's original bytes are ingested again with today's transform, and the error files
 * then keep only the records that still fail, where they were.
 *
 * Note: a record that failed for one table only is ingested for every table, as Firehose
 * does when a record goes back on the stream, so the tables it already passed get its rows a
 * second time (the latest-state views read them once), and the raw backup gets a second copy.
 */
import { mkdtemp, readdir, readFile, rename, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { ingest } from '../../local/ingest.ts';
import type { IngestSummary } from '../../local/ingest-summary.ts';
import { type ErrorFile, keptDocuments, readErrorFile } from './error-documents.ts';

export interface LocalRedriveOptions {
  readonly warehouse: string;
  /** Arrival time of the redriven records. @default Date.now */
  readonly clock?: () => number;
}

export interface LocalRedriveSummary {
  /** Distinct failed records found (a record failing for two tables counts once). */
  readonly records: number;
  /** Of those, the ones that now pass for every table they had failed for. */
  readonly recovered: number;
  readonly stillFailing: number;
  /** Error documents that could not be read, left untouched: `file: reason`. */
  readonly unreadable: string[];
  readonly filesRewritten: string[];
  readonly filesDeleted: string[];
  /** The ingest of the redriven records; undefined when there was nothing to redrive. */
  readonly ingest?: IngestSummary;
}

const ERRORS_DIR = join('errors', 'processing-failed');

export async function redriveLocal(options: LocalRedriveOptions): Promise<LocalRedriveSummary> {
  const { warehouse } = options;
  const before = await readErrorFiles(warehouse, await listErrorFiles(warehouse));
  const failing = failedPairs(before);
  const rawRecords = [...new Set([...failing].map(rawDataOf))];
  const unreadable = unreadableDocuments(warehouse, before);
  const empty = { records: 0, recovered: 0, stillFailing: 0, filesRewritten: [], filesDeleted: [] };
  if (rawRecords.length === 0) return { ...empty, unreadable };

  const summary = await ingestAgain(warehouse, rawRecords, options.clock);
  const newFiles = summary.files.filter((file) => isErrorFile(warehouse, file));
  const after = await readErrorFiles(warehouse, newFiles);
  const failingNow = failedPairs(after);
  const stillFailing = new Set([...failing].filter((pair) => failingNow.has(pair)));

  // The records that still fail stay where they were; their new copies go. A record that
  // now fails for a table it used to pass stays in its new file, so no failure is lost.
  const changes = [
    ...before.map((file) => ({ file, keep: (pair: string) => stillFailing.has(pair) })),
    ...after.map((file) => ({ file, keep: (pair: string) => !stillFailing.has(pair) })),
  ];
  const { rewritten, deleted } = await applyChanges(warehouse, changes);

  const stillFailingRecords = new Set([...stillFailing].map(rawDataOf));
  return {
    records: rawRecords.length,
    recovered: rawRecords.length - stillFailingRecords.size,
    stillFailing: stillFailingRecords.size,
    unreadable,
    filesRewritten: rewritten,
    filesDeleted: deleted,
    ingest: summary,
  };
}

/** A failure is a (table, record) pair, as one string: `table\nrawData`. */
function failure(table: string | undefined, rawData: string): string {
  return `${table}\n${rawData}`;
}

function rawDataOf(failure: string): string {
  return failure.slice(failure.indexOf('\n') + 1);
}

function failedPairs(files: readonly ErrorFile[]): Set<string> {
  const pairs = new Set<string>();
  for (const file of files) {
    for (const doc of file.documents) {
      if (doc.rawData !== undefined) pairs.add(failure(file.table, doc.rawData));
    }
  }
  return pairs;
}

/** Writes each record to its own file, so no record's bytes can run into the next one's. */
async function ingestAgain(warehouse: string, rawRecords: string[], clock?: () => number) {
  const folder = await mkdtemp(join(tmpdir(), 'orderfeed-redrive-'));
  try {
    const width = String(rawRecords.length).length;
    for (const [index, rawData] of rawRecords.entries()) {
      const name = `record-${String(index + 1).padStart(width, '0')}.json`;
      await writeFile(join(folder, name), Buffer.from(rawData, 'base64'));
    }
    return await ingest({ inputs: [folder], warehouse, ...(clock ? { clock } : {}) });
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

async function listErrorFiles(warehouse: string): Promise<string[]> {
  const root = join(warehouse, ERRORS_DIR);
  const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.json'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

function isErrorFile(warehouse: string, file: string): boolean {
  return relative(warehouse, file).startsWith(`${ERRORS_DIR}${sep}`) && file.endsWith('.json');
}

async function readErrorFiles(warehouse: string, paths: readonly string[]) {
  const files: ErrorFile[] = [];
  for (const path of paths) {
    files.push(readErrorFile(relative(warehouse, path), await readFile(path)));
  }
  return files;
}

function unreadableDocuments(warehouse: string, files: readonly ErrorFile[]): string[] {
  return files.flatMap((file) =>
    file.documents
      .filter((doc) => doc.problem !== undefined)
      .map((doc) => `${join(warehouse, file.location)}: ${doc.problem}`),
  );
}

interface FileChange {
  readonly file: ErrorFile;
  readonly keep: (pair: string) => boolean;
}

/** Rewrites through a temporary file and a rename, so a file is never seen half written. */
async function applyChanges(warehouse: string, changes: readonly FileChange[]) {
  const rewritten: string[] = [];
  const deleted: string[] = [];

  for (const { file, keep } of changes) {
    const { text, removed } = keptDocuments(file, (rawData) => keep(failure(file.table, rawData)));
    if (removed === 0) continue;

    const path = join(warehouse, file.location);
    if (text === undefined) {
      await unlink(path);
      deleted.push(path);
    } else {
      const temporary = `${path}.redrive-${process.pid}.tmp`;
      await writeFile(temporary, text);
      await rename(temporary, path);
      rewritten.push(path);
    }
  }
  return { rewritten, deleted };
}
