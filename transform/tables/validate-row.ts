/**
 * Checks a row against its table definition at run time: exactly the table's columns,
 * each value of its column's type. Used by the tests and by the local warehouse writer,
 * so a row that would not load into Glue/Parquet is caught before it is written.
 */
import type { Column, ColumnType, TableDefinition } from './column.ts';

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$/;

/** Returns the problems with `row` as "column: reason" strings; empty when it matches. */
export function rowProblems(table: TableDefinition, row: unknown): string[] {
  return columnsProblems(table.columns, row, '');
}

function columnsProblems(columns: readonly Column[], value: unknown, prefix: string): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return [`${prefix || 'row'}: expected an object`];
  }

  const record = value as Record<string, unknown>;
  const known = new Set(columns.map((column) => column.name));
  const problems = Object.keys(record)
    .filter((key) => !known.has(key))
    .map((key) => `${prefix}${key}: not a column of the table`);

  for (const column of columns) {
    const path = `${prefix}${column.name}`;
    const cell = record[column.name];
    if (cell === undefined) {
      problems.push(`${path}: missing`);
    } else if (cell === null) {
      if (!column.nullable) problems.push(`${path}: null in a required column`);
    } else {
      problems.push(...valueProblems(column.type, cell, path));
    }
  }
  return problems;
}

function valueProblems(type: ColumnType, value: unknown, path: string): string[] {
  switch (type.kind) {
    case 'string':
      return typeof value === 'string' ? [] : [`${path}: expected a string`];
    case 'timestamp':
      return typeof value === 'string' && ISO_UTC.test(value)
        ? []
        : [`${path}: expected an ISO-8601 UTC timestamp`];
    case 'int':
      return Number.isInteger(value) && Math.abs(value as number) <= 2 ** 31 - 1
        ? []
        : [`${path}: expected a 32-bit integer`];
    case 'bigint':
      return Number.isSafeInteger(value) ? [] : [`${path}: expected a safe integer`];
    case 'array':
      return Array.isArray(value)
        ? value.flatMap((item, index) => valueProblems(type.element, item, `${path}[${index}]`))
        : [`${path}: expected an array`];
    case 'struct':
      return columnsProblems(type.fields, value, `${path}.`);
  }
}
