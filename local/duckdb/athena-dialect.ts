/**
 * Makes a DuckDB session speak the SQL that Athena (engine v3, i.e. Trino) runs, so the saved
 * queries in queries/ run unchanged on the local warehouse. Only DuckDB is adapted: the SQL
 * text stays exactly what Athena is given.
 *
 * Each statement below closes one difference between the two engines that the saved queries
 * rely on; test/local/duckdb/athena-dialect.test.ts checks each on its own.
 */

/** Session settings: Athena's defaults, where DuckDB's differ or depend on the machine. */
export const ATHENA_SESSION_SETTINGS: readonly string[] = [
  // Athena runs every query in UTC; DuckDB would use the machine's zone for time zone casts.
  "SET TimeZone = 'UTC'",
  // Trino divides integers as integers (7 / 2 = 3); DuckDB's `/` would return 3.5.
  'SET integer_division = true',
  // Trino sorts nulls last in both directions; say so rather than rely on DuckDB's default.
  "SET default_null_order = 'nulls_last'",
];

/**
 * Trino functions the saved queries use that DuckDB lacks or defines differently. A macro of
 * the same name shadows DuckDB's built-in in this session only.
 */
export const ATHENA_MACROS: readonly string[] = [
  // Trino: with_timezone(ts, zone) reads a zoneless timestamp as a wall-clock time in zone.
  // The saved queries tag every UTC column with it, so nothing depends on the session zone.
  'CREATE OR REPLACE MACRO with_timezone(ts, zone) AS timezone(zone, CAST(ts AS TIMESTAMP))',
  // Trino: at_timezone(tstz, zone) shows an instant on the wall clock of zone, so date(),
  // hour() and CAST(... AS date) see local time. DuckDB's `AT TIME ZONE` would read a
  // zoneless timestamp as local instead, so it is never used; this macro returns the local
  // wall-clock time (a zoneless timestamp) whose fields are the ones Trino shows.
  'CREATE OR REPLACE MACRO at_timezone(ts, zone) AS timezone(zone, CAST(ts AS TIMESTAMPTZ))',
  // Trino: cardinality(array) is its length; DuckDB's cardinality only accepts maps.
  'CREATE OR REPLACE MACRO cardinality(items) AS len(items)',
  // Trino: sequence(start, stop) counts up by 1, or down by 1 when stop < start, both ends
  // included; DuckDB has no sequence() and generate_series needs the step spelled out.
  'CREATE OR REPLACE MACRO sequence(start, stop) AS ' +
    'generate_series(start, stop, CASE WHEN start <= stop THEN 1 ELSE -1 END)',
  // Trino: date_diff(unit, a, b) counts whole units elapsed (0.5 s to 1.0 s is 0 seconds);
  // DuckDB counts unit boundaries crossed (1 second). Athena timestamps hold milliseconds, so
  // elapsed milliseconds divided as integers (truncating toward zero, as Trino does) match.
  'CREATE OR REPLACE MACRO date_diff(unit, a, b) AS ' +
    '(epoch_ms(b) - epoch_ms(a)) // CASE lower(unit) ' +
    "WHEN 'millisecond' THEN 1 WHEN 'second' THEN 1000 WHEN 'minute' THEN 60000 " +
    "WHEN 'hour' THEN 3600000 WHEN 'day' THEN 86400000 " +
    "ELSE error('date_diff: unit ' || unit || ' is not supported locally') END",
];

/** Every statement that turns a fresh DuckDB connection into an Athena look-alike. */
export const ATHENA_DIALECT: readonly string[] = [...ATHENA_SESSION_SETTINGS, ...ATHENA_MACROS];
