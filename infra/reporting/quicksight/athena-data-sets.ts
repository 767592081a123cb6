/**
 * QuickSight's way into the warehouse: an Athena data source over the workgroup, with a role
 * of its own that may run queries there and nothing else, and a direct-query dataset over
 * each view the dashboard reads.
 */
import { Names, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as quicksight from 'aws-cdk-lib/aws-quicksight';
import { Construct } from 'constructs';
import { grantQueryRun } from '../query-permissions.ts';
import type { ReportingWarehouse } from '../warehouse.ts';
import { DATA_SET_ACTIONS, DATA_SOURCE_ACTIONS, permissionsFor } from './principal-permissions.ts';
import { inputColumnsOf, VIEW_TABLES, type ViewName } from './view-columns.ts';

export interface AthenaDataSetsProps {
  readonly warehouse: ReportingWarehouse;
  /** The QuickSight user or group ARN that owns the data source and datasets. */
  readonly principalArn: string;
}

export class AthenaDataSets extends Construct {
  readonly dataSource: quicksight.CfnDataSource;
  /** The role QuickSight assumes to query Athena. */
  readonly role: iam.Role;
  readonly dataSets: Readonly<Record<ViewName, quicksight.CfnDataSet>>;

  constructor(scope: Construct, id: string, props: AthenaDataSetsProps) {
    super(scope, id);
    const idPrefix = Names.uniqueResourceName(this, { maxLength: 64, separator: '-' });
    const awsAccountId = Stack.of(this).account;

    this.role = new iam.Role(this, 'AthenaRole', {
      description: 'QuickSight queries the orderfeed views in the Athena workgroup',
      assumedBy: new iam.ServicePrincipal('quicksight.amazonaws.com'),
    });
    grantQueryRun(this, this.role, props.warehouse);

    this.dataSource = new quicksight.CfnDataSource(this, 'DataSource', {
      awsAccountId,
      dataSourceId: `${idPrefix}-athena`,
      name: 'orderfeed (Athena)',
      type: 'ATHENA',
      dataSourceParameters: {
        athenaParameters: { workGroup: props.warehouse.workGroupName, roleArn: this.role.roleArn },
      },
      sslProperties: { disableSsl: false },
      permissions: permissionsFor(props.principalArn, DATA_SOURCE_ACTIONS),
    });

    const dataSet = (view: ViewName) => {
      // QuickSight ids and table map keys take letters, digits and hyphens.
      const key = view.replaceAll('_', '-');
      return new quicksight.CfnDataSet(this, view, {
        awsAccountId,
        dataSetId: `${idPrefix}-${key}`,
        name: `orderfeed ${view}`,
        // Direct query: the dashboard is as fresh as the warehouse, with no SPICE refresh to run.
        importMode: 'DIRECT_QUERY',
        physicalTableMap: {
          [key]: {
            relationalTable: {
              dataSourceArn: this.dataSource.attrArn,
              catalog: 'AwsDataCatalog',
              schema: props.warehouse.glueDatabaseName,
              name: view,
              inputColumns: inputColumnsOf(view),
            },
          },
        },
        permissions: permissionsFor(props.principalArn, DATA_SET_ACTIONS),
      });
    };

    const views = Object.keys(VIEW_TABLES) as ViewName[];
    this.dataSets = Object.fromEntries(views.map((view) => [view, dataSet(view)])) as Record<
      ViewName,
      quicksight.CfnDataSet
    >;
  }
}
