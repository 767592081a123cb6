/**
 * Prints a query result as a table (for people), CSV (for spreadsheets) or JSON (for
 * programs).
 */
import { formatCsv } from './format-csv.ts';
import { formatJson } from './format-json.ts';
import { formatTable } from './format-table.ts';
import type { ResultRows } from './result-rows.ts';

export type { ResultRows } from './result-rows.ts';

export const OUTPUT_FORMATS = ['table', 'csv', 'json'] as const;

export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export function isOutputFormat(value: string): value is OutputFormat {
  return (OUTPUT_FORMATS as readonly string[]).includes(value);
}

/** Returns the text to print for `result`, ending with a newline. */
export function formatResult(result: ResultRows, format: OutputFormat): string {
  switch (format) {
    case 'table':
      return formatTable(result);
    case 'csv':
      return formatCsv(result);
    case 'json':
      return formatJson(result);
  }
}
