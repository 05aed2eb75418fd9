-- Repeat purchase headline up to the end of day $as_of: customers, repeat customers
-- (is_repeat_customer), repeat rate, median calendar days first -> second order and between
-- consecutive orders.
with

customer_facts as (
    select valid_orders
    from customer_facts_as_of($as_of, $summary_current)
    where valid_orders > 0
),

customer_days as (
    select customer_id, ordered_at::date as order_day
    from customer_orders_until($as_of)
),

gaps as (
    select
        row_number() over customer_history as order_number,
        order_day - lag(order_day) over customer_history as days
    from customer_days
    -- By day only: orders of one day are 0 days apart in any order (and the sort is cheaper).
    window customer_history as (partition by customer_id order by order_day)
),

customer_counts as (
    select
        count(*) as customers,
        count(*) filter (where is_repeat_customer(valid_orders)) as repeat_customers
    from customer_facts
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
