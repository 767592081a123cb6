/**
 * The ingest summary for people, as `orderfeed ingest` and `orderfeed demo` print it.
 */
import Table from 'cli-table3';
import type { IngestSummary } from '../../local/ingest-summary.ts';
import { counted } from './plural.ts';

/** What each table made of the records, then where they went and why records failed. */
export function ingestReport(summary: IngestSummary): string {
  const lines = [
    `Read ${counted(summary.records, 'record')} (${summary.malformed} not JSON) in ` +
      `${counted(summary.batches, 'Firehose batch', 'Firehose batches')}; every record is ` +
      'counted once per table below.',
    ingestSummaryTable(summary),
    `Warehouse: ${summary.warehouse} (${counted(summary.files.length, 'file')} written)`,
  ];

  if (summary.failureExamples.length > 0) {
    lines.push('Failed records (kept with their reason under errors/processing-failed/):');
    for (const example of summary.failureExamples) {
      const event = example.eventId ? ` event ${example.eventId}` : '';
      const source = example.source === '-' ? 'stdin' : example.source;
      lines.push(
        `  ${source} record ${example.recordNumber}${event} (${example.table}): ` +
          `${example.path}: ${example.reason}`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

/** Per table, where each record went: every record is counted once per table. */
export function ingestSummaryTable(summary: IngestSummary): string {
  const table = new Table({
    head: ['table', 'written', 'rows', 'duplicates', 'non-order', 'no rows', 'failed'],
    colAligns: ['left', 'right', 'right', 'right', 'right', 'right', 'right'],
    style: { head: [], border: [] },
  });
  for (const t of summary.tables) {
    table.push([t.table, t.written, t.rows, t.duplicates, t.nonOrderEvents, t.noRows, t.failed]);
  }
  return table.toString();
}
