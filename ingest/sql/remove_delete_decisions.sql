-- Merges, splits and keep-apart decisions about a removed customer.
delete from customer_merges
where merged_customer_id in (select merged_customer_id from remove_merged)
    or merged_customer_id in (select customer_id from remove_customers)
    or kept_customer_id in (select customer_id from remove_customers)
