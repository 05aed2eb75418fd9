-- Distribution of valid orders per customer up to the end of day $as_of; counts of $cap or more
-- share the last bucket. Every bucket from 1 to the highest is present (0 customers if none).
with

customer_facts as (
    select valid_orders
    from customer_facts_as_of($as_of, $summary_current)
    where valid_orders > 0
),

customer_totals as (
    select least(valid_orders, $cap::integer) as n_orders
    from customer_facts
),

buckets as (
    select range as n_orders
    from range(1, (select coalesce(max(n_orders), 0) from customer_totals) + 1)
),

counts as (
    select n_orders, count(*) as customers
    from customer_totals
    group by n_orders
),

final as (
    select
        buckets.n_orders,
        case
            when buckets.n_orders = $cap::integer then buckets.n_orders || '+'
            else buckets.n_orders::varchar
        end as label,
        coalesce(counts.customers, 0) as customers,
        coalesce(counts.customers, 0) / (select count(*) from customer_totals) as share
    from buckets
    left join counts using (n_orders)
)

select * from final
order by n_orders
