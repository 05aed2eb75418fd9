-- First and second order days (second_day null after one order) of every customer with a valid
-- order up to the end of day $as_of.
select customer_id, first_day, second_day
from customer_first_days($as_of)
order by customer_id
