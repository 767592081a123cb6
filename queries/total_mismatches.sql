-- name: total_mismatches
-- kind: query
-- description: Orders whose total is not items - discount + tax + tip, per UTC partition date.
-- param: start_dt date First UTC partition date, inclusive (YYYY-MM-DD).
-- param: end_dt date Last UTC partition date, inclusive (YYYY-MM-DD).
-- The orders data_quality counts as total_mismatch_orders, one row each. An unparsed
-- discount counts as no discount, as in the revenue reports.
WITH params AS (
  SELECT CAST(? AS date) AS start_dt, CAST(? AS date) AS end_dt
),
expected AS (
  SELECT
    o.*,
    o.items_subtotal_cents - coalesce(o.discount_cents, 0) + coalesce(o.tax_cents, 0)
      + coalesce(o.tip_cents, 0) AS expected_total_cents
  FROM orders_latest AS o
)
SELECT
  e.dt,
  e.order_uuid,
  e.state,
  e.created_at,
  e.items_subtotal_cents,
  e.discount,
  e.discount_cents,
  e.tax_cents,
  e.tip_cents,
  e.total_cents,
  e.expected_total_cents,
  e.total_cents - e.expected_total_cents AS difference_cents
FROM expected AS e
CROSS JOIN params AS p
WHERE e.total_cents <> e.expected_total_cents
  AND e.dt BETWEEN CAST(p.start_dt AS varchar) AND CAST(p.end_dt AS varchar)
ORDER BY e.dt, e.created_at, e.order_uuid
