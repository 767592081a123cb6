import { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ATHENA_DIALECT } from '../../../local/duckdb/athena-dialect.ts';
import { toResultTable } from '../../../local/duckdb/result-table.ts';

describe('Athena dialect on DuckDB', () => {
  let instance: DuckDBInstance;
  let connection: DuckDBConnection;

  beforeAll(async () => {
    instance = await DuckDBInstance.create(':memory:');
    connection = await DuckDBConnection.create(instance);
    for (const statement of ATHENA_DIALECT) await connection.run(statement);
  });

  afterAll(() => {
    connection.closeSync();
    instance.closeSync();
  });

  async function value(sql: string): Promise<unknown> {
    const result = toResultTable(await connection.runAndReadAll(sql));
    return result.rows[0]?.[result.columns[0] ?? ''];
  }

  it('runs the session in UTC, as Athena does', async () => {
    // A zoneless timestamp read as a timestamp with zone is UTC: 01:02:46 stays 01:02:46.
    const sql = "SELECT CAST(CAST(TIMESTAMP '2020-08-26 01:02:46' AS TIMESTAMPTZ) AS varchar)";

    expect(await value(sql)).toBe('2020-08-26 01:02:46+00');
  });

  it('with_timezone reads a zoneless timestamp as a wall-clock time in the zone', async () => {
    // 01:02:46 in UTC is 01:02:46Z; 01:02:46 in Chicago (CDT, UTC-5) is 06:02:46Z.
    const utc = "with_timezone(TIMESTAMP '2020-08-26 01:02:46', 'UTC')";
    const chicago = "with_timezone(TIMESTAMP '2020-08-26 01:02:46', 'America/Chicago')";

    expect(await value(`SELECT CAST(${utc} AS varchar)`)).toBe('2020-08-26 01:02:46+00');
    expect(await value(`SELECT CAST(${chicago} AS varchar)`)).toBe('2020-08-26 06:02:46+00');
  });

  it('at_timezone shows a UTC time on the wall clock of the zone', async () => {
    // The sample order: 2020-08-26 01:02:46 UTC is 20:02:46 CDT (UTC-5) the day before.
    const utc = "with_timezone(TIMESTAMP '2020-08-26 01:02:46', 'UTC')";
    const local = `at_timezone(${utc}, 'America/Chicago')`;

    expect(await value(`SELECT CAST(${local} AS varchar)`)).toBe('2020-08-25 20:02:46');
    expect(await value(`SELECT CAST(CAST(${local} AS date) AS varchar)`)).toBe('2020-08-25');
    expect(await value(`SELECT hour(${local})`)).toBe(20);
  });

  it('at_timezone follows daylight saving time', async () => {
    // 2020-01-15 is standard time in Chicago (UTC-6): 12:00 UTC is 06:00 local.
    const sql = "SELECT hour(at_timezone(TIMESTAMP '2020-01-15 12:00:00', 'America/Chicago'))";

    expect(await value(sql)).toBe(6);
  });

  it('at_timezone rejects an unknown zone', async () => {
    const sql = "SELECT at_timezone(TIMESTAMP '2020-01-15 12:00:00', 'Nowhere/Land')";

    await expect(value(sql)).rejects.toThrow(/Nowhere\/Land/);
  });

  it('cardinality counts the elements of an array', async () => {
    expect(await value('SELECT cardinality([10, 20, 30])')).toBe(3);
    expect(await value('SELECT cardinality(CAST([] AS INTEGER[]))')).toBe(0);
  });

  it('sequence counts up, or down when stop is below start, both ends included', async () => {
    expect(await value('SELECT sequence(1, 3)')).toEqual([1, 2, 3]);
    expect(await value('SELECT sequence(1, 0)')).toEqual([1, 0]);
    expect(await value('SELECT sequence(2, 2)')).toEqual([2]);
  });

  it('date_diff counts whole units elapsed, truncating toward zero', async () => {
    const half = "TIMESTAMP '2020-01-01 00:00:00.500'";
    const one = "TIMESTAMP '2020-01-01 00:00:01'";
    // 500 ms elapsed: 0 whole seconds (DuckDB's own date_diff would say 1).
    expect(await value(`SELECT date_diff('second', ${half}, ${one})`)).toBe(0);
    expect(await value(`SELECT date_diff('millisecond', ${half}, ${one})`)).toBe(500);
    // -90 minutes is -1 whole hour, not -2.
    const later = "TIMESTAMP '2020-01-01 01:30:00'";
    const start = "TIMESTAMP '2020-01-01 00:00:00'";
    expect(await value(`SELECT date_diff('hour', ${later}, ${start})`)).toBe(-1);
  });

  it('date_diff refuses a unit it does not emulate', async () => {
    const sql = "SELECT date_diff('month', TIMESTAMP '2020-01-01', TIMESTAMP '2020-03-01')";

    await expect(value(sql)).rejects.toThrow(/unit month is not supported/);
  });

  it('divides integers as integers, truncating toward zero', async () => {
    expect(await value('SELECT 7 / 2')).toBe(3);
    expect(await value('SELECT -7 / 2')).toBe(-3);
  });

  it('sorts nulls last in descending order too', async () => {
    const result = toResultTable(
      await connection.runAndReadAll(
        'SELECT x FROM (VALUES (1), (NULL), (2)) AS t (x) ORDER BY x DESC',
      ),
    );

    expect(result.rows.map((row) => row.x)).toEqual([2, 1, null]);
  });
});
