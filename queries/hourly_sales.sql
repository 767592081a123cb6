-- name: hourly_sales
-- kind: query
-- description: Sales per local business date and local hour (0-23) of order creation.
-- param: start_date date First local business date, inclusive (YYYY-MM-DD).
-- param: end_date date Last local business date, inclusive (YYYY-MM-DD).
-- param: timezone varchar IANA time zone of the venue, e.g. America/Chicago.
WITH params AS (
  SELECT CAST(? AS date) AS start_date, CAST(? AS date) AS end_date, ? AS timezone
),
local_times AS (
  SELECT at_timezone(with_timezone(s.created_at, 'UTC'), p.timezone) AS created_local, s.*
  FROM sales_orders AS s
  CROSS JOIN params AS p
)
SELECT
  CAST(l.created_local AS date) AS business_date,
  hour(l.created_local) AS local_hour,
  count(*) AS orders,
  sum(l.items_subtotal_cents) AS gross_sales_cents,
  sum(l.net_sales_cents) AS net_sales_cents,
  sum(l.total_cents) AS total_cents
FROM local_times AS l
CROSS JOIN params AS p
WHERE CAST(l.created_local AS date) BETWEEN p.start_date AND p.end_date
GROUP BY CAST(l.created_local AS date), hour(l.created_local)
ORDER BY business_date, local_hour
