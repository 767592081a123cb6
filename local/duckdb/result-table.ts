/**
 * A query result as plain JavaScript values: what the CLI prints as a table, CSV or JSON,
 * whichever engine answered.
 */
import {
  DuckDBListType,
  type DuckDBResultReader,
  DuckDBStructType,
  type DuckDBType,
  DuckDBTypeId,
  type Json,
} from '@duckdb/node-api';

/** A JSON value: numbers are plain numbers, dates `YYYY-MM-DD`, timestamps text. */
export type PlainValue =
  | string
  | number
  | boolean
  | null
  | readonly PlainValue[]
  | { readonly [key: string]: PlainValue };

export interface ResultTable {
  /** Column names, in the order the query selects them. */
  readonly columns: readonly string[];
  readonly rows: readonly Readonly<Record<string, PlainValue>>[];
}

/** DuckDB types whose JSON form is text but whose value is a number. */
const NUMERIC_AS_TEXT = new Set<DuckDBTypeId>([
  DuckDBTypeId.BIGINT,
  DuckDBTypeId.UBIGINT,
  DuckDBTypeId.HUGEINT,
  DuckDBTypeId.UHUGEINT,
  DuckDBTypeId.DECIMAL,
]);

export class UnsafeNumberError extends Error {
  constructor(column: string, value: string) {
    super(`column ${column}: ${value} is beyond the exact range of a JavaScript number`);
    this.name = 'UnsafeNumberError';
  }
}

/**
 * Reads every row of `reader` as plain values. Integer columns wider than 32 bits (counts,
 * sums of cents) become numbers, and an integer past 2^53, which a number cannot hold
 * exactly, throws rather than being rounded. Decimals become the nearest number: the saved
 * reports compute ratios as doubles, never as decimals.
 */
export function toResultTable(reader: DuckDBResultReader): ResultTable {
  const columns = reader.columnNames();
  const types = reader.columnTypes();
  const rows = reader.getRowsJson().map((row) => {
    const record: Record<string, PlainValue> = {};
    columns.forEach((column, index) => {
      const type = types[index];
      const value = row[index] ?? null;
      record[column] = type ? plainValue(column, type, value) : value;
    });
    return record;
  });
  return { columns, rows };
}

/** DuckDB's JSON form of a value, with the numbers it writes as text made numbers again. */
function plainValue(column: string, type: DuckDBType, value: Json): PlainValue {
  if (value === null) return null;
  if (NUMERIC_AS_TEXT.has(type.typeId) && typeof value === 'string') {
    return toNumber(column, value);
  }
  if (type instanceof DuckDBListType && Array.isArray(value)) {
    return value.map((element) => plainValue(column, type.valueType, element));
  }
  if (type instanceof DuckDBStructType && typeof value === 'object' && !Array.isArray(value)) {
    const struct: Record<string, PlainValue> = {};
    type.entryNames.forEach((name, index) => {
      const entryType = type.entryTypes[index];
      const entry = value[name] ?? null;
      struct[name] = entryType ? plainValue(`${column}.${name}`, entryType, entry) : entry;
    });
    return struct;
  }
  return value;
}

function toNumber(column: string, text: string): number {
  const value = Number(text);
  const exact = text.includes('.') ? Number.isFinite(value) : Number.isSafeInteger(value);
  if (!exact) throw new UnsafeNumberError(column, text);
  return value;
}
