/**
 * CSV per RFC 4180: a header row, CRLF line ends, and a field quoted only when it holds a
 * comma, a quote or a line break (quotes doubled). Nulls are empty fields.
 */
import { cellText, type ResultRows } from './result-rows.ts';

const NEEDS_QUOTES = /[",\r\n]/;

export function formatCsv(result: ResultRows): string {
  const header = result.columns.map(csvField).join(',');
  const lines = result.rows.map((row) =>
    result.columns.map((column) => csvField(cellText(row[column]))).join(','),
  );
  return `${[header, ...lines].join('\r\n')}\r\n`;
}

function csvField(text: string): string {
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
