-- name: time_in_state
-- kind: query
-- description: Seconds orders spent in each state they have left, from the state history.
-- param: start_date date First local business date, inclusive (YYYY-MM-DD).
-- param: end_date date Last local business date, inclusive (YYYY-MM-DD).
-- param: timezone varchar IANA time zone of the venue, e.g. America/Chicago.
-- Covers every order created on the dates, cancelled ones too. The state an order is
-- still in has no end yet, so it is not counted.
WITH params AS (
  SELECT CAST(? AS date) AS start_date, CAST(? AS date) AS end_date, ? AS timezone
),
entries AS (
  -- Unnesting positions rather than the array itself: Trino spreads an unnested row into
  -- columns where DuckDB keeps one struct, but both unnest an array of integers alike.
  -- greatest(..., 1) keeps sequence() counting up for an empty history.
  SELECT
    o.order_uuid,
    o.state_history[h.history_index].state AS state,
    o.state_history[h.history_index]."time" AS entered_at
  FROM orders_latest AS o
  CROSS JOIN params AS p
  CROSS JOIN UNNEST(sequence(1, greatest(cardinality(o.state_history), 1))) AS h (history_index)
  WHERE h.history_index <= cardinality(o.state_history)
    AND CAST(at_timezone(with_timezone(o.created_at, 'UTC'), p.timezone) AS date)
      BETWEEN p.start_date AND p.end_date
),
stays AS (
  SELECT
    e.state,
    date_diff(
      'millisecond',
      e.entered_at,
      lead(e.entered_at) OVER (PARTITION BY e.order_uuid ORDER BY e.entered_at, e.state)
    ) AS stay_ms
  FROM entries AS e
)
SELECT
  s.state,
  count(*) AS stays,
  round(avg(s.stay_ms) / 1000e0, 3) AS avg_seconds,
  min(s.stay_ms) / 1000e0 AS min_seconds,
  max(s.stay_ms) / 1000e0 AS max_seconds
FROM stays AS s
WHERE s.stay_ms IS NOT NULL
GROUP BY s.state
ORDER BY s.state
