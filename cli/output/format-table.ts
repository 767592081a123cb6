/**
 * A table for the terminal (cli-table3), numbers aligned right, with a row count under it
 * so an empty result is visibly empty rather than silent.
 */
import Table from 'cli-table3';
import { counted } from './plural.ts';
import { cellText, type ResultRows } from './result-rows.ts';

export function formatTable(result: ResultRows): string {
  const table = new Table({ head: [...result.columns], style: { head: [], border: [] } });
  for (const row of result.rows) {
    table.push(
      result.columns.map((column) => {
        const value = row[column];
        const content = cellText(value);
        return typeof value === 'number' ? { content, hAlign: 'right' as const } : content;
      }),
    );
  }
  return `${table.toString()}\n${counted(result.rows.length, 'row')}\n`;
}
