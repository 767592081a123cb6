/**
 * Loads the saved queries and views in this folder: one `.sql` file each, with a header of
 * `-- key: value` lines (name, kind, description, param) before the SQL. The same text is
 * saved in Athena by the infra stack and run locally on DuckDB.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface QueryParameter {
  readonly name: string;
  /** The SQL type the placeholder is cast to, e.g. date or varchar. */
  readonly type: string;
  readonly description: string;
}

export interface SavedQuery {
  readonly name: string;
  readonly kind: 'view' | 'query';
  readonly description: string;
  /** In the order of the `?` placeholders in `sql`. */
  readonly parameters: readonly QueryParameter[];
  /** The SQL without its header, as saved in Athena. */
  readonly sql: string;
  readonly file: string;
}

export class SavedQueryError extends Error {
  constructor(file: string, message: string) {
    super(`${file}: ${message}`);
    this.name = 'SavedQueryError';
  }
}

export const QUERIES_DIR = dirname(fileURLToPath(import.meta.url));

const HEADER_LINE = /^--\s*(name|kind|description|param):\s*(.*)$/;
const PARAM = /^(\w+)\s+(\w+)\s+(.+)$/;

/** Reads every `.sql` file in `dir` (this folder by default), sorted by file name. */
export function loadSavedQueries(dir: string = QUERIES_DIR): SavedQuery[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.sql'))
    .sort()
    .map((file) => parseSavedQuery(file, readFileSync(join(dir, file), 'utf8')));
}

/** Returns the saved query called `name`, or throws naming the ones that exist. */
export function findSavedQuery(name: string, dir: string = QUERIES_DIR): SavedQuery {
  const queries = loadSavedQueries(dir);
  const found = queries.find((query) => query.name === name);
  if (found) return found;
  const known = queries.map((query) => query.name).join(', ');
  throw new SavedQueryError(`${name}.sql`, `no saved query named ${name}; known: ${known}`);
}

/** Parses one file's header and SQL; throws a {@link SavedQueryError} naming the file. */
export function parseSavedQuery(file: string, text: string): SavedQuery {
  const lines = text.split('\n');
  const fields: Record<string, string> = {};
  const parameters: QueryParameter[] = [];
  let body = 0;

  for (; body < lines.length; body++) {
    const match = HEADER_LINE.exec(lines[body]?.trim() ?? '');
    if (!match) break;
    const [, key = '', value = ''] = match;
    if (key === 'param') parameters.push(parseParameter(file, value));
    else fields[key] = value.trim();
  }

  const sql = lines.slice(body).join('\n').trim();
  const kind = fields.kind ?? 'query';
  if (!fields.name) throw new SavedQueryError(file, 'header has no "-- name:" line');
  if (!fields.description) throw new SavedQueryError(file, 'header has no "-- description:"');
  if (kind !== 'view' && kind !== 'query') {
    throw new SavedQueryError(file, `kind must be view or query, got ${kind}`);
  }

  const placeholders = countPlaceholders(sql);
  if (placeholders !== parameters.length) {
    const declared = parameters.length;
    throw new SavedQueryError(file, `${declared} params declared, ${placeholders} ? in the SQL`);
  }
  return { name: fields.name, kind, description: fields.description, parameters, sql, file };
}

function parseParameter(file: string, value: string): QueryParameter {
  const match = PARAM.exec(value.trim());
  if (!match) throw new SavedQueryError(file, `param must be "name type description": ${value}`);
  const [, name = '', type = '', description = ''] = match;
  return { name, type, description };
}

/** Counts `?` placeholders outside string literals and comments. */
function countPlaceholders(sql: string): number {
  // One left-to-right pass, so an apostrophe in a comment does not open a literal and a
  // `--` inside a literal does not start a comment.
  const code = sql.replace(/--[^\n]*|'(?:[^']|'')*'/g, '');
  return (code.match(/\?/g) ?? []).length;
}
