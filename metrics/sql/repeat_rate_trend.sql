-- Monthly trend: for customers acquired in each month (first valid order), the share who made a
-- second valid order within $within_days calendar days of the first. Only months whose last
-- acquired customer has been watched for the full $within_days by the end of day $as_of.
with

customer_orders as (
    select order_id, customer_id, ordered_at
    from customer_orders_until($as_of)
),

numbered_orders as (
    select
        customer_id,
        ordered_at::date as order_date,
        row_number() over (partition by customer_id order by ordered_at, order_id) as order_number
    from customer_orders
),

customer_firsts as (
    select
        customer_id,
        min(order_date) as first_date,
        min(order_date) filter (where order_number = 2) as second_date
    from numbered_orders
    where order_number <= 2
    group by customer_id
),

final as (
    select
        date_trunc('month', first_date)::date as month,
        count(*) as customers,
        count(*) filter (where second_date - first_date <= $within_days::integer)
            as repeat_customers,
        count(*) filter (where second_date - first_date <= $within_days::integer) / count(*)
            as repeat_rate
    from customer_firsts
    group by month
    having last_day(month) + $within_days::integer <= $as_of::date
)

select * from final
order by month
