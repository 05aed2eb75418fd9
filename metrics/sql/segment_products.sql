-- Products customers bought (order lines of valid orders of identified customers), the most often
-- bought first: the choices of the segment builder's "product bought" filter. Lines are counted,
-- not distinct orders: the order of a picker does not need the 4x dearer distinct count.
with

lines as (
    select order_lines.product
    from order_lines
    semi join valid_orders
        on valid_orders.order_id = order_lines.order_id
        and valid_orders.customer_id is not null
    where order_lines.product is not null
),

final as (
    select product, count(*) as lines
    from lines
    group by product
)

select * from final
order by lines desc, product
