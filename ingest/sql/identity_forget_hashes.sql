-- Remember the person's keys as SHA-256 hashes only, except keys another customer still uses
-- (a shared phone, a namesake at the same postcode): blocking those would hide someone else.
create or replace temp table forget_hashes as
select distinct sha256(f.kind || ':' || f.value) as key_sha256
from forget_keys as f
where not exists (
        select 1 from customer_keys as k
        where k.kind = f.kind
          and k.value = f.value
          and k.customer_id not in (select customer_id from forget_chain)
    )
  and not exists (
        select 1 from customers as c
        where c.customer_id not in (select customer_id from forget_chain)
          and (
              (f.kind = 'email' and c.email = f.value)
              or (f.kind = 'phone' and c.phone = f.value)
              or (f.kind = 'name_postcode'
                  and name_key(c.first_name, c.last_name, c.full_name, c.postal_code) = f.value)
          )
    )
