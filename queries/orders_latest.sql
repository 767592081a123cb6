-- name: orders_latest
-- kind: view
-- description: One row per order: its latest snapshot by state time, duplicates removed.
CREATE OR REPLACE VIEW orders_latest AS
SELECT *
FROM (
  SELECT
    e.*,
    -- Firehose delivers at least once and events may arrive out of order, so the latest
    -- snapshot is chosen by the order's own clock, never by arrival.
    row_number() OVER (
      PARTITION BY e.order_uuid
      ORDER BY e.state_changed_at DESC NULLS LAST, e.event_time DESC, e.event_id DESC
    ) AS snapshot_rank
  FROM order_events AS e
) AS ranked
WHERE snapshot_rank = 1
