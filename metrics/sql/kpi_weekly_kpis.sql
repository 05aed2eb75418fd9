-- Weekly KPIs for three ISO weeks: the week starting $week, the week before, and the same ISO
-- week a year earlier (364 days, same weekdays). One row per period; Python pivots and compares.
-- Revenue and orders include anonymous orders; customer figures ignore them. Revenue is net of
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

periods as (
    select period, week_start::date as week_start
    from (values
        ('this_week', $week::date),
        ('last_week', $week::date - 7),
        ('last_year', $week::date - 364)
    ) as p (period, week_start)
),

first_orders as (
    select customer_id, min(ordered_at) as first_ordered_at
    from valid
    where customer_id is not null
    group by customer_id
),

week_orders as (
    select periods.period, periods.week_start, valid.customer_id
    from periods
    inner join valid
        on valid.ordered_at >= periods.week_start
        and valid.ordered_at < periods.week_start + 7
),

week_revenue as (
    select periods.period, sum(revenue_entries.net_amount) as revenue
    from periods
    inner join revenue_entries
        on revenue_entries.ordered_at >= periods.week_start
        and revenue_entries.ordered_at < periods.week_start + 7
    group by periods.period
),

week_totals as (
    select
        period,
        count(*) as orders,
        count(distinct customer_id) as customers
    from week_orders
    group by period
),

week_customers as (
    select distinct week_orders.period, week_orders.week_start, first_orders.customer_id,
        first_orders.first_ordered_at
    from week_orders
    inner join first_orders using (customer_id)
),

customer_kinds as (
    select
        period,
        count(*) filter (where is_new_customer(first_ordered_at, week_start)) as new_customers,
        count(*) filter (where not is_new_customer(first_ordered_at, week_start))
            as returning_customers
    from week_customers
    group by period
),

year_customer_orders as (
    select periods.period, valid.customer_id, count(*) as orders
    from periods
    inner join valid
        on valid.ordered_at >= periods.week_start + 7 - 364
        and valid.ordered_at < periods.week_start + 7
    where valid.customer_id is not null
    group by periods.period, valid.customer_id
),

year_repeat as (
    select
        period,
        count(*) as year_customers,
        count(*) filter (where is_repeat_customer(orders)) as year_repeat_customers
    from year_customer_orders
    group by period
),

final as (
    select
        periods.period,
        round(coalesce(week_revenue.revenue, 0), 2)::double as revenue,
        coalesce(week_totals.orders, 0) as orders,
        coalesce(week_totals.customers, 0) as customers,
        coalesce(customer_kinds.new_customers, 0) as new_customers,
        coalesce(customer_kinds.returning_customers, 0) as returning_customers,
        round(week_revenue.revenue / nullif(week_totals.orders, 0), 2) as average_basket,
        year_repeat.year_repeat_customers / nullif(year_repeat.year_customers, 0) as repeat_rate
    from periods
    left join week_revenue using (period)
    left join week_totals using (period)
    left join customer_kinds using (period)
    left join year_repeat using (period)
)

select * from final
