-- The customer_repeat_spend rows of the people $customer_ids (every row when NULL), before they
-- are computed again.
delete from customer_repeat_spend
where $customer_ids is null or list_contains($customer_ids, customer_id)
