-- name: sales_orders
-- kind: view
-- description: Latest snapshots of orders that count as sales, with net sales.
-- Not sales: orders whose state is cancelled, canceled, voided, declined or failed.
CREATE OR REPLACE VIEW sales_orders AS
SELECT
  o.*,
  -- A discount whose text is neither cents nor dollars has a null discount_cents; it counts
  -- as no discount here and is reported by the data_quality query.
  o.items_subtotal_cents - coalesce(o.discount_cents, 0) - o.refunded_cents AS net_sales_cents
FROM orders_latest AS o
WHERE lower(o.state) NOT IN ('cancelled', 'canceled', 'voided', 'declined', 'failed')
