/**
 * Converts GetQueryResults cells, which Athena returns as text, into JSON values by the
 * column's Athena type, so the rows read like the local (DuckDB) mode's.
 */
import type { ColumnInfo, Datum } from '@aws-sdk/client-athena';

export type AthenaValue = string | number | boolean | null;

const NUMBER_TYPES = new Set(['tinyint', 'smallint', 'integer', 'int', 'double', 'float', 'real']);

/**
 * A NULL cell (no `VarCharValue`) is null; integers, floats and decimals are numbers, as the
 * local mode prints them, except a bigint or decimal a number cannot hold exactly, which
 * stays Athena's exact text; a boolean is a boolean; everything else (varchar, date,
 * timestamp, arrays, rows) stays Athena's text.
 */
export function athenaValue(column: ColumnInfo, datum: Datum | undefined): AthenaValue {
  const text = datum?.VarCharValue;
  if (text === undefined) return null;

  const type = (column.Type ?? 'varchar').toLowerCase();
  if (NUMBER_TYPES.has(type)) return Number(text);
  if (type === 'bigint') return Number.isSafeInteger(Number(text)) ? Number(text) : text;
  if (type === 'decimal') return isExactDecimal(text) ? Number(text) : text;
  if (type === 'boolean') return text === 'true';
  return text;
}

/** True when the decimal's digits survive a round trip through a JavaScript number. */
function isExactDecimal(text: string): boolean {
  const value = Number(text);
  const [whole = '', fraction = ''] = text.replace(/^-/, '').split('.');
  return Number.isFinite(value) && whole.length + fraction.length <= 15;
}
