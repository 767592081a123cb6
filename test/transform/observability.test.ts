/**
 * What the Lambda tells operators: a structured warning per failed record (ids, field path,
 * reason, never payload values) and one set of count metrics per batch.
 */
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createHandler } from '../../transform/handler.ts';
import { firehoseEvent, SAMPLE_BYTES, sampleWith } from './helpers/firehose-event.ts';

/**
 * Captures what Powertools prints, one parsed JSON object per line. Depending on its
 * environment it writes through the global console or its own console on stdout and stderr.
 */
function captureStdout(): () => Record<string, unknown>[] {
  const lines: string[] = [];
  const keep = (chunk: unknown) => {
    lines.push(...String(chunk).split('\n').filter(Boolean));
  };
  for (const stream of [process.stdout, process.stderr]) {
    vi.spyOn(stream, 'write').mockImplementation((chunk) => {
      keep(chunk);
      return true;
    });
  }
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    vi.spyOn(console, method).mockImplementation(keep);
  }
  return () => lines.map((line) => JSON.parse(line));
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('Handler: logs and metrics', () => {
  it('logs each failure with record id, event id, field path and reason, and no values', async () => {
    const secret = sampleWith((e) => {
      e.p.employee_name = 'Jane Q. Vendor';
      e.p.total = 12.34;
    });
    const output = captureStdout();
    const transform = createHandler({
      tableName: 'order_events',
      logger: new Logger({ serviceName: 'orderfeed-transform', logLevel: 'WARN' }),
      metrics: null,
    });

    await transform(firehoseEvent([SAMPLE_BYTES, secret]));

    const logs = output();
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatchObject({
      level: 'WARN',
      message: 'record answered ProcessingFailed',
      service: 'orderfeed-transform',
      record_id: 'r1',
      event_id: '01egndytjh3xmmt154hxa6dz4m',
      field_path: 'p.total',
      reason: 'money must be whole cents, got a fraction',
    });
    const text = JSON.stringify(logs);
    expect(text).not.toContain('Jane');
    expect(text).not.toContain('12.34');
  });

  it('publishes the counts of a batch as metrics in the orderfeed namespace', async () => {
    const output = captureStdout();
    const other = { _id: '01egndytjh3xmmt154hxa6dz4n', e: 'menu.updated', p: {} };
    const transform = createHandler({
      tableName: 'order_line_items',
      logger: new Logger({ logLevel: 'SILENT' }),
      metrics: new Metrics({ namespace: 'orderfeed', defaultDimensions: { table: 'test' } }),
    });

    await transform(firehoseEvent([SAMPLE_BYTES, SAMPLE_BYTES, other, 'garbage']));

    const [emf] = output();
    // 4 records: the sample (6 rows), its duplicate, a menu event and a broken record.
    expect(emf).toMatchObject({
      table: 'test',
      Records: 4,
      Rows: 6,
      Duplicates: 1,
      NonOrderEvents: 1,
      ProcessingFailed: 1,
    });
    const aws = emf?._aws as { CloudWatchMetrics: { Namespace: string }[] } | undefined;
    const [directive] = aws?.CloudWatchMetrics ?? [];
    expect(directive?.Namespace).toBe('orderfeed');
  });
});
