-- name: refunds
-- kind: query
-- description: Refunded line items of the latest snapshots, by local refund date.
-- param: start_date date First local refund date, inclusive (YYYY-MM-DD).
-- param: end_date date Last local refund date, inclusive (YYYY-MM-DD).
-- param: timezone varchar IANA time zone of the venue, e.g. America/Chicago.
-- Whatever the order's state: money went back even on a cancelled order.
WITH params AS (
  SELECT CAST(? AS date) AS start_date, CAST(? AS date) AS end_date, ? AS timezone
)
SELECT
  CAST(at_timezone(with_timezone(li.refunded_at, 'UTC'), p.timezone) AS date) AS refund_date,
  li.refunded_at,
  li.order_uuid,
  li.order_state,
  li.revenue_center_name,
  li.line_item_uuid,
  li.sku,
  li.name,
  li.price_cents AS refunded_cents
FROM line_items_latest AS li
CROSS JOIN params AS p
WHERE li.refunded_at IS NOT NULL
  AND li.removed_at IS NULL
  AND CAST(at_timezone(with_timezone(li.refunded_at, 'UTC'), p.timezone) AS date)
    BETWEEN p.start_date AND p.end_date
ORDER BY li.refunded_at, li.order_uuid, li.line_item_index
