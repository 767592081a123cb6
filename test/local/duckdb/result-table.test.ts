import { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toResultTable } from '../../../local/duckdb/result-table.ts';

describe('toResultTable', () => {
  let instance: DuckDBInstance;
  let connection: DuckDBConnection;

  beforeAll(async () => {
    instance = await DuckDBInstance.create(':memory:');
    connection = await DuckDBConnection.create(instance);
  });

  afterAll(() => {
    connection.closeSync();
    instance.closeSync();
  });

  async function read(sql: string) {
    return toResultTable(await connection.runAndReadAll(sql));
  }

  it('keeps the columns in query order', async () => {
    const result = await read('SELECT 1 AS b, 2 AS a');

    expect(result.columns).toEqual(['b', 'a']);
  });

  it('turns 64- and 128-bit integers and decimals into plain numbers', async () => {
    // sum(bigint) is a HUGEINT in DuckDB; 7500 + 2750 = 10250.
    const sql =
      'SELECT CAST(9007199254740991 AS BIGINT) AS largest, ' +
      'sum(x) AS total, CAST(12.5 AS DECIMAL(4, 1)) AS half ' +
      'FROM (VALUES (CAST(7500 AS BIGINT)), (CAST(2750 AS BIGINT))) AS t (x)';

    expect((await read(sql)).rows).toEqual([
      { largest: 9007199254740991, total: 10250, half: 12.5 },
    ]);
  });

  it('writes dates as YYYY-MM-DD and keeps nulls', async () => {
    const sql = "SELECT DATE '2020-08-25' AS business_date, CAST(NULL AS BIGINT) AS tip_cents";

    expect((await read(sql)).rows).toEqual([{ business_date: '2020-08-25', tip_cents: null }]);
  });

  it('turns the integers inside arrays and structs into numbers too', async () => {
    const sql = "SELECT [{'uuid': 'p1', 'discount_cents': CAST(100 AS BIGINT)}] AS promotions";

    expect((await read(sql)).rows).toEqual([{ promotions: [{ uuid: 'p1', discount_cents: 100 }] }]);
  });

  it('refuses to round an integer beyond the exact range of a number', async () => {
    const sql = 'SELECT CAST(9007199254740993 AS BIGINT) AS too_big';

    await expect(read(sql)).rejects.toThrow(
      'column too_big: 9007199254740993 is beyond the exact range of a JavaScript number',
    );
  });
});
