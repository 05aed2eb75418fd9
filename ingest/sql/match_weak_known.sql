-- Known customers designated by each weak key of the file, with their strong identifiers.
with wanted as (
    select value from weak_keys
),

known as (
    select
        customer_id,
        email,
        phone,
        name_key(first_name, last_name, full_name, postal_code) as value
    from customers
    where postal_code is not null
),

final as (
    select k.value, k.customer_id, k.email, k.phone
    from known as k
    inner join wanted as w on w.value = k.value
)

select * from final
