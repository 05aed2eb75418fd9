-- Products customers bought (order lines of valid orders), the most ordered first: the choices
-- of the segment builder's "product bought" filter.
with

lines as (
    select order_lines.order_id, order_lines.product
    from order_lines
    inner join valid_orders on valid_orders.order_id = order_lines.order_id
    where order_lines.product is not null
        and valid_orders.customer_id is not null
),

final as (
    select product, count(distinct order_id) as orders
    from lines
    group by product
)

select * from final
order by orders desc, product
