import {
  AthenaClient,
  GetQueryExecutionCommand,
  GetQueryResultsCommand,
  type QueryExecutionState,
  StartQueryExecutionCommand,
} from '@aws-sdk/client-athena';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { AthenaQueryError, runAthenaQuery } from '../../aws/athena-query.ts';
import { parseSavedQuery } from '../../queries/catalog.ts';
import { recordedSleep } from './fakes.ts';

const athena = mockClient(AthenaClient);
const client = new AthenaClient({ region: 'us-east-2' });

afterEach(() => athena.reset());

const REVENUE = parseSavedQuery(
  'revenue.sql',
  [
    '-- name: revenue',
    '-- description: Revenue per day.',
    '-- param: start_date date First day.',
    '-- param: timezone varchar Venue time zone.',
    'WITH params AS (SELECT CAST(? AS date) AS start_date, ? AS timezone)',
    'SELECT business_date, orders, total_cents FROM daily, params',
  ].join('\n'),
);

const COLUMNS = [
  { Name: 'business_date', Type: 'date' },
  { Name: 'orders', Type: 'bigint' },
  { Name: 'total_cents', Type: 'bigint' },
];
const cells = (...values: (string | undefined)[]) => ({
  Data: values.map((value) => (value === undefined ? {} : { VarCharValue: value })),
});

function succeedsAfter(states: QueryExecutionState[], dataScannedBytes: number) {
  const polls = athena.on(GetQueryExecutionCommand, { QueryExecutionId: 'q-1' });
  for (const state of states) polls.resolvesOnce({ QueryExecution: { Status: { State: state } } });
  polls.resolves({
    QueryExecution: {
      Status: { State: 'SUCCEEDED' },
      Statistics: { DataScannedInBytes: dataScannedBytes },
    },
  });
}

const OPTIONS = { workGroup: 'orderfeed', database: 'orderfeed' };

describe('Function: runAthenaQuery', () => {
  it('starts the saved SQL with its values as execution parameters, never in the text', async () => {
    athena.on(StartQueryExecutionCommand).resolves({ QueryExecutionId: 'q-1' });
    succeedsAfter([], 0);
    athena.on(GetQueryResultsCommand).resolves({ ResultSet: { Rows: [] } });

    await runAthenaQuery(client, REVENUE, ['2020-08-25', 'America/Chicago'], OPTIONS);

    expect(athena.commandCalls(StartQueryExecutionCommand)[0]?.args[0].input).toEqual({
      QueryString: REVENUE.sql,
      WorkGroup: 'orderfeed',
      QueryExecutionContext: { Database: 'orderfeed' },
      ExecutionParameters: ["'2020-08-25'", "'America/Chicago'"],
    });
  });

  it('polls with a doubling wait until the query succeeds', async () => {
    athena.on(StartQueryExecutionCommand).resolves({ QueryExecutionId: 'q-1' });
    succeedsAfter(['QUEUED', 'RUNNING', 'RUNNING', 'RUNNING', 'RUNNING', 'RUNNING'], 0);
    athena.on(GetQueryResultsCommand).resolves({ ResultSet: { Rows: [] } });
    const { waits, sleep } = recordedSleep();

    await runAthenaQuery(client, REVENUE, ['2020-08-25', 'UTC'], {
      ...OPTIONS,
      sleep,
      firstPollMs: 250,
      maxPollMs: 2000,
    });

    expect(waits).toEqual([250, 500, 1000, 2000, 2000, 2000]);
    expect(athena.commandCalls(GetQueryExecutionCommand)).toHaveLength(7);
  });

  it('reads every page, drops the header row once and converts the values', async () => {
    athena.on(StartQueryExecutionCommand).resolves({ QueryExecutionId: 'q-1' });
    succeedsAfter([], 123_456_789);
    athena
      .on(GetQueryResultsCommand, { QueryExecutionId: 'q-1', NextToken: undefined })
      .resolves({
        NextToken: 'page-2',
        ResultSet: {
          ResultSetMetadata: { ColumnInfo: COLUMNS },
          Rows: [
            cells('business_date', 'orders', 'total_cents'),
            cells('2020-08-25', '2', '15000'),
          ],
        },
      })
      .on(GetQueryResultsCommand, { QueryExecutionId: 'q-1', NextToken: 'page-2' })
      .resolves({
        ResultSet: {
          ResultSetMetadata: { ColumnInfo: COLUMNS },
          Rows: [cells('2020-08-26', '1', undefined)],
        },
      });

    const result = await runAthenaQuery(client, REVENUE, ['2020-08-25', 'UTC'], OPTIONS);

    expect(result).toEqual({
      queryExecutionId: 'q-1',
      columns: ['business_date', 'orders', 'total_cents'],
      rows: [
        { business_date: '2020-08-25', orders: 2, total_cents: 15000 },
        { business_date: '2020-08-26', orders: 1, total_cents: null },
      ],
      dataScannedBytes: 123_456_789,
    });
  });

  it("throws with Athena's reason when the query fails", async () => {
    athena.on(StartQueryExecutionCommand).resolves({ QueryExecutionId: 'q-1' });
    athena.on(GetQueryExecutionCommand).resolves({
      QueryExecution: {
        Status: {
          State: 'FAILED',
          StateChangeReason:
            "TABLE_NOT_FOUND: line 2:43: Table 'awsdatacatalog.x.daily' does not exist",
        },
      },
    });

    const running = runAthenaQuery(client, REVENUE, ['2020-08-25', 'UTC'], OPTIONS);

    await expect(running).rejects.toThrow(AthenaQueryError);
    await expect(running).rejects.toThrow(
      "revenue FAILED (q-1): TABLE_NOT_FOUND: line 2:43: Table 'awsdatacatalog.x.daily' " +
        'does not exist',
    );
    expect(athena.commandCalls(GetQueryResultsCommand)).toHaveLength(0);
  });

  it('throws when the query is cancelled, e.g. by the workgroup scan limit', async () => {
    athena.on(StartQueryExecutionCommand).resolves({ QueryExecutionId: 'q-1' });
    athena.on(GetQueryExecutionCommand).resolves({
      QueryExecution: {
        Status: { State: 'CANCELLED', StateChangeReason: 'Bytes scanned limit was exceeded' },
      },
    });

    const running = runAthenaQuery(client, REVENUE, ['2020-08-25', 'UTC'], OPTIONS);

    await expect(running).rejects.toThrow(
      'revenue CANCELLED (q-1): Bytes scanned limit was exceeded',
    );
  });
});
