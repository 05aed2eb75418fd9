-- Every gap between consecutive valid orders of a customer up to the end of day $as_of
-- (definition customer_order_gaps).
select customer_id, gap_number, days
from customer_order_gaps($as_of)
order by customer_id, gap_number
