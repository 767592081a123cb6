/**
 * What every printer takes: a result's rows, keyed by column name, with the columns in query
 * order. Engine-neutral, so the local DuckDB runner and an Athena runner can share printers.
 */
export interface ResultRows {
  readonly columns: readonly string[];
  readonly rows: readonly Readonly<Record<string, unknown>>[];
}

/** A cell as text: empty for null, JSON for arrays and objects. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
