-- name: daily_revenue
-- kind: query
-- description: Sales per local business date: gross, discounts, refunds, net, tax, tips, totals.
-- param: start_date date First local business date, inclusive (YYYY-MM-DD).
-- param: end_date date Last local business date, inclusive (YYYY-MM-DD).
-- param: timezone varchar IANA time zone of the venue, e.g. America/Chicago.
WITH params AS (
  SELECT CAST(? AS date) AS start_date, CAST(? AS date) AS end_date, ? AS timezone
),
dated AS (
  SELECT
    CAST(at_timezone(with_timezone(s.created_at, 'UTC'), p.timezone) AS date) AS business_date,
    s.*
  FROM sales_orders AS s
  CROSS JOIN params AS p
)
SELECT
  d.business_date,
  count(*) AS orders,
  sum(d.items_subtotal_cents) AS gross_sales_cents,
  sum(coalesce(d.discount_cents, 0)) AS discount_cents,
  sum(d.refunded_cents) AS refunded_cents,
  sum(d.net_sales_cents) AS net_sales_cents,
  sum(coalesce(d.tax_cents, 0)) AS tax_cents,
  sum(coalesce(d.tip_cents, 0)) AS tip_cents,
  sum(d.total_cents) AS total_cents
FROM dated AS d
CROSS JOIN params AS p
WHERE d.business_date BETWEEN p.start_date AND p.end_date
GROUP BY d.business_date
ORDER BY d.business_date
