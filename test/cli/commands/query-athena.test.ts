import {
  AthenaClient,
  GetQueryExecutionCommand,
  GetQueryResultsCommand,
  StartQueryExecutionCommand,
} from '@aws-sdk/client-athena';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { queryCommand } from '../../../cli/commands/query.ts';
import { costLine } from '../../../cli/commands/query-athena.ts';
import { findSavedQuery } from '../../../queries/catalog.ts';
import { runCommand } from './run-aws-command.ts';

const athena = mockClient(AthenaClient);

afterEach(() => athena.reset());

const PARAMS = [
  ...['--param', 'start_date=2020-08-25', '--param', 'end_date=2020-08-26'],
  ...['--param', 'timezone=America/Chicago'],
];
const ON_ATHENA = ['--athena', '--workgroup', 'orderfeed-mars-prd', '--region', 'us-east-1'];

/** 26 MB billed: 26 / 2^20 TB * $5 = $0.000124. */
const COST_OF_25_MB_AND_A_BYTE =
  'Data scanned: 25.00 MB (billed 26.00 MB); estimated cost $0.00012 at $5 per TB, ' +
  '10 MB minimum.\n';

function answers(dataScannedBytes: number) {
  athena.on(StartQueryExecutionCommand).resolves({ QueryExecutionId: 'q-7' });
  athena.on(GetQueryExecutionCommand).resolves({
    QueryExecution: {
      Status: { State: 'SUCCEEDED' },
      Statistics: { DataScannedInBytes: dataScannedBytes },
    },
  });
  athena.on(GetQueryResultsCommand).resolves({
    ResultSet: {
      ResultSetMetadata: {
        ColumnInfo: [
          { Name: 'business_date', Type: 'date' },
          { Name: 'orders', Type: 'bigint' },
        ],
      },
      Rows: [
        { Data: [{ VarCharValue: 'business_date' }, { VarCharValue: 'orders' }] },
        { Data: [{ VarCharValue: '2020-08-25' }, { VarCharValue: '1' }] },
      ],
    },
  });
}

describe('Command: query --athena', () => {
  it("runs the saved SQL in the stack's workgroup and database, values as parameters", async () => {
    answers(1_572_864);

    const run = await runCommand(queryCommand(), [
      ...['daily_revenue', ...PARAMS, ...ON_ATHENA, '--format', 'json'],
    ]);

    expect(run.exitCode).toBe(0);
    expect(athena.commandCalls(StartQueryExecutionCommand)[0]?.args[0].input).toEqual({
      QueryString: findSavedQuery('daily_revenue').sql,
      WorkGroup: 'orderfeed-mars-prd',
      QueryExecutionContext: { Database: 'orderfeed_mars_prd' },
      ExecutionParameters: ["'2020-08-25'", "'2020-08-26'", "'America/Chicago'"],
    });
    expect(JSON.parse(run.stdout)).toEqual([{ business_date: '2020-08-25', orders: 1 }]);
    expect(run.stderr).toBe(
      'Data scanned: 1.50 MB (billed 10.00 MB); estimated cost $0.000048 at $5 per TB, ' +
        '10 MB minimum.\n',
    );
  });

  it('prints the data scanned and the cost under the table', async () => {
    answers(25 * 2 ** 20 + 1);

    const run = await runCommand(queryCommand(), ['daily_revenue', ...PARAMS, ...ON_ATHENA]);

    expect(run.stdout).toContain('2020-08-25');
    expect(run.stdout.endsWith(`1 row\n${COST_OF_25_MB_AND_A_BYTE}`)).toBe(true);
  });

  it('shows a large scan in GB or TB, and a cost of a cent or more in cents', () => {
    expect(costLine(3 * 2 ** 40)).toBe(
      'Data scanned: 3.00 TB (billed 3.00 TB); estimated cost $15.00 at $5 per TB, ' +
        '10 MB minimum.\n',
    );
    expect(costLine(1.5 * 2 ** 30)).toBe(
      'Data scanned: 1.50 GB (billed 1.50 GB); estimated cost $0.0073 at $5 per TB, ' +
        '10 MB minimum.\n',
    );
  });

  it('reads a view whole, with no parameters', async () => {
    answers(0);

    await runCommand(queryCommand(), ['orders_latest', ...ON_ATHENA]);

    const input = athena.commandCalls(StartQueryExecutionCommand)[0]?.args[0].input;
    expect(input?.QueryString).toBe('SELECT * FROM orders_latest');
    expect(input?.ExecutionParameters).toBeUndefined();
  });

  it('refuses a bad parameter before asking Athena anything', async () => {
    const run = await runCommand(queryCommand(), [
      ...['daily_revenue', '--param', 'start_date=2020-02-30', '--param', 'end_date=2020-08-26'],
      ...['--param', 'timezone=America/Chicago', ...ON_ATHENA],
    ]);

    expect(run.exitCode).toBe(1);
    expect(run.stderr).toBe(
      'orderfeed query: query daily_revenue: parameter start_date=2020-02-30: no such date\n',
    );
    expect(athena.commandCalls(StartQueryExecutionCommand)).toHaveLength(0);
  });

  it("exits non-zero with Athena's reason when the query fails", async () => {
    athena.on(StartQueryExecutionCommand).resolves({ QueryExecutionId: 'q-8' });
    athena.on(GetQueryExecutionCommand).resolves({
      QueryExecution: {
        Status: { State: 'FAILED', StateChangeReason: 'Query exhausted resources at this scale' },
      },
    });

    const run = await runCommand(queryCommand(), ['daily_revenue', ...PARAMS, ...ON_ATHENA]);

    expect(run.exitCode).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      'orderfeed query: daily_revenue FAILED (q-8): Query exhausted resources at this scale\n',
    );
  });
});
