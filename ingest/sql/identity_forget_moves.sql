delete from customer_merge_moves
where merged_customer_id in (select customer_id from forget_chain)
