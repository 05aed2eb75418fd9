-- Repeat purchase headline up to the end of day $as_of: customers, repeat customers (>= 2 valid
-- orders), repeat rate, median calendar days first -> second order and between consecutive orders.
with

customer_orders as (
    select order_id, customer_id, ordered_at
    from customer_orders_until($as_of)
),

gaps as (
    select
        customer_id,
        row_number() over customer_history as order_number,
        ordered_at::date - lag(ordered_at::date) over customer_history as days
    from customer_orders
    window customer_history as (partition by customer_id order by ordered_at, order_id)
),

customer_totals as (
    select customer_id, max(order_number) as orders
    from gaps
    group by customer_id
),

customer_counts as (
    select
        count(*) as customers,
        count(*) filter (where orders >= 2) as repeat_customers
    from customer_totals
),

gap_medians as (
    select
        median(days) filter (where order_number = 2) as median_days_first_to_second,
        median(days) as median_days_between_orders
    from gaps
),

final as (
    select
        customers,
        repeat_customers,
        repeat_customers / nullif(customers, 0) as repeat_rate,
        median_days_first_to_second,
        median_days_between_orders
    from customer_counts
    cross join gap_medians
)

select * from final
