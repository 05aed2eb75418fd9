-- Refunds by product over the days $since to $as_of: orders placed holding the product, of which
-- refunded, and the share refunded. An order counts once for each distinct product it holds; a
-- product in fewer than $min_orders orders is left out. Most refunded share first.
with

orders_in as (
    select order_id, refunded
    from placed_orders
    where ordered_at >= $since::date and ordered_at < $as_of::date + 1
),

products as (
    select distinct l.order_id, l.product
    from order_lines as l
    semi join orders_in as o on o.order_id = l.order_id
    where l.product is not null
),

final as (
    select
        p.product,
        count(*) as orders_placed,
        count(*) filter (where o.refunded) as refunded_orders,
        count(*) filter (where o.refunded) / count(*) as refund_rate_orders
    from products as p
    inner join orders_in as o using (order_id)
    group by p.product
    having count(*) >= $min_orders
)

select * from final order by refund_rate_orders desc, orders_placed desc, product
