/**
 * The saved views (queries/*.sql of kind `view`), created in the Glue catalog at deploy time
 * by a custom resource that runs their DDL through Athena and waits for each.
 */
import { CustomResource, Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as nodejs from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import * as cr from 'aws-cdk-lib/custom-resources';
import { Construct } from 'constructs';
import type { SavedQuery } from '../../queries/catalog.ts';
import { RESULTS_FOLDER } from '../athena-workgroup.ts';
import { bundledFunctionProps } from '../bundling.ts';
import type { ViewsResourceProperties } from './handler.ts';
import { orderViews } from './view-order.ts';

export interface SavedViewsProps {
  readonly databaseName: string;
  readonly workGroupName: string;
  readonly resultsBucket: s3.IBucket;
  /** The tables the views may read, which Athena looks up while it checks the DDL. */
  readonly tableNames: readonly string[];
  /** Every saved query; only the views are created. */
  readonly savedQueries: readonly SavedQuery[];
  readonly logRetentionDays: number;
  readonly removalPolicy: 'retain' | 'destroy';
}

export class SavedViews extends Construct {
  readonly resource: CustomResource;
  readonly function: nodejs.NodejsFunction;
  /** The views, in the order they are created. */
  readonly viewNames: readonly string[];

  constructor(scope: Construct, id: string, props: SavedViewsProps) {
    super(scope, id);
    const views = orderViews(props.savedQueries.filter((query) => query.kind === 'view'));
    this.viewNames = views.map((view) => view.name);

    this.function = new nodejs.NodejsFunction(this, 'Function', {
      ...bundledFunctionProps('infra/views/handler.ts'),
      description: 'orderfeed: creates the saved views through Athena at deploy time',
      // Each view is one DDL statement that Athena runs in seconds; the margin covers a busy
      // account's queue.
      timeout: Duration.minutes(10),
      memorySize: 256,
      logGroup: this.logGroup('Logs', props),
    });
    this.grantDdl(props);

    const provider = new cr.Provider(this, 'Provider', {
      onEventHandler: this.function,
      logGroup: this.logGroup('ProviderLogs', props),
    });
    const properties: ViewsResourceProperties = {
      Database: props.databaseName,
      WorkGroup: props.workGroupName,
      Views: views.map((view) => ({ Name: view.name, Sql: view.sql })),
    };
    this.resource = new CustomResource(this, 'Resource', {
      serviceToken: provider.serviceToken,
      resourceType: 'Custom::OrderfeedViews',
      properties: { ...properties },
    });
  }

  private logGroup(id: string, props: SavedViewsProps): logs.LogGroup {
    return new logs.LogGroup(this, id, {
      retention: props.logRetentionDays as logs.RetentionDays,
      removalPolicy:
        props.removalPolicy === 'destroy' ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN,
    });
  }

  /** Athena runs the DDL with the function's permissions: Glue writes and the results. */
  private grantDdl(props: SavedViewsProps): void {
    const stack = this.function.stack;
    const glueArn = (resource: string, resourceName?: string) =>
      stack.formatArn({ service: 'glue', resource, resourceName });

    this.function.addToRolePolicy(
      new iam.PolicyStatement({
        sid: 'RunViewDdl',
        actions: ['athena:StartQueryExecution', 'athena:GetQueryExecution'],
        resources: [
          stack.formatArn({
            service: 'athena',
            resource: 'workgroup',
            resourceName: props.workGroupName,
          }),
        ],
      }),
    );
    this.function.addToRolePolicy(
      new iam.PolicyStatement({
        sid: 'WriteViewsInCatalog',
        actions: [
          'glue:GetDatabase',
          'glue:GetTable',
          'glue:GetTables',
          'glue:CreateTable',
          'glue:UpdateTable',
          'glue:DeleteTable',
        ],
        resources: [
          glueArn('catalog'),
          glueArn('database', props.databaseName),
          ...[...props.tableNames, ...this.viewNames].map((table) =>
            glueArn('table', `${props.databaseName}/${table}`),
          ),
        ],
      }),
    );
    const { resultsBucket } = props;
    this.function.addToRolePolicy(
      new iam.PolicyStatement({
        sid: 'ListQueryResults',
        actions: ['s3:GetBucketLocation', 's3:ListBucket'],
        resources: [resultsBucket.bucketArn],
      }),
    );
    this.function.addToRolePolicy(
      new iam.PolicyStatement({
        sid: 'WriteQueryResults',
        actions: ['s3:GetObject', 's3:PutObject', 's3:AbortMultipartUpload'],
        resources: [resultsBucket.arnForObjects(`${RESULTS_FOLDER}*`)],
      }),
    );
  }
}
