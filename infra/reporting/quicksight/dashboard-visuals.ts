/**
 * Small builders for the parts of a QuickSight dashboard definition the revenue dashboard
 * uses: bar charts over one category, summed measures, category filters.
 */
import type { CfnDashboard } from 'aws-cdk-lib/aws-quicksight';

/** A column (or calculated field) of a dataset, by the dataset's identifier in the definition. */
export interface FieldRef {
  readonly dataSet: string;
  readonly column: string;
}

type Dimension = CfnDashboard.DimensionFieldProperty;
type Measure = CfnDashboard.MeasureFieldProperty;

export function dateDimension(
  fieldId: string,
  field: FieldRef,
  granularity: 'DAY' | 'HOUR',
): Dimension {
  return { dateDimensionField: { fieldId, column: columnOf(field), dateGranularity: granularity } };
}

export function categoryDimension(fieldId: string, field: FieldRef): Dimension {
  return { categoricalDimensionField: { fieldId, column: columnOf(field) } };
}

export function sumOf(fieldId: string, field: FieldRef): Measure {
  return {
    numericalMeasureField: {
      fieldId,
      column: columnOf(field),
      aggregationFunction: { simpleNumericalAggregation: 'SUM' },
    },
  };
}

export interface BarChartOptions {
  readonly visualId: string;
  readonly title: string;
  readonly category: Dimension;
  readonly values: readonly Measure[];
  /** @default 'VERTICAL' */
  readonly orientation?: 'VERTICAL' | 'HORIZONTAL';
  /** Sorts the bars by this measure's field id, largest first. @default the category order */
  readonly sortByFieldId?: string;
}

export function barChart(options: BarChartOptions): CfnDashboard.VisualProperty {
  const sort = options.sortByFieldId
    ? { categorySort: [{ fieldSort: { fieldId: options.sortByFieldId, direction: 'DESC' } }] }
    : undefined;

  return {
    barChartVisual: {
      visualId: options.visualId,
      title: { visibility: 'VISIBLE', formatText: { plainText: options.title } },
      chartConfiguration: {
        fieldWells: {
          barChartAggregatedFieldWells: {
            category: [options.category],
            values: [...options.values],
          },
        },
        orientation: options.orientation ?? 'VERTICAL',
        sortConfiguration: sort,
      },
    },
  };
}

/** A filter group that keeps rows whose `field` is not one of `excluded`, on some visuals. */
export function excludeValues(options: {
  readonly id: string;
  readonly field: FieldRef;
  readonly excluded: readonly string[];
  readonly sheetId: string;
  readonly visualIds: readonly string[];
}): CfnDashboard.FilterGroupProperty {
  return {
    filterGroupId: options.id,
    crossDataset: 'SINGLE_DATASET',
    status: 'ENABLED',
    filters: [
      {
        categoryFilter: {
          filterId: `${options.id}-filter`,
          column: columnOf(options.field),
          configuration: {
            filterListConfiguration: {
              matchOperator: 'DOES_NOT_CONTAIN',
              categoryValues: [...options.excluded],
              nullOption: 'ALL_VALUES',
            },
          },
        },
      },
    ],
    scopeConfiguration: {
      selectedSheets: {
        sheetVisualScopingConfigurations: [
          {
            sheetId: options.sheetId,
            scope: 'SELECTED_VISUALS',
            visualIds: [...options.visualIds],
          },
        ],
      },
    },
  };
}

function columnOf(field: FieldRef): CfnDashboard.ColumnIdentifierProperty {
  return { dataSetIdentifier: field.dataSet, columnName: field.column };
}
