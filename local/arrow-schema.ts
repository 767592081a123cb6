/**
 * The Arrow schema of a table, derived from its definition in transform/tables, and the
 * conversion of a JSON row (as the transform emits it) to the values Arrow builders take.
 *
 * Timestamps are millisecond, with no time zone: Athena's `timestamp` has millisecond
 * precision and no zone, so the local warehouse reads back exactly what Athena would. A
 * row timestamp with more than three fraction digits is truncated to the millisecond.
 */
import {
  type DataType,
  Field,
  Int32,
  Int64,
  List,
  Schema,
  Struct,
  TimestampMillisecond,
  Utf8,
} from 'apache-arrow';
import type { Column, ColumnType, TableDefinition } from '../transform/tables/index.ts';

/** Parquet names the items of a list `element`, and Glue/Athena read lists that way. */
const LIST_ITEM = 'element';

export function arrowSchema(table: TableDefinition): Schema {
  return new Schema(table.columns.map(arrowField));
}

function arrowField(column: Column): Field {
  return new Field(column.name, arrowType(column.type), column.nullable);
}

export function arrowType(type: ColumnType): DataType {
  switch (type.kind) {
    case 'string':
      return new Utf8();
    case 'int':
      return new Int32();
    case 'bigint':
      return new Int64();
    case 'timestamp':
      return new TimestampMillisecond();
    case 'array':
      return new List(new Field(LIST_ITEM, arrowType(type.element), true));
    case 'struct':
      return new Struct(type.fields.map(arrowField));
  }
}

/** A row's values as Arrow builders take them: bigint for Int64, epoch ms for timestamps. */
export function arrowRow(columns: readonly Column[], row: Record<string, unknown>) {
  const values: Record<string, unknown> = {};
  for (const column of columns) values[column.name] = arrowValue(column.type, row[column.name]);
  return values;
}

function arrowValue(type: ColumnType, value: unknown): unknown {
  if (value === null || value === undefined) return null;

  switch (type.kind) {
    case 'bigint':
      return BigInt(value as number);
    case 'timestamp':
      return Date.parse(value as string);
    case 'array':
      return (value as unknown[]).map((item) => arrowValue(type.element, item));
    case 'struct':
      return arrowRow(type.fields, value as Record<string, unknown>);
    default:
      return value;
  }
}
