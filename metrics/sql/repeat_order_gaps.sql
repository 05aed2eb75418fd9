-- The delay between each order and the next, step by step up to $max_gap (1 = first -> second):
-- the customers who reached order n (at least n valid orders by the end of day $as_of), those
-- who placed order n + 1 (share_next: the step's repeat rate), and the days between the two
-- (median and quartiles, interpolated; NULL when nobody took the step). Steps nobody reached are
-- left out.
with

counts as (
    select valid_orders
    from customer_facts_as_of($as_of, $summary_current)
    where valid_orders > 0
),

steps as (
    select unnest(range(1, $max_gap + 1)) as gap_number
),

reached as (
    select
        steps.gap_number,
        count(*) filter (where counts.valid_orders >= steps.gap_number) as customers,
        count(*) filter (where counts.valid_orders >= steps.gap_number + 1) as next_customers
    from steps
    cross join counts
    group by steps.gap_number
),

days as (
    select
        gap_number,
        quantile_cont(days, 0.25) as days_q1,
        median(days) as median_days,
        quantile_cont(days, 0.75) as days_q3
    from customer_order_gaps($as_of)
    where gap_number <= $max_gap
    group by gap_number
),

final as (
    select
        reached.gap_number,
        reached.customers,
        reached.next_customers,
        reached.next_customers / reached.customers as share_next,
        days.days_q1::double as days_q1,
        days.median_days::double as median_days,
        days.days_q3::double as days_q3
    from reached
    left join days using (gap_number)
    where reached.customers > 0
)

select * from final
order by gap_number
