/**
 * The DuckDB type of a table column, derived from its definition in transform/tables, so the
 * local views read Parquet with exactly the types Glue declares for Athena.
 */
import type { ColumnType } from '../../transform/tables/index.ts';

/** Quotes an identifier for DuckDB and Trino alike (both use double quotes). */
export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** Quotes a string literal for SQL. */
export function quoteLiteral(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/**
 * Returns the DuckDB type for a column type. Timestamps are plain TIMESTAMP: Athena reads
 * Glue `timestamp` columns as timestamps without a zone, holding UTC wall-clock times.
 */
export function duckdbType(type: ColumnType): string {
  switch (type.kind) {
    case 'string':
      return 'VARCHAR';
    case 'int':
      return 'INTEGER';
    case 'bigint':
      return 'BIGINT';
    case 'timestamp':
      return 'TIMESTAMP';
    case 'array':
      return `${duckdbType(type.element)}[]`;
    case 'struct': {
      const fields = type.fields.map(
        (field) => `${quoteIdentifier(field.name)} ${duckdbType(field.type)}`,
      );
      return `STRUCT(${fields.join(', ')})`;
    }
  }
}
