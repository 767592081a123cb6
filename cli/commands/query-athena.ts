/**
 * The `--athena` mode of `orderfeed query`: runs the saved query in the deployed stack's
 * Athena workgroup and describes what the scan cost.
 */
import { AthenaClient } from '@aws-sdk/client-athena';
import { athenaCost, MINIMUM_BILLED_MB, USD_PER_TB_SCANNED } from '../../aws/athena-cost.ts';
import { runAthenaQuery } from '../../aws/athena-query.ts';
import { DEFAULT_STACK_NAME } from '../../aws/stack-outputs.ts';
import type { SavedQuery } from '../../queries/catalog.ts';
import { parameterValues } from '../../queries/parameters.ts';
import type { ResultRows } from '../output/result-rows.ts';

export interface AthenaFlags {
  readonly param: Readonly<Record<string, string>>;
  /** @default the stack's workgroup, named like the stack: `orderfeed` */
  readonly workgroup?: string;
  /** @default the stack's Glue database: the workgroup name with `-` as `_` */
  readonly database?: string;
  readonly region?: string;
}

export interface AthenaRun {
  readonly result: ResultRows;
  /** Data scanned and the estimated cost, one line. */
  readonly costLine: string;
}

export async function runOnAthena(saved: SavedQuery, flags: AthenaFlags): Promise<AthenaRun> {
  const workGroup = flags.workgroup ?? DEFAULT_STACK_NAME;
  const database = flags.database ?? workGroup.replaceAll('-', '_');
  const query = athenaStatement(saved, flags.param);
  const client = new AthenaClient(flags.region ? { region: flags.region } : {});

  try {
    const run = await runAthenaQuery(client, query, query.values, { workGroup, database });
    return {
      result: { columns: run.columns, rows: run.rows },
      costLine: costLine(run.dataScannedBytes),
    };
  } finally {
    client.destroy();
  }
}

/** A query runs with its checked parameters; a view is read whole, as in the local mode. */
function athenaStatement(saved: SavedQuery, param: Readonly<Record<string, string>>) {
  if (saved.kind === 'query') return { ...saved, values: parameterValues(saved, param) };
  const given = Object.keys(param);
  if (given.length > 0) {
    throw new Error(`view ${saved.name} takes no parameters, got ${given.join(', ')}`);
  }
  return { name: saved.name, sql: `SELECT * FROM ${saved.name}`, values: [] };
}

export function costLine(bytesScanned: number): string {
  const cost = athenaCost(bytesScanned);
  const usd = cost.usd < 0.01 ? cost.usd.toPrecision(2) : cost.usd.toFixed(2);
  return (
    `Data scanned: ${size(bytesScanned)} (billed ${size(cost.billedBytes)}); ` +
    `estimated cost $${usd} at $${USD_PER_TB_SCANNED} per TB, ${MINIMUM_BILLED_MB} MB minimum.\n`
  );
}

/** Bytes in the units Athena bills in: MB, then GB and TB for large scans (powers of 2). */
function size(bytes: number): string {
  if (bytes >= 2 ** 40) return `${(bytes / 2 ** 40).toFixed(2)} TB`;
  if (bytes >= 2 ** 30) return `${(bytes / 2 ** 30).toFixed(2)} GB`;
  return `${(bytes / 2 ** 20).toFixed(2)} MB`;
}
