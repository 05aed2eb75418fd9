-- Known customers: fill what they lacked, move first_seen back if this file knew them earlier.
with incoming as (
    select
        customer,
        arg_max(email, seen_at) filter (where email is not null) as email,
        arg_max(phone, seen_at) filter (where phone is not null) as phone,
        arg_max(first_name, seen_at) filter (where first_name is not null) as first_name,
        arg_max(last_name, seen_at) filter (where last_name is not null) as last_name,
        arg_max(full_name, seen_at) filter (where full_name is not null) as full_name,
        arg_max(postal_code, seen_at) filter (where postal_code is not null) as postal_code,
        arg_max(city, seen_at) filter (where city is not null) as city,
        arg_max(country, seen_at) filter (where country is not null) as country,
        min(seen_at) as first_seen
    from matched_people
    where not is_new
    group by customer
)

update customers as c
set
    email = coalesce(c.email, i.email),
    phone = coalesce(c.phone, i.phone),
    first_name = coalesce(c.first_name, i.first_name),
    last_name = coalesce(c.last_name, i.last_name),
    full_name = coalesce(c.full_name, i.full_name),
    postal_code = coalesce(c.postal_code, i.postal_code),
    city = coalesce(c.city, i.city),
    country = coalesce(c.country, i.country),
    first_seen = least(c.first_seen, i.first_seen)
from incoming as i
where c.customer_id = i.customer
  and (
      c.email is null or c.phone is null or c.first_name is null or c.last_name is null
      or c.full_name is null or c.postal_code is null or c.city is null or c.country is null
      or i.first_seen < c.first_seen
  )
