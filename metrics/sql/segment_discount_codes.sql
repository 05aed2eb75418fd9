-- Discount codes used on valid orders of identified customers (orders.discount_code, several
-- codes of one order joined by ', '), written as the segment builder compares them (upper case,
-- trimmed), the most used first: the choices of its "discount code" filter.
with

order_codes as (
    select unnest(string_split(orders.discount_code, ',')) as code
    from orders
    semi join valid_orders
        on valid_orders.order_id = orders.order_id
        and valid_orders.customer_id is not null
    where orders.discount_code is not null
),

codes as (
    select upper(trim(code)) as code
    from order_codes
),

final as (
    select code, count(*) as orders
    from codes
    where code <> ''
    group by code
)

select * from final
order by orders desc, code
