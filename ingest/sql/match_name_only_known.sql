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
        is_strong
    from customer_strength()
    where first_name is not null and last_name is not null
),

keys as (
    select customer_id, 'full_name' as kind, full_name_key(given, family) as value, given,
        postal_code, is_strong
    from names
    union all
    select customer_id, 'initial_name' as kind, initial_name_key(given, family) as value, given,
        postal_code, is_strong
    from names
),

final as (
    select
        k.customer_id,
        k.kind,
        k.value,
        case when not initials_only(k.given) then k.given end as given,
        k.postal_code,
        k.is_strong
    from keys as k
    inner join wanted as w on w.kind = k.kind and w.value = k.value
)

select * from final
