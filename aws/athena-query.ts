/**
 * Runs a saved query in Athena: StartQueryExecution with execution parameters, polling
 * GetQueryExecution with backoff until the query ends, then every page of GetQueryResults.
 */
import {
  type AthenaClient,
  type ColumnInfo,
  GetQueryExecutionCommand,
  paginateGetQueryResults,
  type QueryExecution,
  type Row,
  StartQueryExecutionCommand,
} from '@aws-sdk/client-athena';
import type { SavedQuery } from '../queries/catalog.ts';
import { type AthenaValue, athenaValue } from './athena-values.ts';
import { sleep } from './backoff.ts';
import { executionParameters } from './execution-parameters.ts';

export interface AthenaQueryOptions {
  readonly workGroup: string;
  /** The Glue database the unqualified table names in the saved SQL resolve in. */
  readonly database: string;
  /** The first wait between polls, doubling up to `maxPollMs`. @default 250 */
  readonly firstPollMs?: number;
  /** @default 5000 */
  readonly maxPollMs?: number;
  /** How to wait between polls. @default a real timer */
  readonly sleep?: (ms: number) => Promise<void>;
}

export interface AthenaQueryResult {
  readonly queryExecutionId: string;
  readonly columns: string[];
  /** One object per result row, keyed by column name, in Athena's order. */
  readonly rows: Record<string, AthenaValue>[];
  readonly dataScannedBytes: number;
}

/** The query ended FAILED or CANCELLED; the message is Athena's reason. */
export class AthenaQueryError extends Error {
  constructor(
    message: string,
    readonly queryExecutionId: string,
    readonly state: string,
  ) {
    super(message);
    this.name = 'AthenaQueryError';
  }
}

/** Runs `query` with `values` for its placeholders, in header order. */
export async function runAthenaQuery(
  client: AthenaClient,
  query: Pick<SavedQuery, 'name' | 'sql'>,
  values: readonly string[],
  options: AthenaQueryOptions,
): Promise<AthenaQueryResult> {
  const started = await client.send(
    new StartQueryExecutionCommand({
      QueryString: query.sql,
      WorkGroup: options.workGroup,
      QueryExecutionContext: { Database: options.database },
      ...(values.length > 0 ? { ExecutionParameters: executionParameters(values) } : {}),
    }),
  );
  const id = started.QueryExecutionId;
  if (!id) throw new AthenaQueryError(`Athena started ${query.name} without an id`, '', 'NONE');

  const execution = await waitForQuery(client, query.name, id, options);
  const { columns, rows } = await readResults(client, id);
  const dataScannedBytes = execution.Statistics?.DataScannedInBytes ?? 0;
  return { queryExecutionId: id, columns, rows, dataScannedBytes };
}

async function waitForQuery(
  client: AthenaClient,
  name: string,
  id: string,
  options: AthenaQueryOptions,
): Promise<QueryExecution> {
  const { firstPollMs = 250, maxPollMs = 5000 } = options;
  const wait = options.sleep ?? sleep;

  for (let delay = firstPollMs; ; delay = Math.min(maxPollMs, delay * 2)) {
    const answer = await client.send(new GetQueryExecutionCommand({ QueryExecutionId: id }));
    const execution = answer.QueryExecution ?? {};
    const state = execution.Status?.State;
    if (state === 'SUCCEEDED') return execution;
    if (state === 'FAILED' || state === 'CANCELLED') {
      const reason = execution.Status?.StateChangeReason ?? 'Athena gave no reason';
      throw new AthenaQueryError(`${name} ${state} (${id}): ${reason}`, id, state);
    }
    await wait(delay);
  }
}

async function readResults(client: AthenaClient, id: string) {
  let columnInfo: ColumnInfo[] | undefined;
  const rows: Record<string, AthenaValue>[] = [];

  for await (const page of paginateGetQueryResults({ client }, { QueryExecutionId: id })) {
    const pageRows = page.ResultSet?.Rows ?? [];
    if (!columnInfo) {
      columnInfo = page.ResultSet?.ResultSetMetadata?.ColumnInfo ?? [];
      // The first row of the first page of a SELECT is the column names, not data.
      if (isHeader(columnInfo, pageRows[0])) pageRows.shift();
    }
    for (const row of pageRows) rows.push(rowObject(columnInfo, row));
  }
  return { columns: (columnInfo ?? []).map((column) => column.Name ?? ''), rows };
}

function isHeader(columns: ColumnInfo[], row: Row | undefined): boolean {
  const data = row?.Data ?? [];
  return data.length > 0 && columns.every((column, i) => data[i]?.VarCharValue === column.Name);
}

function rowObject(columns: ColumnInfo[], row: Row): Record<string, AthenaValue> {
  const data = row.Data ?? [];
  return Object.fromEntries(
    columns.map((column, i) => [column.Name, athenaValue(column, data[i])]),
  );
}
