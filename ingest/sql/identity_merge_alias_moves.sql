-- The merged customer's name + postcode, unless some customer already holds it as a key: from
-- now on it designates the kept customer (needs the name_key macro of match_name_key_macro.sql).
with merged as (
    select name_key(first_name, last_name, full_name, postal_code) as value
    from merged_customers
    where merged_customer_id = $merged
)

insert into customer_merge_moves (merged_customer_id, kind, order_id, key_kind, key_value)
select $merged, 'alias', null, 'name_postcode', value
from merged
where value is not null
  and not exists (
      select 1 from customer_keys as k where k.kind = 'name_postcode' and k.value = merged.value
  )
