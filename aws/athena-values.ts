/**
 * Converts GetQueryResults cells, which Athena returns as text, into JSON values by the
 * column's Athena type, so the rows read like the local (DuckDB) mode's.
 */
import type { ColumnInfo, Datum } from '@aws-sdk/client-athena';

export type AthenaValue = string | number | boolean | null;

const WHOLE_NUMBER_TYPES = new Set(['tinyint', 'smallint', 'integer', 'int']);
const FLOAT_TYPES = new Set(['double', 'float', 'real']);

/**
 * A NULL cell (no `VarCharValue`) is null; small integers and floats are numbers; a bigint is
 * a number while it is a safe integer and its exact text beyond; a boolean is a boolean;
 * everything else (varchar, date, timestamp, decimal, arrays, rows) stays Athena's text.
 */
export function athenaValue(column: ColumnInfo, datum: Datum | undefined): AthenaValue {
  const text = datum?.VarCharValue;
  if (text === undefined) return null;

  const type = (column.Type ?? 'varchar').toLowerCase();
  if (WHOLE_NUMBER_TYPES.has(type) || FLOAT_TYPES.has(type)) return Number(text);
  if (type === 'bigint') return Number.isSafeInteger(Number(text)) ? Number(text) : text;
  if (type === 'boolean') return text === 'true';
  return text;
}
