-- The customer_summary rows of the people $customer_ids (everyone when NULL) from their
-- definition, over every order (up to the last day a date can name).
insert into customer_summary
select *
from customer_facts_until(date '9999-12-30')
where $customer_ids is null or list_contains($customer_ids, customer_id)
