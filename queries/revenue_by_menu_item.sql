-- name: revenue_by_menu_item
-- kind: query
-- description: Items sold per menu item (sku, name): quantity, gross, refunds, promotions.
-- param: start_date date First local business date, inclusive (YYYY-MM-DD).
-- param: end_date date Last local business date, inclusive (YYYY-MM-DD).
-- param: timezone varchar IANA time zone of the venue, e.g. America/Chicago.
WITH params AS (
  SELECT CAST(? AS date) AS start_date, CAST(? AS date) AS end_date, ? AS timezone
)
SELECT
  li.sku,
  li.name,
  count(*) AS quantity,
  sum(li.price_cents) AS gross_sales_cents,
  sum(CASE WHEN li.refunded_at IS NOT NULL THEN li.price_cents ELSE 0 END) AS refunded_cents,
  sum(li.promotion_discount_cents) AS promotion_discount_cents
FROM line_items_latest AS li
JOIN sales_orders AS s
  ON li.order_uuid = s.order_uuid AND li.event_id = s.event_id
CROSS JOIN params AS p
-- Removed items were never sold; order-level discounts are not spread over items.
WHERE li.removed_at IS NULL
  AND CAST(at_timezone(with_timezone(s.created_at, 'UTC'), p.timezone) AS date)
    BETWEEN p.start_date AND p.end_date
GROUP BY li.sku, li.name
ORDER BY gross_sales_cents DESC, li.sku, li.name
