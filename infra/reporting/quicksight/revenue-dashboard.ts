/**
 * The opt-in QuickSight side: the Athena data source and datasets over `orders_latest` and
 * `line_items_latest`, and the revenue dashboard, all owned by one QuickSight principal.
 *
 * Note: QuickSight must already be set up in the account (an Enterprise subscription and
 * the principal as a user or group); CloudFormation cannot subscribe an account.
 */
import { Names, Stack } from 'aws-cdk-lib';
import * as quicksight from 'aws-cdk-lib/aws-quicksight';
import { Construct } from 'constructs';
import { validatePrincipalArn, validateTimeZone } from '../validate.ts';
import type { ReportingWarehouse } from '../warehouse.ts';
import { AthenaDataSets } from './athena-data-sets.ts';
import { DASHBOARD_ACTIONS, permissionsFor } from './principal-permissions.ts';
import { revenueDashboardDefinition } from './revenue-dashboard-definition.ts';
import { nonSaleStates } from './sale-states.ts';

export interface RevenueDashboardProps {
  readonly warehouse: ReportingWarehouse;
  /** The QuickSight user or group ARN that owns and sees everything created here. */
  readonly principalArn: string;
  /** IANA zone of the venue: the dashboard shows days and hours there. */
  readonly timeZone: string;
}

export class RevenueDashboard extends Construct {
  readonly data: AthenaDataSets;
  readonly dashboard: quicksight.CfnDashboard;

  constructor(scope: Construct, id: string, props: RevenueDashboardProps) {
    super(scope, id);
    validatePrincipalArn('quicksightPrincipalArn', props.principalArn);
    validateTimeZone('timeZone', props.timeZone);

    this.data = new AthenaDataSets(this, 'Data', props);
    const idPrefix = Names.uniqueResourceName(this, { maxLength: 64, separator: '-' });

    this.dashboard = new quicksight.CfnDashboard(this, 'Dashboard', {
      awsAccountId: Stack.of(this).account,
      dashboardId: `${idPrefix}-revenue`,
      name: 'orderfeed revenue',
      definition: revenueDashboardDefinition({
        ordersDataSetArn: this.data.dataSets.orders_latest.attrArn,
        lineItemsDataSetArn: this.data.dataSets.line_items_latest.attrArn,
        timeZone: props.timeZone,
        nonSaleStates: nonSaleStates(),
      }),
      permissions: permissionsFor(props.principalArn, DASHBOARD_ACTIONS),
      dashboardPublishOptions: {
        adHocFilteringOption: { availabilityStatus: 'ENABLED' },
        exportToCsvOption: { availabilityStatus: 'ENABLED' },
      },
    });
  }
}
