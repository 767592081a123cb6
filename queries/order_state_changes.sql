-- name: order_state_changes
-- kind: view
-- description: One row per order and transition hash, from the first event carrying it.
CREATE OR REPLACE VIEW order_state_changes AS
SELECT *
FROM (
  SELECT
    e.*,
    row_number() OVER (
      PARTITION BY e.order_uuid, e.transition_hash
      ORDER BY e.event_time, e.event_id
    ) AS arrival_rank,
    -- How many event rows carried this state history, re-deliveries included.
    count(*) OVER (PARTITION BY e.order_uuid, e.transition_hash) AS event_count
  FROM order_events AS e
) AS transitions
WHERE arrival_rank = 1
