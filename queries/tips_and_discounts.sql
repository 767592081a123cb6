-- name: tips_and_discounts
-- kind: query
-- description: Tips, order discounts and line item promotions per local business date.
-- param: start_date date First local business date, inclusive (YYYY-MM-DD).
-- param: end_date date Last local business date, inclusive (YYYY-MM-DD).
-- param: timezone varchar IANA time zone of the venue, e.g. America/Chicago.
WITH params AS (
  SELECT CAST(? AS date) AS start_date, CAST(? AS date) AS end_date, ? AS timezone
),
promotions AS (
  SELECT li.order_uuid, sum(li.promotion_discount_cents) AS promotion_discount_cents
  FROM line_items_latest AS li
  WHERE li.removed_at IS NULL
  GROUP BY li.order_uuid
),
dated AS (
  SELECT
    CAST(at_timezone(with_timezone(s.created_at, 'UTC'), p.timezone) AS date) AS business_date,
    s.tip_cents,
    s.discount_cents,
    s.items_subtotal_cents,
    coalesce(pr.promotion_discount_cents, 0) AS promotion_discount_cents
  FROM sales_orders AS s
  CROSS JOIN params AS p
  LEFT JOIN promotions AS pr ON pr.order_uuid = s.order_uuid
)
SELECT
  d.business_date,
  count(*) AS orders,
  count_if(d.tip_cents > 0) AS tipped_orders,
  sum(coalesce(d.tip_cents, 0)) AS tip_cents,
  -- Tips as a share of the items sold, in percent (items before discounts and refunds).
  round(
    100e0 * sum(coalesce(d.tip_cents, 0)) / nullif(sum(d.items_subtotal_cents), 0),
    2
  ) AS tip_percent_of_items,
  count_if(d.discount_cents > 0) AS discounted_orders,
  sum(coalesce(d.discount_cents, 0)) AS discount_cents,
  sum(d.promotion_discount_cents) AS promotion_discount_cents
FROM dated AS d
CROSS JOIN params AS p
WHERE d.business_date BETWEEN p.start_date AND p.end_date
GROUP BY d.business_date
ORDER BY d.business_date
