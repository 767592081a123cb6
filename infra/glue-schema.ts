/**
 * Glue columns derived from the one table definition in `transform/tables`, so the Glue
 * catalog, Firehose's Parquet conversion and the local warehouse can never disagree.
 */
import { type Column as GlueColumn, Schema, type Type } from '@aws-cdk/aws-glue-alpha';
import type { Column, ColumnType, TableDefinition } from '../transform/tables/index.ts';

/** The Glue (Hive) type of a column type, nested arrays and structs included. */
export function glueType(type: ColumnType): Type {
  switch (type.kind) {
    case 'string':
      return Schema.STRING;
    case 'int':
      return Schema.INTEGER;
    case 'bigint':
      return Schema.BIG_INT;
    case 'timestamp':
      return Schema.TIMESTAMP;
    case 'array':
      return Schema.array(glueType(type.element));
    case 'struct':
      // Struct fields carry no comment: Glue would embed it in the type string
      // (`struct<state:string COMMENT '...'>`), which Firehose's and Athena's type parsers
      // are not guaranteed to accept; the table column keeps its description.
      return Schema.struct(
        type.fields.map((field) => ({ name: field.name, type: glueType(field.type) })),
      );
  }
}

/** One Glue column, with the definition's description as its comment. */
export function glueColumn(column: Column): GlueColumn {
  return { name: column.name, type: glueType(column.type), comment: column.description };
}

/** The table's data columns, in definition order. */
export function glueColumns(table: TableDefinition): GlueColumn[] {
  return table.columns.map(glueColumn);
}

/** The table's partition keys (`dt`), which are part of the S3 prefix, never of the row. */
export function gluePartitionKeys(table: TableDefinition): GlueColumn[] {
  return table.partitionKeys.map(glueColumn);
}
