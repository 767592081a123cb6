/**
 * JSON: an array of objects, one per row, keys in column order. Values are already plain
 * (numbers as numbers, dates as YYYY-MM-DD), so they are written as they are.
 */
import type { ResultRows } from './result-rows.ts';

export function formatJson(result: ResultRows): string {
  const rows = result.rows.map((row) =>
    Object.fromEntries(result.columns.map((column) => [column, row[column] ?? null])),
  );
  return `${JSON.stringify(rows, null, 2)}\n`;
}
