/**
 * `order_line_items`: one row per line item per distinct event, carrying the order columns
 * an analyst needs without a join.
 */
import {
  arrayOf,
  BIGINT,
  DT_PARTITION,
  INT,
  nullable,
  required,
  STRING,
  structOf,
  type TableDefinition,
  TIMESTAMP,
} from './column.ts';
import type { RowOf } from './row-type.ts';
import {
  EVENT_HASH,
  EVENT_ID,
  EVENT_TIME,
  MENU_NAME,
  ORDER_UUID,
  ORG,
  REVENUE_CENTER_NAME,
  REVENUE_CENTER_UUID,
  SERVICE_TYPE,
  TRANSITION_HASH,
  UNKNOWN_FIELDS,
  VENUE_UUID,
} from './shared-columns.ts';

const PROMOTION = structOf([
  nullable('uuid', STRING, 'Promotion `uuid`, lower case.'),
  required('discount_cents', BIGINT, 'Promotion `discount_amount_in_cents`.'),
]);

export const ORDER_LINE_ITEMS = {
  name: 'order_line_items',
  description: 'One row per line item per distinct order.state.change event.',
  partitionKeys: [DT_PARTITION],
  columns: [
    EVENT_ID,
    EVENT_TIME,
    ORDER_UUID,
    VENUE_UUID,
    ORG,
    required('order_state', STRING, 'The order `state` at this event.'),
    required('order_created_at', TIMESTAMP, 'The order `created_at` (UTC).'),
    REVENUE_CENTER_UUID,
    REVENUE_CENTER_NAME,
    MENU_NAME,
    SERVICE_TYPE,
    required('line_item_uuid', STRING, 'Line item `uuid`, lower case.'),
    required('line_item_index', INT, 'Zero-based position of the line item in the payload.'),
    nullable('name', STRING, 'Line item `name`, e.g. Sausage Sampler.'),
    required('price_cents', BIGINT, 'Line item `price` in cents.'),
    nullable('sku', STRING, 'Line item `sku`.'),
    nullable('created_at', TIMESTAMP, 'Line item `created_at` (UTC).'),
    nullable('refunded_at', TIMESTAMP, 'Line item `refunded_at` (UTC); null unless refunded.'),
    nullable('removed_at', TIMESTAMP, 'Line item `removed_at` (UTC); null while active.'),
    nullable(
      'modified_line_item_uuid',
      STRING,
      'Line item `modified_line_item_uuid`: the item this one modifies, lower case.',
    ),
    required('promotion_count', INT, 'Number of promotions on the line item.'),
    required(
      'promotion_discount_cents',
      BIGINT,
      'Sum of the promotions `discount_amount_in_cents`.',
    ),
    required('promotions', arrayOf(PROMOTION), 'Line item `promotions`, as sent.'),
    TRANSITION_HASH,
    EVENT_HASH,
    UNKNOWN_FIELDS,
  ],
} as const satisfies TableDefinition;

export type OrderLineItemRow = RowOf<typeof ORDER_LINE_ITEMS>;
