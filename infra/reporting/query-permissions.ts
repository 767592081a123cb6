/**
 * The least privilege a principal needs to run the saved queries in the workgroup: Athena
 * runs them with the caller's credentials, so the caller reads the Glue catalog and the
 * tables' objects and writes the results itself.
 *
 * Written out rather than taken from the CDK Athena task, whose defaults grant
 * `s3:GetObject` on every bucket and Glue create/delete actions this report never needs.
 */
import { Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type { Construct } from 'constructs';
import { acknowledgeWildcardResource } from './nag-acknowledgements.ts';
import { type ReportingWarehouse, resultsObjectsOf, tablePrefixesOf } from './warehouse.ts';

/** Grants `grantee` what running a query in the workgroup takes (Athena, Glue, S3, KMS). */
export function grantQueryRun(
  scope: Construct,
  grantee: iam.IGrantable,
  warehouse: ReportingWarehouse,
): void {
  for (const statement of queryRunStatements(scope, warehouse)) {
    grantee.grantPrincipal.addToPrincipalPolicy(statement);
  }
  acknowledgeQueryRunWildcards(scope, warehouse);
  warehouse.dataBucket.encryptionKey?.grantDecrypt(grantee);
  warehouse.resultsBucket.encryptionKey?.grantEncryptDecrypt(grantee);
}

/** The wildcards above are object and table keys within the warehouse, never whole services. */
function acknowledgeQueryRunWildcards(scope: Construct, warehouse: ReportingWarehouse): void {
  const tables = 'Athena reads every Parquet object of a table: one key per partition and file.';
  for (const prefix of tablePrefixesOf(warehouse)) {
    acknowledgeWildcardResource(scope, warehouse.dataBucket.arnForObjects(`${prefix}*`), tables);
  }
  acknowledgeWildcardResource(
    scope,
    warehouse.resultsBucket.arnForObjects(resultsObjectsOf(warehouse)),
    'Athena writes each result under a key it generates, within the results prefix.',
  );
  acknowledgeWildcardResource(
    scope,
    glueTableArn(scope, warehouse),
    'Queries read the tables and views (Glue tables too) of the orderfeed database only.',
  );
}

function glueTableArn(scope: Construct, warehouse: ReportingWarehouse): string {
  const resourceName = `${warehouse.glueDatabaseName}/*`;
  return Stack.of(scope).formatArn({ service: 'glue', resource: 'table', resourceName });
}

function queryRunStatements(scope: Construct, warehouse: ReportingWarehouse) {
  const stack = Stack.of(scope);
  const database = warehouse.glueDatabaseName;
  const glue = (resource: string, resourceName?: string) =>
    stack.formatArn({ service: 'glue', resource, resourceName });

  return [
    new iam.PolicyStatement({
      sid: 'RunQueriesInTheWorkgroup',
      actions: [
        'athena:StartQueryExecution',
        'athena:GetQueryExecution',
        'athena:StopQueryExecution',
      ],
      resources: [
        stack.formatArn({
          service: 'athena',
          resource: 'workgroup',
          resourceName: warehouse.workGroupName,
        }),
      ],
    }),
    new iam.PolicyStatement({
      sid: 'ReadTheCatalog',
      actions: ['glue:GetDatabase', 'glue:GetTable', 'glue:GetTables', 'glue:GetPartitions'],
      resources: [glue('catalog'), glue('database', database), glueTableArn(scope, warehouse)],
    }),
    new iam.PolicyStatement({
      sid: 'ListTheTables',
      actions: ['s3:ListBucket', 's3:GetBucketLocation'],
      resources: [warehouse.dataBucket.bucketArn],
    }),
    new iam.PolicyStatement({
      sid: 'ReadTheTables',
      actions: ['s3:GetObject'],
      resources: tablePrefixesOf(warehouse).map((prefix) =>
        warehouse.dataBucket.arnForObjects(`${prefix}*`),
      ),
    }),
    new iam.PolicyStatement({
      sid: 'WriteTheResults',
      actions: ['s3:GetBucketLocation', 's3:ListBucket', 's3:ListBucketMultipartUploads'],
      resources: [warehouse.resultsBucket.bucketArn],
    }),
    new iam.PolicyStatement({
      sid: 'WriteTheResultObjects',
      actions: [
        's3:GetObject',
        's3:PutObject',
        's3:AbortMultipartUpload',
        's3:ListMultipartUploadParts',
      ],
      resources: [warehouse.resultsBucket.arnForObjects(resultsObjectsOf(warehouse))],
    }),
  ];
}
