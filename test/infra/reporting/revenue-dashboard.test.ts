import { Match, Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { RevenueDashboard } from '../../../infra/reporting/quicksight/revenue-dashboard.ts';
import { reportingTestStack } from './reporting-stack.ts';

const PRINCIPAL = 'arn:aws:quicksight:us-east-1:111122223333:user/default/finance-lead';

function synth(principalArn = PRINCIPAL) {
  const { stack, warehouse } = reportingTestStack();
  const dashboard = new RevenueDashboard(stack, 'RevenueDashboard', {
    warehouse,
    principalArn,
    timeZone: 'America/Chicago',
  });
  return { stack, dashboard, template: Template.fromStack(stack) };
}

const { stack, dashboard, template } = synth();
const dashboardDefinition = () => {
  const resources = Object.values(template.findResources('AWS::QuickSight::Dashboard'));
  return resources[0]?.Properties.Definition;
};

describe('RevenueDashboard: data', () => {
  it('queries Athena in the workgroup through a role of its own', () => {
    template.hasResourceProperties('AWS::QuickSight::DataSource', {
      Type: 'ATHENA',
      AwsAccountId: '111122223333',
      DataSourceParameters: {
        AthenaParameters: {
          WorkGroup: 'orderfeed',
          RoleArn: stack.resolve(dashboard.data.role.roleArn),
        },
      },
      Permissions: [
        { Principal: PRINCIPAL, Actions: Match.arrayWith(['quicksight:PassDataSource']) },
      ],
    });
    template.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: {
        Statement: [Match.objectLike({ Principal: { Service: 'quicksight.amazonaws.com' } })],
      },
    });
  });

  it('lets the QuickSight role run queries in the workgroup only', () => {
    template.hasResourceProperties('AWS::IAM::Policy', {
      Roles: [stack.resolve(dashboard.data.role.roleName)],
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Sid: 'RunQueriesInTheWorkgroup',
            Resource: {
              'Fn::Join': [
                '',
                [
                  'arn:',
                  { Ref: 'AWS::Partition' },
                  ':athena:us-east-1:111122223333:workgroup/orderfeed',
                ],
              ],
            },
          }),
        ]),
      },
    });
  });

  it('reads orders_latest directly, with the order columns in table order', () => {
    template.hasResourceProperties('AWS::QuickSight::DataSet', {
      ImportMode: 'DIRECT_QUERY',
      PhysicalTableMap: {
        'orders-latest': {
          RelationalTable: {
            DataSourceArn: stack.resolve(dashboard.data.dataSource.attrArn),
            Catalog: 'AwsDataCatalog',
            Schema: 'orderfeed',
            Name: 'orders_latest',
            InputColumns: Match.arrayWith([
              { Name: 'order_uuid', Type: 'STRING' },
              { Name: 'state', Type: 'STRING' },
              { Name: 'created_at', Type: 'DATETIME' },
              { Name: 'total_cents', Type: 'INTEGER' },
              { Name: 'tip_cents', Type: 'INTEGER' },
              { Name: 'revenue_center_name', Type: 'STRING' },
              { Name: 'dt', Type: 'STRING' },
            ]),
          },
        },
      },
      Permissions: [{ Principal: PRINCIPAL, Actions: Match.arrayWith(['quicksight:PassDataSet']) }],
    });
  });

  it('leaves out the array columns QuickSight has no type for', () => {
    const dataSets = Object.values(template.findResources('AWS::QuickSight::DataSet'));
    const names = dataSets.flatMap((dataSet) =>
      Object.values(dataSet.Properties.PhysicalTableMap).flatMap((table) =>
        (
          table as { RelationalTable: { InputColumns: { Name: string }[] } }
        ).RelationalTable.InputColumns.map((column) => column.Name),
      ),
    );

    expect(names).not.toContain('state_history');
    expect(names).not.toContain('transaction_history');
    expect(names).not.toContain('promotions');
    expect(names).toContain('line_item_uuid');
  });

  it('reads line_items_latest directly, with the line item columns in table order', () => {
    template.hasResourceProperties('AWS::QuickSight::DataSet', {
      ImportMode: 'DIRECT_QUERY',
      PhysicalTableMap: {
        'line-items-latest': {
          RelationalTable: Match.objectLike({
            Name: 'line_items_latest',
            InputColumns: Match.arrayWith([
              { Name: 'order_state', Type: 'STRING' },
              { Name: 'name', Type: 'STRING' },
              { Name: 'price_cents', Type: 'INTEGER' },
              { Name: 'removed_at', Type: 'DATETIME' },
            ]),
          }),
        },
      },
    });
  });
});

