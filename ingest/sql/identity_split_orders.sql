-- Orders the merge moved go back (orders imported since the merge stay with the kept customer).
update orders
set customer_id = $merged
where customer_id = $kept
  and order_id in (
      select order_id
      from customer_merge_moves
      where merged_customer_id = $merged and kind = 'order'
  )
