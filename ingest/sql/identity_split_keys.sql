update customer_keys as k
set customer_id = $merged
from customer_merge_moves as m
where m.merged_customer_id = $merged
  and m.kind = 'key'
  and k.kind = m.key_kind
  and k.value = m.key_value
  and k.customer_id = $kept
