-- The customer_summary rows of the people $customer_ids (every row when NULL), before they are
-- computed again.
delete from customer_summary
where $customer_ids is null or list_contains($customer_ids, customer_id)
