/**
 * The vocabulary a table definition is written in: column types, columns and tables.
 *
 * A table is defined once, in this folder, and everything else derives from it: the Glue
 * columns (infra), the Arrow schema and DuckDB views (local warehouse), the row validator
 * and the table docs. The types are literal (`as const`) so {@link RowOf} can turn a table
 * definition into the TypeScript type of its rows.
 */

/** A column's type, named after the Glue/Hive type it becomes. */
export type ColumnType =
  | { readonly kind: 'string' }
  | { readonly kind: 'int' }
  | { readonly kind: 'bigint' }
  | { readonly kind: 'timestamp' }
  | { readonly kind: 'array'; readonly element: ColumnType }
  | { readonly kind: 'struct'; readonly fields: readonly Column[] };

export interface Column {
  /** Lower-case snake_case: Glue lower-cases column names, so rows use the same form. */
  readonly name: string;
  readonly type: ColumnType;
  readonly nullable: boolean;
  readonly description: string;
}

export interface TableDefinition {
  readonly name: string;
  readonly description: string;
  readonly columns: readonly Column[];
  /** Hive-style partition keys: part of the S3 prefix, never of the row. */
  readonly partitionKeys: readonly Column[];
}

export const STRING = { kind: 'string' } as const;
export const INT = { kind: 'int' } as const;
export const BIGINT = { kind: 'bigint' } as const;
export const TIMESTAMP = { kind: 'timestamp' } as const;

export function arrayOf<const T extends ColumnType>(element: T) {
  return { kind: 'array', element } as const;
}

export function structOf<const F extends readonly Column[]>(fields: F) {
  return { kind: 'struct', fields } as const;
}

/** A column that always holds a value. */
export function required<const N extends string, const T extends ColumnType>(
  name: N,
  type: T,
  description: string,
) {
  return { name, type, nullable: false, description } as const;
}

/** A column that may be null. */
export function nullable<const N extends string, const T extends ColumnType>(
  name: N,
  type: T,
  description: string,
) {
  return { name, type, nullable: true, description } as const;
}

/**
 * The partition key every table shares: the UTC date of the earlier of the order's
 * `created_at` and the event time (see `partition-date.ts` for why).
 */
export const DT_PARTITION = required(
  'dt',
  STRING,
  'UTC date (YYYY-MM-DD) of the earlier of the order created_at and the event time.',
);
