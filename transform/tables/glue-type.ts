/**
 * The Glue (Hive DDL) spelling of a column type, e.g. `array<struct<state:string,time:timestamp>>`.
 * Used by the infra stack for Glue columns and by the table docs.
 */
import type { ColumnType } from './column.ts';

export function glueTypeOf(type: ColumnType): string {
  switch (type.kind) {
    case 'string':
    case 'int':
    case 'bigint':
    case 'timestamp':
      return type.kind;
    case 'array':
      return `array<${glueTypeOf(type.element)}>`;
    case 'struct': {
      const fields = type.fields.map((field) => `${field.name}:${glueTypeOf(field.type)}`);
      return `struct<${fields.join(',')}>`;
    }
  }
}
