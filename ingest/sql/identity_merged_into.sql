select kept_customer_id from merged_customers where merged_customer_id = $merged
