-- Repeat rate per acquisition cohort ($period of the first valid order, allow-listed in Python):
-- customers of the cohort with >= 2 valid orders up to the end of day $as_of.
with

customer_orders as (
    select customer_id, ordered_at
    from customer_orders_until($as_of)
),

customer_totals as (
    select
        customer_id,
        date_trunc($period, min(ordered_at))::date as cohort,
        count(*) as orders
    from customer_orders
    group by customer_id
),

final as (
    select
        cohort,
        count(*) as customers,
        count(*) filter (where orders >= 2) as repeat_customers,
        count(*) filter (where orders >= 2) / count(*) as repeat_rate
    from customer_totals
    group by cohort
)

select * from final
order by cohort
