/**
 * Runs view DDL in Athena, one statement at a time and in the given order, waiting for each:
 * a view that fails stops the run with Athena's reason, so the deploy fails and rolls back.
 */
import {
  type AthenaClient,
  GetQueryExecutionCommand,
  StartQueryExecutionCommand,
} from '@aws-sdk/client-athena';

export interface ViewStatement {
  /** The view the statement creates or drops, for error messages. */
  readonly name: string;
  readonly sql: string;
}

export interface RunOptions {
  readonly database: string;
  readonly workGroup: string;
  /** Wait between status checks. @default 1000 ms */
  readonly pollMilliseconds?: number;
  /** Status checks before a statement counts as stuck. @default 300 */
  readonly maxPolls?: number;
}

export class ViewCreationError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'ViewCreationError';
  }
}

/** Runs each statement to completion before the next; throws on the first that fails. */
export async function runStatements(
  client: AthenaClient,
  statements: readonly ViewStatement[],
  options: RunOptions,
): Promise<void> {
  for (const statement of statements) {
    await runStatement(client, statement, options);
  }
}

async function runStatement(
  client: AthenaClient,
  statement: ViewStatement,
  options: RunOptions,
): Promise<void> {
  const started = await client.send(
    new StartQueryExecutionCommand({
      QueryString: statement.sql,
      QueryExecutionContext: { Database: options.database },
      WorkGroup: options.workGroup,
    }),
  );
  const id = started.QueryExecutionId;
  if (!id) throw new ViewCreationError(`view ${statement.name}: Athena returned no query id`);

  const maxPolls = options.maxPolls ?? 300;
  for (let poll = 0; poll < maxPolls; poll++) {
    const answer = await client.send(new GetQueryExecutionCommand({ QueryExecutionId: id }));
    const status = answer.QueryExecution?.Status;
    if (status?.State === 'SUCCEEDED') return;
    if (status?.State === 'FAILED' || status?.State === 'CANCELLED') {
      const reason = status.StateChangeReason ?? 'no reason given';
      throw new ViewCreationError(`view ${statement.name} ${status.State} (${id}): ${reason}`);
    }
    await sleep(options.pollMilliseconds ?? 1000);
  }
  throw new ViewCreationError(`view ${statement.name} still running after ${maxPolls} checks`);
}

function sleep(milliseconds: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, milliseconds));
}
