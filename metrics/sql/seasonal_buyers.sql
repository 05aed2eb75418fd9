-- The seasonal buyers (seasonal_customers) as of the end of day $as_of, those waiting for their
-- season only when $waiting_only.
select customer_id, season, orders, years, last_ordered_at, season_ends, waiting
from seasonal_customers($as_of)
where waiting or not $waiting_only
order by customer_id
