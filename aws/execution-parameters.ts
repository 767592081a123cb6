/**
 * Athena execution parameters: the values of a query's `?` placeholders, sent beside the SQL
 * in StartQueryExecution so that no value is ever spliced into the query text.
 *
 * Athena reads each parameter as a SQL literal, so a string value must be quoted: `2026-09-01`
 * alone would be arithmetic. Every saved query parameter is a date or varchar that the SQL
 * casts (`CAST(? AS date)`), so each value is sent as a string literal, its quotes doubled.
 */

export function executionParameters(values: readonly string[]): string[] {
  return values.map((value) => `'${value.replaceAll("'", "''")}'`);
}
