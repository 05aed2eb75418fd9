delete from merged_customers where merged_customer_id in (select merged_customer_id from remove_merged)
