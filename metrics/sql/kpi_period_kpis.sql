-- KPIs of three periods given by their bounds [start, end): this period, the one before, and the
-- same period a year earlier (metrics.kpis picks them: for a week 7 and 364 days back, same
-- weekdays). One row per period; Python pivots and compares. Revenue and orders include
-- anonymous orders; customer figures ignore them. Revenue is net of credit notes (view
-- net_revenue); orders and customers count valid orders only. The revenue of new customers (their
-- first valid order in the period) and of returning ones (bought before it) leave out anonymous
-- sales, which are the rest of the revenue. The repeat rate is over the 364 days (52 weeks)
-- ending with the period's last day.
with

valid as (
    select customer_id, ordered_at
    from valid_orders
),

revenue_entries as (
    select customer_id, ordered_at, net_amount
    from net_revenue
),

periods as (
    select period, period_start::date as period_start, period_end::date as period_end
    from (values
        ('this_period', $this_start::date, $this_end::date),
        ('previous_period', $previous_start::date, $previous_end::date),
        ('last_year', $last_year_start::date, $last_year_end::date)
    ) as p (period, period_start, period_end)
),

first_orders as (
    select customer_id, min(ordered_at) as first_ordered_at
    from valid
    where customer_id is not null
    group by customer_id
),

period_orders as (
    select periods.period, periods.period_start, valid.customer_id
    from periods
    inner join valid
        on valid.ordered_at >= periods.period_start
        and valid.ordered_at < periods.period_end
),

period_revenue as (
    select
        periods.period,
        sum(revenue_entries.net_amount) as revenue,
        sum(revenue_entries.net_amount) filter (
            where is_new_customer(first_orders.first_ordered_at, periods.period_start)
        ) as new_customer_revenue,
        sum(revenue_entries.net_amount) filter (
            where not is_new_customer(first_orders.first_ordered_at, periods.period_start)
        ) as returning_customer_revenue
    from periods
    inner join revenue_entries
        on revenue_entries.ordered_at >= periods.period_start
        and revenue_entries.ordered_at < periods.period_end
    left join first_orders on first_orders.customer_id = revenue_entries.customer_id
    group by periods.period
),

period_totals as (
    select
        period,
        count(*) as orders,
        count(distinct customer_id) as customers
    from period_orders
    group by period
),

period_customers as (
    select distinct period_orders.period, period_orders.period_start, first_orders.customer_id,
        first_orders.first_ordered_at
    from period_orders
    inner join first_orders using (customer_id)
),

customer_kinds as (
    select
        period,
        count(*) filter (where is_new_customer(first_ordered_at, period_start)) as new_customers,
        count(*) filter (where not is_new_customer(first_ordered_at, period_start))
            as returning_customers
    from period_customers
    group by period
),

year_customer_orders as (
    select periods.period, valid.customer_id, count(*) as orders
    from periods
    inner join valid
        on valid.ordered_at >= periods.period_end - 364
        and valid.ordered_at < periods.period_end
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
        round(coalesce(period_revenue.revenue, 0), 2)::double as revenue,
        coalesce(period_totals.orders, 0) as orders,
        coalesce(period_totals.customers, 0) as customers,
        coalesce(customer_kinds.new_customers, 0) as new_customers,
        coalesce(customer_kinds.returning_customers, 0) as returning_customers,
        round(period_revenue.revenue / nullif(period_totals.orders, 0), 2) as average_basket,
        year_repeat.year_repeat_customers / nullif(year_repeat.year_customers, 0) as repeat_rate,
        round(coalesce(period_revenue.new_customer_revenue, 0), 2)::double
            as new_customer_revenue,
        round(coalesce(period_revenue.returning_customer_revenue, 0), 2)::double
            as returning_customer_revenue
    from periods
    left join period_revenue using (period)
    left join period_totals using (period)
    left join customer_kinds using (period)
    left join year_repeat using (period)
)

select * from final
