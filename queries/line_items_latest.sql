-- name: line_items_latest
-- kind: view
-- description: The line items of each order's latest snapshot, one row each.
CREATE OR REPLACE VIEW line_items_latest AS
SELECT *
FROM (
  SELECT
    li.*,
    -- A re-delivered event repeats its line item rows; keep one copy of each.
    row_number() OVER (
      PARTITION BY li.order_uuid, li.line_item_index
      ORDER BY li.dt
    ) AS copy_rank
  FROM order_line_items AS li
  JOIN orders_latest AS o
    ON li.order_uuid = o.order_uuid
    AND li.event_id = o.event_id
    AND li.event_hash = o.event_hash
) AS copies
WHERE copy_rank = 1
