-- Among customers with a second valid order up to the end of day $as_of: how many made it
-- within each of $days calendar days of their first order (days <= N).
with

customer_orders as (
    select order_id, customer_id, ordered_at
    from customer_orders_until($as_of)
),

gaps as (
    select
        row_number() over customer_history as order_number,
        ordered_at::date - lag(ordered_at::date) over customer_history as days
    from customer_orders
    window customer_history as (partition by customer_id order by ordered_at, order_id)
),

second_orders as (
    select days
    from gaps
    where order_number = 2
),

horizons as (
    select unnest($days::integer[]) as days
),

final as (
    select
        horizons.days,
        count(second_orders.days) as customers,
        count(second_orders.days) / nullif((select count(*) from second_orders), 0) as share
    from horizons
    left join second_orders on second_orders.days <= horizons.days
    group by horizons.days
)

select * from final
order by days
