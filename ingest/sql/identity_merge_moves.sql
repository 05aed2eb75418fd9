-- What is about to move to the kept customer: the merged customer's orders and identity keys.
insert into customer_merge_moves (merged_customer_id, kind, order_id, key_kind, key_value)
select $merged, 'order', order_id, null, null
from orders
where customer_id = $merged
union all
select $merged, 'key', null, kind, value
from customer_keys
where customer_id = $merged
