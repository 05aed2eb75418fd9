delete from merged_customers where merged_customer_id = $merged
