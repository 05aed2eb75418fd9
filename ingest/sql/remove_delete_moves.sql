delete from customer_merge_moves
where merged_customer_id in (select merged_customer_id from remove_merged)
    or (kind = 'order' and order_id in (select order_id from remove_orders))
    or (kind = 'key' and (key_kind, key_value) in (select kind, value from remove_keys))
