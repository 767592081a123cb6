/**
 * Test helper: runs SQL on an in-memory DuckDB and returns the rows as JSON-friendly objects.
 */
import { DuckDBInstance } from '@duckdb/node-api';

export async function query(sql: string): Promise<Record<string, unknown>[]> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    const reader = await connection.runAndReadAll(sql);
    return reader.getRowObjectsJson() as Record<string, unknown>[];
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
