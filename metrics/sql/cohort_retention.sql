-- Cohorts: customers grouped by the calendar $period (week, month or quarter; allow-listed in
-- Python) of their first valid order, followed period by period up to the end of day $as_of.
-- Every period k from 0 to the period containing $as_of is present, with 0 when nobody bought.
-- Optional segment ($split): 'channel' or 'first_product' (first line of the first valid order).
-- Active customers count valid orders; revenue is net (customer_money_until): a credit note
-- lowers the revenue of the period it falls in, in its customer's cohort (of a credit note dated
-- before the customer's first order, period 0's: it is never dropped).
with

customer_orders as (
    select order_id, customer_id, ordered_at, channel
    from customer_orders_until($as_of)
),

customer_money as (
    select customer_id, ordered_at, net_amount
    from customer_money_until($as_of)
),

lines as (
    select order_id, line_number, product
    from order_lines
),

numbered_orders as (
    select
        *,
        row_number() over (partition by customer_id order by ordered_at, order_id) as order_number
    from customer_orders
),

first_orders as (
    select customer_id, order_id, channel, date_trunc($period, ordered_at)::date as cohort
    from numbered_orders
    where order_number = 1
),

first_lines as (
    select lines.order_id, arg_min(lines.product, lines.line_number) as product
    from lines
    inner join first_orders using (order_id)
    where $split::varchar = 'first_product'
    group by lines.order_id
),

customer_cohorts as (
    select
        first_orders.customer_id,
        first_orders.cohort,
        case $split::varchar
            when 'channel' then first_orders.channel
            when 'first_product' then first_lines.product
        end as segment
    from first_orders
    left join first_lines using (order_id)
),

cohort_sizes as (
    select segment, cohort, count(*) as cohort_size
    from customer_cohorts
    group by segment, cohort
),

activity as (
    select
        customer_cohorts.segment,
        customer_cohorts.cohort,
        datediff(
            $period, customer_cohorts.cohort, date_trunc($period, customer_orders.ordered_at)::date
        ) as period_index,
        count(distinct customer_orders.customer_id) as active_customers
    from customer_orders
    inner join customer_cohorts using (customer_id)
    group by all
),

period_revenue as (
    select
        customer_cohorts.segment,
        customer_cohorts.cohort,
        greatest(datediff(
            $period, customer_cohorts.cohort, date_trunc($period, customer_money.ordered_at)::date
        ), 0) as period_index,
        sum(customer_money.net_amount) as revenue
    from customer_money
    inner join customer_cohorts using (customer_id)
    group by all
),

grid as (
    select
        segment,
        cohort,
        cohort_size,
        unnest(range(0, datediff($period, cohort, date_trunc($period, $as_of::date)::date) + 1))
            as period_index
    from cohort_sizes
),

filled as (
    select
        grid.segment,
        grid.cohort,
        grid.period_index,
        grid.cohort_size,
        coalesce(activity.active_customers, 0) as active_customers,
        coalesce(period_revenue.revenue, 0) as revenue
    from grid
    left join activity
        on grid.segment is not distinct from activity.segment
        and grid.cohort = activity.cohort
        and grid.period_index = activity.period_index
    left join period_revenue
        on grid.segment is not distinct from period_revenue.segment
        and grid.cohort = period_revenue.cohort
        and grid.period_index = period_revenue.period_index
),

final as (
    select
        segment,
        cohort,
        period_index,
        cohort_size,
        active_customers,
        active_customers / cohort_size as retention,
        revenue::double as revenue,
        revenue / first_value(revenue) over cohort_periods as revenue_retention,
        round(sum(revenue) over cohort_periods / cohort_size, 2)::double
            as cumulative_revenue_per_customer
    from filled
    window cohort_periods as (
        partition by segment, cohort order by period_index
        rows between unbounded preceding and current row
    )
)

select * from final
order by segment nulls first, cohort, period_index
