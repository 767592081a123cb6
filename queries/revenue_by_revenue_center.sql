-- name: revenue_by_revenue_center
-- kind: query
-- description: Sales per revenue center over local business dates, largest first.
-- param: start_date date First local business date, inclusive (YYYY-MM-DD).
-- param: end_date date Last local business date, inclusive (YYYY-MM-DD).
-- param: timezone varchar IANA time zone of the venue, e.g. America/Chicago.
WITH params AS (
  SELECT CAST(? AS date) AS start_date, CAST(? AS date) AS end_date, ? AS timezone
)
SELECT
  s.revenue_center_uuid,
  s.revenue_center_name,
  count(*) AS orders,
  sum(s.items_subtotal_cents) AS gross_sales_cents,
  sum(coalesce(s.discount_cents, 0)) AS discount_cents,
  sum(s.refunded_cents) AS refunded_cents,
  sum(s.net_sales_cents) AS net_sales_cents,
  sum(coalesce(s.tip_cents, 0)) AS tip_cents,
  sum(s.total_cents) AS total_cents
FROM sales_orders AS s
CROSS JOIN params AS p
WHERE CAST(at_timezone(with_timezone(s.created_at, 'UTC'), p.timezone) AS date)
  BETWEEN p.start_date AND p.end_date
GROUP BY s.revenue_center_uuid, s.revenue_center_name
ORDER BY net_sales_cents DESC, s.revenue_center_name, s.revenue_center_uuid
