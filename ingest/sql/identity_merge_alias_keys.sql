insert into customer_keys (kind, value, customer_id, import_id)
select key_kind, key_value, $kept, null
from customer_merge_moves
where merged_customer_id = $merged and kind = 'alias'
