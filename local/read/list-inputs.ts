/**
 * Expands the paths given to ingest into the files to read, in a fixed order.
 */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { InputNotFoundError, InputReadError } from './input-errors.ts';

/** The name that stands for standard input. */
export const STDIN = '-';

/**
 * Returns every file the inputs name: files as given, folders walked recursively with entries
 * sorted by name (code point order, so the order never depends on the locale), `-` as is.
 * Hidden entries (names starting with a dot) inside folders are skipped: they are editor and
 * system files, never feed data. Throws {@link InputNotFoundError} for a missing path.
 */
export async function listInputs(inputs: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const input of inputs) {
    if (input === STDIN) files.push(STDIN);
    else files.push(...(await filesUnder(input)));
  }
  return files;
}

async function filesUnder(path: string): Promise<string[]> {
  const stats = await stat(path).catch((cause: NodeJS.ErrnoException) => {
    if (cause.code === 'ENOENT') throw new InputNotFoundError(path, { cause });
    throw new InputReadError(path, { cause });
  });
  if (!stats.isDirectory()) return [path];

  const entries = await readdir(path).catch((cause: unknown) => {
    throw new InputReadError(path, { cause });
  });
  const visible = entries.filter((name) => !name.startsWith('.')).sort(byCodePoint);

  const files: string[] = [];
  for (const name of visible) files.push(...(await filesUnder(join(path, name))));
  return files;
}

function byCodePoint(left: string, right: string): number {
  if (left === right) return 0;
  return left < right ? -1 : 1;
}
