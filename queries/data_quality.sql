-- name: data_quality
-- kind: query
-- description: Per UTC dt: duplicate rate, failed records, unparsed discounts, total mismatches.
-- param: start_dt date First UTC partition date, inclusive (YYYY-MM-DD).
-- param: end_dt date Last UTC partition date, inclusive (YYYY-MM-DD).
-- Event rows and orders count in the dt of their rows; failed records in the dt they
-- arrived (Firehose files errors by arrival date), once per table they failed in.
WITH params AS (
  SELECT CAST(? AS date) AS start_dt, CAST(? AS date) AS end_dt
),
events AS (
  SELECT
    e.dt,
    count(*) AS event_rows,
    -- Exact duplicates: the same order and the same payload hash.
    count(*) - count(DISTINCT e.order_uuid || ':' || e.event_hash) AS duplicate_rows
  FROM order_events AS e
  GROUP BY e.dt
),
orders AS (
  SELECT
    o.dt,
    count(*) AS orders,
    count_if(o.discount IS NOT NULL AND o.discount_cents IS NULL) AS unparsed_discounts,
    count_if(
      o.total_cents <> o.items_subtotal_cents - coalesce(o.discount_cents, 0)
        + coalesce(o.tax_cents, 0) + coalesce(o.tip_cents, 0)
    ) AS total_mismatch_orders
  FROM orders_latest AS o
  GROUP BY o.dt
),
failures AS (
  SELECT
    f.dt,
    count_if(f."table" = 'order_events') AS failed_order_events,
    count_if(f."table" = 'order_line_items') AS failed_order_line_items
  FROM processing_failed AS f
  GROUP BY f.dt
),
dates AS (
  SELECT dt FROM events
  UNION
  SELECT dt FROM orders
  UNION
  SELECT dt FROM failures
)
SELECT
  d.dt,
  coalesce(e.event_rows, 0) AS event_rows,
  coalesce(e.duplicate_rows, 0) AS duplicate_rows,
  round(coalesce(CAST(e.duplicate_rows AS double) / nullif(e.event_rows, 0), 0e0), 4)
    AS duplicate_rate,
  coalesce(f.failed_order_events, 0) AS failed_order_events,
  coalesce(f.failed_order_line_items, 0) AS failed_order_line_items,
  coalesce(o.orders, 0) AS orders,
  coalesce(o.unparsed_discounts, 0) AS unparsed_discounts,
  coalesce(o.total_mismatch_orders, 0) AS total_mismatch_orders
FROM dates AS d
CROSS JOIN params AS p
LEFT JOIN events AS e ON e.dt = d.dt
LEFT JOIN orders AS o ON o.dt = d.dt
LEFT JOIN failures AS f ON f.dt = d.dt
WHERE d.dt BETWEEN CAST(p.start_dt AS varchar) AND CAST(p.end_dt AS varchar)
ORDER BY d.dt
