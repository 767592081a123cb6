import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LocalWarehouse } from '../../../local/duckdb/local-warehouse.ts';
import { findSavedQuery } from '../../../queries/catalog.ts';
import { TABLES } from '../../../transform/tables/index.ts';

describe('LocalWarehouse', () => {
  let folder: string;

  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'orderfeed-warehouse-'));
  });

  afterEach(() => {
    rmSync(folder, { recursive: true, force: true });
  });

  it('opens a folder that does not exist yet, with empty reports', async () => {
    const warehouse = await LocalWarehouse.open(join(folder, 'not-yet'));
    const query = findSavedQuery('daily_revenue');
    const params = { start_date: '2020-08-25', end_date: '2020-08-25', timezone: 'UTC' };

    const result = await warehouse.runSavedQuery(query, params);
    warehouse.close();

    expect(result.rows).toEqual([]);
    expect(result.columns[0]).toBe('business_date');
  });

  it.each(TABLES.map((table) => [table.name, table] as const))(
    'the %s view has the columns of its table definition, then dt',
    async (name, table) => {
      const warehouse = await LocalWarehouse.open(folder);

      const described = await warehouse.query(`DESCRIBE ${name}`);
      warehouse.close();

      const expected = [...table.columns, ...table.partitionKeys].map((column) => column.name);
      expect(described.rows.map((row) => row.column_name)).toEqual(expected);
    },
  );

  it('types the view columns as Glue declares them', async () => {
    const warehouse = await LocalWarehouse.open(folder);

    const described = await warehouse.query('DESCRIBE order_events');
    warehouse.close();

    const types = Object.fromEntries(
      described.rows.map((row) => [row.column_name, row.column_type]),
    );
    expect(types).toMatchObject({
      event_time: 'TIMESTAMP',
      event_version: 'INTEGER',
      total_cents: 'BIGINT',
      state_history: 'STRUCT(state VARCHAR, "time" TIMESTAMP)[]',
      dt: 'VARCHAR',
    });
  });

  it('reads Firehose error records from errors/processing-failed', async () => {
    const partition = join(
      folder,
      'errors',
      'processing-failed',
      'table=order_events',
      'dt=2020-08-26',
    );
    mkdirSync(partition, { recursive: true });
    const record = {
      attemptsMade: 1,
      arrivalTimestamp: 1598403918929,
      errorCode: 'Lambda.ProcessingFailed',
      errorMessage: 'p.total: expected an integer',
      attemptEndingTimestamp: 1598403919000,
      rawData: Buffer.from('{"_id":"x"}').toString('base64'),
      lambdaArn: 'arn:aws:lambda:local:000000000000:function:orderfeed-transform',
    };
    writeFileSync(join(partition, 'failed-1.json'), `${JSON.stringify(record)}\n`);

    const warehouse = await LocalWarehouse.open(folder);
    const result = await warehouse.query('SELECT * FROM processing_failed');
    warehouse.close();

    expect(result.rows).toEqual([
      {
        attempts_made: 1,
        arrival_timestamp: 1598403918929,
        error_code: 'Lambda.ProcessingFailed',
        error_message: 'p.total: expected an integer',
        attempt_ending_timestamp: 1598403919000,
        raw_data: 'eyJfaWQiOiJ4In0=',
        lambda_arn: 'arn:aws:lambda:local:000000000000:function:orderfeed-transform',
        table: 'order_events',
        dt: '2020-08-26',
      },
    ]);
  });

  it('names the saved view that cannot be created', async () => {
    const queries = join(folder, 'queries');
    mkdirSync(queries);
    const broken = '-- name: broken\n-- kind: view\n-- description: Reads nothing.\n';
    writeFileSync(
      join(queries, 'broken.sql'),
      `${broken}CREATE OR REPLACE VIEW broken AS SELECT * FROM nowhere\n`,
    );

    await expect(LocalWarehouse.open(folder, { queriesDir: queries })).rejects.toThrow(
      /broken\.sql: view broken cannot be created: .*nowhere/,
    );
  });
});
