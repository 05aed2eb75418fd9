-- Known customers carrying one of the file's name keys, with their first name, postcode and
-- whether an email, phone or platform customer number identifies them.
with wanted as (
    select distinct kind, value from name_keys
),

names as (
    select
        customer_id,
        name_text(first_name) as given,
        name_text(last_name) as family,
        postal_code,
        email is not null or phone is not null as has_contact
    from customers
    where first_name is not null and last_name is not null
),

keys as (
    select customer_id, 'full_name' as kind, full_name_key(given, family) as value, given,
        postal_code, has_contact
    from names
    union all
    select customer_id, 'initial_name' as kind, initial_name_key(given, family) as value, given,
        postal_code, has_contact
    from names
),

numbered as (
    select distinct customer_id from customer_keys where kind = 'platform_id'
),

final as (
    select
        k.customer_id,
        k.kind,
        k.value,
        case when not initials_only(k.given) then k.given end as given,
        k.postal_code,
        k.has_contact or n.customer_id is not null as is_strong
    from keys as k
    inner join wanted as w on w.kind = k.kind and w.value = k.value
    left join numbered as n on n.customer_id = k.customer_id
)

select * from final
