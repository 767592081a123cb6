/**
 * The `dt` partition of an event's rows: the UTC date of the earlier of the order's
 * `created_at` and the event time.
 *
 * Every event of one order therefore lands in one partition (the order's own day, so a late
 * refund updates that day), and a device clock running ahead can never put rows in a future
 * partition that date-bounded queries would not see yet.
 */
export function partitionDate(orderCreatedAtMs: number, eventTimeMs: number): string {
  return new Date(Math.min(orderCreatedAtMs, eventTimeMs)).toISOString().slice(0, 10);
}
