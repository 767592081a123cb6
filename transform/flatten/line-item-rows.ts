/**
 * Flattens an order snapshot into its `order_line_items` rows: one per line item, with the
 * order columns an analyst needs without a join.
 */

import type { LineItem } from '../event/schema.ts';
import { unknownFieldsJson, unknownFieldsUnder } from '../event/unknown-fields.ts';
import type { OrderLineItemRow } from '../tables/index.ts';
import type { OrderSnapshot } from './order-snapshot.ts';
import { sumCents } from './sum-cents.ts';

export function lineItemRows(snapshot: OrderSnapshot): OrderLineItemRow[] {
  return snapshot.decoded.event.p.line_items.map((item, index) =>
    lineItemRow(snapshot, item, index),
  );
}

function lineItemRow(snapshot: OrderSnapshot, item: LineItem, index: number): OrderLineItemRow {
  const { decoded } = snapshot;
  const { event } = decoded;
  const order = event.p;
  const unknown = unknownFieldsUnder(decoded.unknownFields, `p.line_items[${index}]`);

  return {
    event_id: event._id,
    event_time: snapshot.eventTime,
    order_uuid: order.uuid,
    venue_uuid: order.venue_uuid,
    org: event.o,
    order_state: order.state,
    order_created_at: order.created_at.iso,
    revenue_center_uuid: order.revenue_center_uuid,
    revenue_center_name: order.revenue_center_name,
    menu_name: order.menu_name,
    service_type: order.service_type,
    line_item_uuid: item.uuid,
    line_item_index: index,
    name: item.name,
    price_cents: item.price,
    sku: item.sku,
    created_at: item.created_at?.iso ?? null,
    refunded_at: item.refunded_at?.iso ?? null,
    removed_at: item.removed_at?.iso ?? null,
    modified_line_item_uuid: item.modified_line_item_uuid,
    promotion_count: item.promotions.length,
    promotion_discount_cents: sumCents(
      item.promotions.map((promotion) => promotion.discount_amount_in_cents),
      event._id,
      `p.line_items[${index}].promotions`,
    ),
    promotions: item.promotions.map((promotion) => ({
      uuid: promotion.uuid,
      discount_cents: promotion.discount_amount_in_cents,
    })),
    transition_hash: snapshot.transitionHash,
    event_hash: decoded.eventHash,
    unknown_fields: unknownFieldsJson(unknown),
  };
}
