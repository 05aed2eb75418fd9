-- The customer_repeat_spend rows of the people $customer_ids (everyone when NULL) from their
-- definition over every order (up to the last day a date can name): no row for a customer with
-- a single purchase occasion.
insert into customer_repeat_spend
select customer_id, repeat_spend
from customer_occasions_until(date '9999-12-30', customer_ids := $customer_ids)
where occasions > 1
