/**
 * Type-level derivation of a row from a table definition, so a flattener that forgets or
 * misspells a column fails to compile.
 */
import type { Column, ColumnType, TableDefinition } from './column.ts';

/** The JSON value a column type holds in a Firehose row. Timestamps are ISO-8601 UTC text. */
export type ValueOf<T extends ColumnType> = T extends { kind: 'string' | 'timestamp' }
  ? string
  : T extends { kind: 'int' | 'bigint' }
    ? number
    : T extends { kind: 'array'; element: infer E extends ColumnType }
      ? ValueOf<E>[]
      : T extends { kind: 'struct'; fields: infer F extends readonly Column[] }
        ? ColumnsRow<F>
        : never;

export type ColumnsRow<C extends readonly Column[]> = {
  [K in C[number] as K['name']]: K['nullable'] extends true
    ? ValueOf<K['type']> | null
    : ValueOf<K['type']>;
};

/** One row of a table, exactly its columns. */
export type RowOf<T extends TableDefinition> = ColumnsRow<T['columns']>;
