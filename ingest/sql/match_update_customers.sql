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
),

-- A first name known only as initials ('M.' from a PrestaShop order) gives way, with its last
-- name, to the full first name of the same person: same customers whichever file came first.
renamed as (
    select i.customer
    from incoming as i
    inner join customers as c on c.customer_id = i.customer
    where initials_only(name_text(c.first_name))
      and not initials_only(name_text(i.first_name))
      and left(name_text(c.first_name), 1) = left(name_text(i.first_name), 1)
      and name_text(c.last_name) = name_text(i.last_name)
),

final as (
    select i.*, r.customer is not null as rename
    from incoming as i
    left join renamed as r on r.customer = i.customer
)

update customers as c
set
    email = coalesce(c.email, i.email),
    phone = coalesce(c.phone, i.phone),
    first_name = case when i.rename then i.first_name else coalesce(c.first_name, i.first_name) end,
    last_name = case when i.rename then i.last_name else coalesce(c.last_name, i.last_name) end,
    full_name = coalesce(c.full_name, i.full_name),
    postal_code = coalesce(c.postal_code, i.postal_code),
    city = coalesce(c.city, i.city),
    country = coalesce(c.country, i.country),
    first_seen = least(c.first_seen, i.first_seen)
from final as i
where c.customer_id = i.customer
  and (
      i.rename or c.email is null or c.phone is null or c.first_name is null or c.last_name is null
      or c.full_name is null or c.postal_code is null or c.city is null or c.country is null
      or i.first_seen < c.first_seen
  )
