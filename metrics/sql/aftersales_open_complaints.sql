-- Customers with a ticket still open at the end of day $as_of (ticket_open_on): left out of
-- marketing exports unless the owner includes them.
select distinct customer_id
from tickets
where customer_id is not null and ticket_open_on(opened_at, resolved_at, status, $as_of)
order by customer_id
