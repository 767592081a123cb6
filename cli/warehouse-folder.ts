/**
 * Checks a `--warehouse` path before a command uses it, so a mistyped path fails clearly
 * instead of reading as an empty warehouse or surfacing as a raw ENOTDIR.
 */
import { statSync } from 'node:fs';

/**
 * Why `path` cannot be used as a warehouse, or undefined when it can. A missing folder is
 * fine only where the command creates it (`mustExist: false`, as ingest does); an existing
 * empty folder is always a valid, empty warehouse.
 */
export function warehouseProblem(
  path: string,
  options: { mustExist: boolean },
): string | undefined {
  const stats = statSync(path, { throwIfNoEntry: false });
  if (!stats) return options.mustExist ? `warehouse ${path} does not exist` : undefined;
  if (!stats.isDirectory()) return `warehouse ${path} is not a folder`;
  return undefined;
}
