/**
 * The `order.state.change` event contract, as zod schemas: the envelope and its payload `p`,
 * with nested state and transaction histories, line items and their promotions.
 *
 * Unknown fields pass validation and are collected by `unknown-fields.ts`, never dropped.
 */
import { z } from 'zod';
import {
  cents,
  descriptive,
  optionalCents,
  optionalTimestamp,
  optionalUuid,
  requiredText,
  timestamp,
  ulid,
  uuid,
} from './fields.ts';

export const ORDER_STATE_CHANGE = 'order.state.change';

/** An array that may be absent or null (read as empty), but is an array when present. */
function optionalArray<T extends z.ZodType>(element: T) {
  return z
    .array(element, { error: 'expected an array' })
    .nullish()
    .transform((value) => value ?? []);
}

export const StateAtTimeSchema = z.object({
  state: requiredText,
  time: timestamp,
});

export const PromotionSchema = z.object({
  uuid: optionalUuid,
  discount_amount_in_cents: cents,
});

export const LineItemSchema = z.object({
  uuid,
  name: descriptive,
  price: cents,
  sku: descriptive,
  created_at: optionalTimestamp,
  refunded_at: optionalTimestamp,
  removed_at: optionalTimestamp,
  modified_line_item_uuid: optionalUuid,
  promotions: optionalArray(PromotionSchema),
});

/** `discount` is text in the feed; a JSON number is tolerated and kept as its text. */
const discount = z
  .union([z.string(), z.number()], { error: 'expected a discount string' })
  .nullish()
  .transform((value) => value ?? null);

export const OrderPayloadSchema = z.object({
  uuid,
  venue_uuid: optionalUuid,
  confirmation_number: descriptive,
  state: requiredText,
  created_at: timestamp,
  total: cents,
  tax: optionalCents,
  discount,
  tip: optionalCents,
  device_uuid: optionalUuid,
  revenue_center_name: descriptive,
  revenue_center_external_ref_id: descriptive,
  revenue_center_uuid: optionalUuid,
  menu_name: descriptive,
  menu_external_ref_id: descriptive,
  service_type: descriptive,
  employee_name: descriptive,
  employee_id: descriptive,
  transaction_history: optionalArray(StateAtTimeSchema),
  state_history: z.array(StateAtTimeSchema, { error: 'expected an array' }),
  line_items: z.array(LineItemSchema, { error: 'expected an array' }),
});

/** The envelope before its payload is looked at: enough to tell orders from other events. */
export const EnvelopeSchema = z.object({
  _id: ulid,
  e: z.string({ error: 'expected the event type string' }),
});

export const OrderEventSchema = z.object({
  _id: ulid,
  _v: z
    .number({ error: 'expected an integer version' })
    .int({ error: 'expected an integer version' })
    .nullish()
    .transform((value) => value ?? null),
  o: descriptive,
  u: optionalUuid,
  s: descriptive,
  e: z.literal(ORDER_STATE_CHANGE),
  p: OrderPayloadSchema,
});

export type OrderEvent = z.output<typeof OrderEventSchema>;
export type OrderPayload = OrderEvent['p'];
export type LineItem = OrderPayload['line_items'][number];
export type StateAtTime = z.output<typeof StateAtTimeSchema>;
