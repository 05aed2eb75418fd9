-- Repeat rate (is_repeat_customer) per product of the first valid order (up to the end of day
-- $as_of): a customer
-- counts once for each distinct product of that order. Products with fewer than $min_customers
-- customers are left out (too few to say anything).
with

customer_orders as (
    select order_id, customer_id, ordered_at
    from customer_orders_until($as_of)
),

lines as (
    select order_id, product
    from order_lines
    where product is not null
),

customer_totals as (
    select
        customer_id,
        -- The earliest order, the lower number first on a tie: (time, number) as one 128-bit
        -- key (half the cost of comparing (ordered_at, order_id) structs).
        arg_min(order_id, epoch_us(ordered_at)::hugeint * 18446744073709551616 + order_id)
            as first_order_id,
        count(*) as orders
    from customer_orders
    group by customer_id
),

first_products as (
    select distinct customer_totals.customer_id, customer_totals.orders, lines.product
    from customer_totals
    inner join lines on lines.order_id = customer_totals.first_order_id
),

final as (
    select
        product,
        count(*) as customers,
        count(*) filter (where is_repeat_customer(orders)) as repeat_customers,
        repeat_customers / customers as repeat_rate
    from first_products
    group by product
    having count(*) >= $min_customers
)

select * from final
order by customers desc, product
