/**
 * The orderfeed tables, by name. Import table definitions from here.
 */
import type { TableDefinition } from './column.ts';
import { ORDER_EVENTS } from './order-events.ts';
import { ORDER_LINE_ITEMS } from './order-line-items.ts';

export * from './column.ts';
export type { OrderEventRow } from './order-events.ts';
export { ORDER_EVENTS } from './order-events.ts';
export type { OrderLineItemRow } from './order-line-items.ts';
export { ORDER_LINE_ITEMS } from './order-line-items.ts';
export type { ColumnsRow, RowOf, ValueOf } from './row-type.ts';

export const TABLES = [
  ORDER_EVENTS,
  ORDER_LINE_ITEMS,
] as const satisfies readonly TableDefinition[];

export type TableName = (typeof TABLES)[number]['name'];

export const TABLE_NAMES: readonly TableName[] = TABLES.map((table) => table.name);

/** Returns the table called `name`, or undefined when there is none. */
export function findTable(name: string): TableDefinition | undefined {
  return TABLES.find((table) => table.name === name);
}
