/**
 * Flattens an order snapshot into its `order_events` row.
 */
import { discountCents } from '../event/money.ts';
import type { LineItem, StateAtTime } from '../event/schema.ts';
import { unknownFieldsJson } from '../event/unknown-fields.ts';
import type { OrderEventRow } from '../tables/index.ts';
import type { OrderSnapshot } from './order-snapshot.ts';
import { sumCents } from './sum-cents.ts';

export function orderEventRow(snapshot: OrderSnapshot): OrderEventRow {
  const { decoded, sortedHistory } = snapshot;
  const { event } = decoded;
  const order = event.p;
  const active = order.line_items.filter((item) => item.removed_at === null);
  const latest = sortedHistory.at(-1);

  return {
    event_id: event._id,
    event_time: snapshot.eventTime,
    event_version: event._v,
    org: event.o,
    user_uuid: event.u,
    source: event.s,
    event_type: event.e,
    order_uuid: order.uuid,
    venue_uuid: order.venue_uuid,
    confirmation_number: order.confirmation_number,
    state: order.state,
    previous_state: sortedHistory.at(-2)?.state ?? null,
    state_changed_at: latest ? latest.time.iso : null,
    created_at: order.created_at.iso,
    total_cents: order.total,
    tax_cents: order.tax,
    tip_cents: order.tip,
    discount: order.discount === null ? null : String(order.discount),
    discount_cents: discountCents(order.discount),
    items_subtotal_cents: sumCents(prices(active), event._id, 'p.line_items'),
    refunded_cents: sumCents(
      prices(active.filter((item) => item.refunded_at !== null)),
      event._id,
      'p.line_items',
    ),
    line_item_count: order.line_items.length,
    device_uuid: order.device_uuid,
    revenue_center_name: order.revenue_center_name,
    revenue_center_external_ref_id: order.revenue_center_external_ref_id,
    revenue_center_uuid: order.revenue_center_uuid,
    menu_name: order.menu_name,
    menu_external_ref_id: order.menu_external_ref_id,
    service_type: order.service_type,
    employee_name: order.employee_name,
    employee_id: order.employee_id,
    state_history: order.state_history.map(stateAtTimeRow),
    transaction_history: order.transaction_history.map(stateAtTimeRow),
    transition_hash: snapshot.transitionHash,
    event_hash: decoded.eventHash,
    unknown_fields: unknownFieldsJson(decoded.unknownFields),
  };
}

function stateAtTimeRow(entry: StateAtTime): { state: string; time: string } {
  return { state: entry.state, time: entry.time.iso };
}

function prices(items: readonly LineItem[]): number[] {
  return items.map((item) => item.price);
}