describe('RevenueDashboard: dashboard', () => {
  it('is shared with the principal as its owner', () => {
    template.hasResourceProperties('AWS::QuickSight::Dashboard', {
      Name: 'orderfeed revenue',
      Permissions: [
        {
          Principal: PRINCIPAL,
          Actions: Match.arrayWith(['quicksight:DescribeDashboard', 'quicksight:QueryDashboard']),
        },
      ],
    });
  });

  it('reads days and hours in the venue time zone', () => {
    expect(dashboardDefinition().Options).toEqual({ Timezone: 'America/Chicago' });
  });

  it('shows sales by day, revenue center and item, hourly sales, tips and discounts', () => {
    const visuals = dashboardDefinition().Sheets[0].Visuals;
    const titles = visuals.map(
      (visual: { BarChartVisual: { Title: { FormatText: { PlainText: string } } } }) =>
        visual.BarChartVisual.Title.FormatText.PlainText,
    );

    expect(titles).toEqual([
      'Sales by day',
      'Sales by revenue center',
      'Sales by item',
      'Hourly sales',
      'Tips and discounts',
    ]);
  });

  it('groups hourly sales by the hour of the order creation time', () => {
    const hourly = dashboardDefinition().Sheets[0].Visuals[3].BarChartVisual;
    const wells = hourly.ChartConfiguration.FieldWells.BarChartAggregatedFieldWells;

    expect(wells.Category).toEqual([
      {
        DateDimensionField: {
          FieldId: 'hourly-sales-hour',
          Column: { DataSetIdentifier: 'orders', ColumnName: 'created_at' },
          DateGranularity: 'HOUR',
        },
      },
    ]);
  });

  it('counts only sales: the states sales_orders leaves out are filtered out', () => {
    const filterGroups = dashboardDefinition().FilterGroups;
    const excluded = filterGroups.map(
      (group: {
        Filters: { CategoryFilter: { Configuration: { FilterListConfiguration: unknown } } }[];
      }) => group.Filters[0]?.CategoryFilter.Configuration.FilterListConfiguration,
    );

    const states = ['cancelled', 'canceled', 'voided', 'declined', 'failed'];
    expect(excluded).toEqual([
      { MatchOperator: 'DOES_NOT_CONTAIN', CategoryValues: states, NullOption: 'ALL_VALUES' },
      { MatchOperator: 'DOES_NOT_CONTAIN', CategoryValues: states, NullOption: 'ALL_VALUES' },
    ]);
    expect(
      filterGroups[0].ScopeConfiguration.SelectedSheets.SheetVisualScopingConfigurations,
    ).toEqual([
      {
        SheetId: 'revenue',
        Scope: 'SELECTED_VISUALS',
        VisualIds: [
          'sales-by-day',
          'sales-by-revenue-center',
          'hourly-sales',
          'tips-and-discounts',
        ],
      },
    ]);
  });

  it('counts an item sold only while it is not removed, in dollars', () => {
    const fields = dashboardDefinition().CalculatedFields;

    expect(fields).toContainEqual({
      DataSetIdentifier: 'line_items',
      Name: 'item_sales',
      Expression: 'ifelse(isNull({removed_at}), {price_cents} / 100, 0)',
    });
    expect(fields).toContainEqual({
      DataSetIdentifier: 'orders',
      Name: 'gross_sales',
      Expression: '{items_subtotal_cents} / 100',
    });
  });

  it('rejects a principal that is not a QuickSight user or group ARN', () => {
    expect(() => synth('arn:aws:iam::111122223333:role/finance')).toThrow(
      'quicksightPrincipalArn: "arn:aws:iam::111122223333:role/finance" is not a QuickSight ' +
        'user or group ARN',
    );
  });
});
