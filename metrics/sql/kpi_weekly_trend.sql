-- One row per ISO week from $first_week to $last_week (Mondays), weeks without orders as 0.
-- new_customers: customers whose first valid order ever falls in the week. Revenue is net of
-- credit notes (view net_revenue); orders and customers count valid orders only.
with

valid as (
    select customer_id, ordered_at
    from valid_orders
),

revenue_entries as (
    select ordered_at, net_amount
    from net_revenue
),

weeks as (
    select range::date as week_start
    from range($first_week::date, $last_week::date + 1, interval 7 day)
),

first_orders as (
    select customer_id, min(ordered_at) as first_ordered_at
    from valid
    where customer_id is not null
    group by customer_id
),

weekly_revenue as (
    select date_trunc('week', ordered_at)::date as week_start, sum(net_amount) as revenue
    from revenue_entries
    where ordered_at >= $first_week::date
        and ordered_at < $last_week::date + 7
    group by week_start
),

weekly as (
    select
        date_trunc('week', ordered_at)::date as week_start,
        count(*) as orders,
        count(distinct customer_id) as customers
    from valid
    where ordered_at >= $first_week::date
        and ordered_at < $last_week::date + 7
    group by week_start
),

acquisitions as (
    select date_trunc('week', first_ordered_at)::date as week_start, count(*) as new_customers
    from first_orders
    group by week_start
),

final as (
    select
        weeks.week_start,
        round(coalesce(weekly_revenue.revenue, 0), 2)::double as revenue,
        coalesce(weekly.orders, 0) as orders,
        coalesce(weekly.customers, 0) as customers,
        coalesce(acquisitions.new_customers, 0) as new_customers
    from weeks
    left join weekly_revenue using (week_start)
    left join weekly using (week_start)
    left join acquisitions using (week_start)
)

select * from final
order by week_start
