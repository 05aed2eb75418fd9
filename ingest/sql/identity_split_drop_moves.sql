delete from customer_merge_moves where merged_customer_id = $merged
