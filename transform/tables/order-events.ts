/**
 * `order_events`: one row per distinct `order.state.change` event, i.e. one snapshot of an
 * order as it was when its state changed.
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

const STATE_AT_TIME = structOf([
  required('state', STRING, 'The state entered.'),
  required('time', TIMESTAMP, 'When it was entered (UTC).'),
]);

export const ORDER_EVENTS = {
  name: 'order_events',
  description: 'One row per distinct order.state.change event: the order as it was at that event.',
  partitionKeys: [DT_PARTITION],
  columns: [
    EVENT_ID,
    EVENT_TIME,
    nullable('event_version', INT, 'Envelope `_v`: the event schema version.'),
    ORG,
    nullable('user_uuid', STRING, 'Envelope `u`: a UUID sent with every event (lower case).'),
    nullable('source', STRING, 'Envelope `s`: the publishing system, currently stadium.'),
    required('event_type', STRING, 'Envelope `e`: always order.state.change in this table.'),
    ORDER_UUID,
    VENUE_UUID,
    nullable('confirmation_number', STRING, 'Payload `confirmation_number`.'),
    required('state', STRING, 'Payload `state`: the order state at this event.'),
    nullable(
      'previous_state',
      STRING,
      'The state before the latest one in the time-sorted state history; null for the first.',
    ),
    nullable(
      'state_changed_at',
      TIMESTAMP,
      'The latest time in the state history (UTC); null when the history is empty.',
    ),
    required('created_at', TIMESTAMP, 'Payload `created_at`: when the order was created (UTC).'),
    required('total_cents', BIGINT, 'Payload `total` in cents.'),
    nullable('tax_cents', BIGINT, 'Payload `tax` in cents.'),
    nullable('tip_cents', BIGINT, 'Payload `tip` in cents.'),
    nullable('discount', STRING, 'Payload `discount` exactly as sent (a string).'),
    nullable(
      'discount_cents',
      BIGINT,
      'The discount in cents: digits are cents ("150"), a decimal is dollars ("1.50"); ' +
        'null when the text is neither.',
    ),
    required(
      'items_subtotal_cents',
      BIGINT,
      'Sum of the prices of the active (not removed) line items, in cents.',
    ),
    required(
      'refunded_cents',
      BIGINT,
      'Sum of the prices of the active line items that have a refunded_at, in cents.',
    ),
    required('line_item_count', INT, 'Number of line items in the payload, removed ones included.'),
    nullable('device_uuid', STRING, 'Payload `device_uuid`, lower case.'),
    REVENUE_CENTER_NAME,
    nullable('revenue_center_external_ref_id', STRING, 'Payload `revenue_center_external_ref_id`.'),
    REVENUE_CENTER_UUID,
    MENU_NAME,
    nullable('menu_external_ref_id', STRING, 'Payload `menu_external_ref_id`.'),
    SERVICE_TYPE,
    nullable('employee_name', STRING, 'Payload `employee_name` (personal data).'),
    nullable('employee_id', STRING, 'Payload `employee_id`.'),
    required('state_history', arrayOf(STATE_AT_TIME), 'Payload `state_history`, as sent.'),
    required(
      'transaction_history',
      arrayOf(STATE_AT_TIME),
      'Payload `transaction_history`, as sent (payment states such as authorized).',
    ),
    TRANSITION_HASH,
    EVENT_HASH,
    UNKNOWN_FIELDS,
  ],
} as const satisfies TableDefinition;

export type OrderEventRow = RowOf<typeof ORDER_EVENTS>;
