delete from customer_keys as k
using customer_merge_moves as m
where m.merged_customer_id = $merged
  and m.kind = 'alias'
  and k.kind = m.key_kind
  and k.value = m.key_value
  and k.customer_id = $kept
