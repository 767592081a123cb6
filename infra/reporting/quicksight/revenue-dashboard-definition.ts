/**
 * The revenue dashboard: sales by day, by revenue center, by item, hourly sales, tips and
 * discounts, over the latest snapshot of each order that counts as a sale, in dollars and
 * in the venue's time zone.
 */
import type { CfnDashboard } from 'aws-cdk-lib/aws-quicksight';
import {
  type BarChartOptions,
  barChart,
  categoryDimension,
  dateDimension,
  excludeValues,
  type FieldRef,
  sumOf,
} from './dashboard-visuals.ts';
import type { ViewColumn } from './view-columns.ts';

const ORDERS = 'orders';
const LINE_ITEMS = 'line_items';
const SHEET_ID = 'revenue';

export interface RevenueDashboardDefinitionProps {
  readonly ordersDataSetArn: string;
  readonly lineItemsDataSetArn: string;
  /** IANA zone of the venue: days and hours are read there. */
  readonly timeZone: string;
  /** Lower-case order states that are not sales (see `sale-states.ts`). */
  readonly nonSaleStates: readonly string[];
}

const orders = (column: ViewColumn<'orders_latest'>) => `{${column}}`;
const lineItems = (column: ViewColumn<'line_items_latest'>) => `{${column}}`;

/** Fields computed in the dashboard: money in dollars, states in lower case for the filter. */
const CALCULATED_FIELDS: CfnDashboard.CalculatedFieldProperty[] = [
  {
    dataSetIdentifier: ORDERS,
    name: 'gross_sales',
    expression: `${orders('items_subtotal_cents')} / 100`,
  },
  { dataSetIdentifier: ORDERS, name: 'tips', expression: `${orders('tip_cents')} / 100` },
  { dataSetIdentifier: ORDERS, name: 'discounts', expression: `${orders('discount_cents')} / 100` },
  { dataSetIdentifier: ORDERS, name: 'state_lower', expression: `toLower(${orders('state')})` },
  {
    dataSetIdentifier: LINE_ITEMS,
    name: 'item_sales',
    // Removed items are not sold; the tables count them the same way (items_subtotal_cents).
    expression: `ifelse(isNull(${lineItems('removed_at')}), ${lineItems('price_cents')} / 100, 0)`,
  },
  {
    dataSetIdentifier: LINE_ITEMS,
    name: 'order_state_lower',
    expression: `toLower(${lineItems('order_state')})`,
  },
];

const order = (column: string): FieldRef => ({ dataSet: ORDERS, column });
const lineItem = (column: string): FieldRef => ({ dataSet: LINE_ITEMS, column });
const createdAt: ViewColumn<'orders_latest'> = 'created_at';
const revenueCenter: ViewColumn<'orders_latest'> = 'revenue_center_name';
const itemName: ViewColumn<'line_items_latest'> = 'name';

/** The charts, each with the dataset it reads (and so the sale filter it takes). */
const CHARTS: readonly { readonly dataSet: string; readonly chart: BarChartOptions }[] = [
  {
    dataSet: ORDERS,
    chart: {
      visualId: 'sales-by-day',
      title: 'Sales by day',
      category: dateDimension('sales-by-day-date', order(createdAt), 'DAY'),
      values: [sumOf('sales-by-day-sales', order('gross_sales'))],
    },
  },
  {
    dataSet: ORDERS,
    chart: {
      visualId: 'sales-by-revenue-center',
      title: 'Sales by revenue center',
      category: categoryDimension('sales-by-revenue-center-name', order(revenueCenter)),
      values: [sumOf('sales-by-revenue-center-sales', order('gross_sales'))],
      orientation: 'HORIZONTAL',
      sortByFieldId: 'sales-by-revenue-center-sales',
    },
  },
  {
    dataSet: LINE_ITEMS,
    chart: {
      visualId: 'sales-by-item',
      title: 'Sales by item',
      category: categoryDimension('sales-by-item-name', lineItem(itemName)),
      values: [sumOf('sales-by-item-sales', lineItem('item_sales'))],
      orientation: 'HORIZONTAL',
      sortByFieldId: 'sales-by-item-sales',
    },
  },
  {
    dataSet: ORDERS,
    chart: {
      visualId: 'hourly-sales',
      title: 'Hourly sales',
      category: dateDimension('hourly-sales-hour', order(createdAt), 'HOUR'),
      values: [sumOf('hourly-sales-sales', order('gross_sales'))],
    },
  },
  {
    dataSet: ORDERS,
    chart: {
      visualId: 'tips-and-discounts',
      title: 'Tips and discounts',
      category: dateDimension('tips-and-discounts-date', order(createdAt), 'DAY'),
      values: [
        sumOf('tips-and-discounts-tips', order('tips')),
        sumOf('tips-and-discounts-discounts', order('discounts')),
      ],
    },
  },
];

const visualIdsOf = (dataSet: string) =>
  CHARTS.filter((entry) => entry.dataSet === dataSet).map((entry) => entry.chart.visualId);

export function revenueDashboardDefinition(
  props: RevenueDashboardDefinitionProps,
): CfnDashboard.DashboardVersionDefinitionProperty {
  return {
    dataSetIdentifierDeclarations: [
      { identifier: ORDERS, dataSetArn: props.ordersDataSetArn },
      { identifier: LINE_ITEMS, dataSetArn: props.lineItemsDataSetArn },
    ],
    // Timestamps are UTC in the warehouse; the venue reads its days and hours locally.
    options: { timezone: props.timeZone },
    calculatedFields: CALCULATED_FIELDS,
    filterGroups: [
      excludeValues({
        id: 'sale-orders',
        field: order('state_lower'),
        excluded: props.nonSaleStates,
        sheetId: SHEET_ID,
        visualIds: visualIdsOf(ORDERS),
      }),
      excludeValues({
        id: 'sale-line-items',
        field: lineItem('order_state_lower'),
        excluded: props.nonSaleStates,
        sheetId: SHEET_ID,
        visualIds: visualIdsOf(LINE_ITEMS),
      }),
    ],
    sheets: [
      {
        sheetId: SHEET_ID,
        name: 'Revenue',
        visuals: CHARTS.map((entry) => barChart(entry.chart)),
        layouts: [{ configuration: { gridLayout: { elements: CHARTS.map(gridElement) } } }],
      },
    ],
  };
}

/** Half the sheet's 36 columns wide, so the charts sit two by two. */
function gridElement(entry: (typeof CHARTS)[number]): CfnDashboard.GridLayoutElementProperty {
  return { elementId: entry.chart.visualId, elementType: 'VISUAL', columnSpan: 18, rowSpan: 12 };
}
