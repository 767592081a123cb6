/**
 * What the reporting constructs need to know about the warehouse the main stack deploys:
 * passed in, never looked up, so they can be added to that stack with a few lines.
 */
import type * as s3 from 'aws-cdk-lib/aws-s3';
import { TABLES } from '../../transform/tables/index.ts';

export interface ReportingWarehouse {
  /** The bucket the delivery streams write the tables to; reports are written under `reports/`. */
  readonly dataBucket: s3.IBucket;

  /**
   * The key prefixes of the tables' objects in `dataBucket`, which queries read.
   *
   * @default each table's name followed by `/`
   */
  readonly tablePrefixes?: readonly string[];

  /** The Glue database holding the tables and views. */
  readonly glueDatabaseName: string;

  /** The Athena workgroup queries run in (engine v3, its result settings enforced). */
  readonly workGroupName: string;

  /** The bucket the workgroup writes query results to. */
  readonly resultsBucket: s3.IBucket;

  /**
   * The key prefix of the workgroup's results in `resultsBucket`, without a trailing slash.
   *
   * @default the whole bucket
   */
  readonly resultsPrefix?: string;
}

/** The table prefixes to read, from the props or from the table definitions. */
export function tablePrefixesOf(warehouse: ReportingWarehouse): readonly string[] {
  return warehouse.tablePrefixes ?? TABLES.map((table) => `${table.name}/`);
}

/** The object key pattern of the query results, for IAM (`prefix/*` or `*`). */
export function resultsObjectsOf(warehouse: ReportingWarehouse): string {
  return warehouse.resultsPrefix ? `${warehouse.resultsPrefix}/*` : '*';
}
