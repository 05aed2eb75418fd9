-- Customers whose name (first then last, last then first, or as written), email or phone matches
-- what the owner typed. $text is looked for, case and accents ignored, inside the names and the
-- email; $digits (the typed digits without leading zeros, NULL when too few to mean anything)
-- inside the phone's digits, so 06 12 34 56 78 finds +33612345678.
with

people as (
    select customer_id, first_name, last_name, full_name, email, phone, postal_code, city
    from customers
),

searchable as (
    select
        *,
        strip_accents(lower(concat_ws(
            ' | ', concat_ws(' ', first_name, last_name), concat_ws(' ', last_name, first_name),
            full_name, email
        ))) as haystack,
        regexp_replace(coalesce(phone, ''), '[^0-9]', '', 'g') as phone_digits
    from people
),

order_totals as (
    select customer_id, count(*) as orders, max(ordered_at) as last_order_at
    from valid_orders
    where customer_id is not null
    group by customer_id
),

final as (
    select
        searchable.customer_id,
        customer_name(searchable.first_name, searchable.last_name, searchable.full_name) as name,
        searchable.email,
        searchable.phone,
        searchable.postal_code,
        searchable.city,
        coalesce(order_totals.orders, 0) as orders,
        order_totals.last_order_at
    from searchable
    left join order_totals on order_totals.customer_id = searchable.customer_id
    where contains(searchable.haystack, strip_accents(lower($text)))
        or ($digits is not null and contains(searchable.phone_digits, $digits))
)

select * from final
order by orders desc, customer_id
limit $limit
