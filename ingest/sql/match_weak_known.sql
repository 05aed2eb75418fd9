-- Known customers designated by each weak key of the file, with their strong identifiers
-- (platform accounts as a list: one person may have an account on several platforms).
with wanted as (
    select value from weak_keys
),

accounts as (
    select customer_id, list(value order by value) as platform_ids
    from customer_keys
    where kind = 'platform_id'
    group by customer_id
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
    select k.value, k.customer_id, k.email, k.phone, a.platform_ids
    from known as k
    inner join wanted as w on w.value = k.value
    left join accounts as a on a.customer_id = k.customer_id
)

select * from final
