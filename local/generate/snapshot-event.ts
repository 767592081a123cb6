/**
 * The `order.state.change` event VenueNext publishes when an order enters a state: the whole
 * order as it is at that moment (a full snapshot), in the document's field order. Its money
 * always adds up: total = active items - discount + tax + tip.
 */
import type { OrderPlan, PlannedLineItem, PlannedState } from './order-plan.ts';
import { TAX_RATE, VENUE } from './stadium.ts';

export const ORDER_STATE_CHANGE = 'order.state.change';

/** The event, with id `eventId`, published when the order entered its `stateIndex`-th state. */
export function snapshotEvent(
  plan: OrderPlan,
  stateIndex: number,
  eventId: string,
): Record<string, unknown> {
  const states = plan.states.slice(0, stateIndex + 1);
  const at = states.at(-1)?.timeMs ?? plan.createdAtMs;
  const present = plan.lineItems.filter((item) => item.createdAtMs <= at);
  const money = moneyAt(plan, present, at);

  return {
    _id: eventId,
    _v: 1,
    o: VENUE.org,
    u: plan.userUuid,
    s: 'stadium',
    e: ORDER_STATE_CHANGE,
    p: {
      uuid: plan.uuid,
      venue_uuid: VENUE.venueUuid,
      confirmation_number: plan.confirmationNumber,
      state: states.at(-1)?.state,
      created_at: iso(plan.createdAtMs),
      total: money.total,
      tax: money.tax,
      discount: plan.discountInDollars ? (money.discount / 100).toFixed(2) : String(money.discount),
      tip: money.tip,
      device_uuid: plan.deviceUuid,
      revenue_center_name: plan.center.name,
      revenue_center_external_ref_id: plan.center.externalRefId,
      revenue_center_uuid: plan.center.uuid,
      menu_name: plan.center.menuName,
      menu_external_ref_id: plan.center.menuExternalRefId,
      service_type: plan.center.serviceType,
      employee_name: plan.employee?.name ?? null,
      employee_id: plan.employee?.id ?? null,
      transaction_history: history(plan.transactions.filter((entry) => entry.timeMs <= at)),
      state_history: history(states),
      line_items: present.map((item) => lineItem(item, at)),
    },
  };
}

/**
 * Money as of `at`: removed items no longer count; refunded ones still do (they were paid,
 * then refunded).
 */
function moneyAt(plan: OrderPlan, present: readonly PlannedLineItem[], at: number) {
  const active = present.filter((item) => item.removedAtMs === null || item.removedAtMs > at);
  const items = active.reduce((sum, item) => sum + item.priceCents, 0);
  const discount = active
    .flatMap((item) => item.promotions)
    .reduce((sum, promotion) => sum + promotion.discountCents, 0);
  const tax = Math.round((items - discount) * TAX_RATE);
  const tip = Math.round(items * plan.tipRate);
  return { items, discount, tax, tip, total: items - discount + tax + tip };
}

function lineItem(item: PlannedLineItem, at: number) {
  return {
    uuid: item.uuid,
    name: item.name,
    price: item.priceCents,
    sku: item.sku,
    created_at: iso(item.createdAtMs),
    refunded_at:
      item.refundedAtMs !== null && item.refundedAtMs <= at ? iso(item.refundedAtMs) : null,
    removed_at: item.removedAtMs !== null && item.removedAtMs <= at ? iso(item.removedAtMs) : null,
    modified_line_item_uuid: null,
    promotions: item.promotions.map((promotion) => ({
      discount_amount_in_cents: promotion.discountCents,
      uuid: promotion.uuid,
    })),
  };
}

function history(entries: readonly PlannedState[]) {
  return entries.map((entry) => ({ state: entry.state, time: iso(entry.timeMs) }));
}

/** ISO-8601 UTC to the second, as VenueNext writes times (`2020-08-26T01:02:46Z`). */
export function iso(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
