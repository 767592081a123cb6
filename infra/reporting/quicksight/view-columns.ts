/**
 * The columns QuickSight reads from the views, derived from the table definitions: each view
 * selects `*` of its table's rows (one snapshot per order), so its columns are the table's,
 * plus the `dt` partition. Arrays and structs are left out: QuickSight has no type for them.
 */
import type { CfnDataSet } from 'aws-cdk-lib/aws-quicksight';
import {
  type Column,
  type ColumnType,
  ORDER_EVENTS,
  ORDER_LINE_ITEMS,
  type TableDefinition,
} from '../../../transform/tables/index.ts';

/** The views the dashboard reads and the table each takes its columns from. */
export const VIEW_TABLES = {
  orders_latest: ORDER_EVENTS,
  line_items_latest: ORDER_LINE_ITEMS,
} as const;

export type ViewName = keyof typeof VIEW_TABLES;

/** A column name of the table behind `view`, checked by the compiler. */
export type ViewColumn<V extends ViewName> = (typeof VIEW_TABLES)[V]['columns'][number]['name'];

const QUICKSIGHT_TYPES: Partial<Record<ColumnType['kind'], string>> = {
  string: 'STRING',
  int: 'INTEGER',
  bigint: 'INTEGER',
  timestamp: 'DATETIME',
};

/** The input columns of a dataset over `view`, in the table's order, `dt` last. */
export function inputColumnsOf(view: ViewName): CfnDataSet.InputColumnProperty[] {
  const table: TableDefinition = VIEW_TABLES[view];
  return [...table.columns, ...table.partitionKeys].flatMap((column: Column) => {
    const type = QUICKSIGHT_TYPES[column.type.kind];
    return type ? [{ name: column.name, type }] : [];
  });
}
