-- The seasonal buyers (seasonal_customers) as of the end of day $as_of, those waiting for their
-- season only when $waiting_only, among the customers $among only (a list; null: everyone).
-- $summary_current: as customer_facts_as_of's (metrics.dates.facts_as_of).
select customer_id, season, orders, years, last_ordered_at, season_ends, waiting
from seasonal_customers($as_of, summary_current := $summary_current, among := $among)
where waiting or not $waiting_only
order by customer_id
