/**
 * The Athena workgroup analysts and the CLI query through, with its settings enforced so no
 * client can turn off result encryption or the per-query scan limit, and every saved query
 * from queries/*.sql as a named query.
 */
import { CfnNamedQuery, CfnWorkGroup } from 'aws-cdk-lib/aws-athena';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import type { SavedQuery } from '../queries/catalog.ts';

/** Where the workgroup writes query results in the results bucket. */
export const RESULTS_FOLDER = 'results/';

export interface AthenaWorkgroupProps {
  readonly workGroupName: string;
  readonly databaseName: string;
  readonly resultsBucket: s3.IBucket;
  /** The most data one query may scan before Athena cancels it. */
  readonly bytesScannedCutoffMb: number;
  readonly savedQueries: readonly SavedQuery[];
  readonly removalPolicy: 'retain' | 'destroy';
}

export class AthenaWorkgroup extends Construct {
  readonly workGroup: CfnWorkGroup;
  /** The named queries, by saved query name. */
  readonly namedQueries: ReadonlyMap<string, CfnNamedQuery>;

  constructor(scope: Construct, id: string, props: AthenaWorkgroupProps) {
    super(scope, id);

    this.workGroup = new CfnWorkGroup(this, 'WorkGroup', {
      name: props.workGroupName,
      description: 'orderfeed: queries over the order warehouse',
      state: 'ENABLED',
      // With `destroy`, deleting the stack also deletes the workgroup's saved queries.
      recursiveDeleteOption: props.removalPolicy === 'destroy',
      workGroupConfiguration: {
        enforceWorkGroupConfiguration: true,
        engineVersion: { selectedEngineVersion: 'Athena engine version 3' },
        bytesScannedCutoffPerQuery: props.bytesScannedCutoffMb * 1024 * 1024,
        publishCloudWatchMetricsEnabled: true,
        resultConfiguration: {
          outputLocation: props.resultsBucket.s3UrlForObject(RESULTS_FOLDER),
          encryptionConfiguration: { encryptionOption: 'SSE_S3' },
        },
      },
    });

    const namedQueries = new Map<string, CfnNamedQuery>();
    for (const query of props.savedQueries) {
      const namedQuery = new CfnNamedQuery(this, `Query-${query.name}`, {
        name: query.name,
        description: query.description,
        database: props.databaseName,
        workGroup: this.workGroup.ref,
        queryString: query.sql,
      });
      namedQueries.set(query.name, namedQuery);
    }
    this.namedQueries = namedQueries;
  }
}
