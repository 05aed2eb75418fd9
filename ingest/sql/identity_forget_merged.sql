delete from merged_customers
where merged_customer_id in (select customer_id from forget_chain)
