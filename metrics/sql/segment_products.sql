-- Products customers bought (order lines of valid orders of identified customers, as the product
-- purchases of every order count them), the most often bought first: the choices of the segment
-- builder's "product bought" filter. Lines are counted, not distinct orders: the order of a
-- picker does not need the 4x dearer distinct count.
with

final as (
    select product, sum(lines)::bigint as lines
    from customer_product_days
    group by product
)

select * from final
order by lines desc, product
