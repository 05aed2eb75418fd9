-- Repeat rate per acquisition cohort ($period of the first valid order, allow-listed in Python):
-- the cohort's repeat customers (is_repeat_customer) up to the end of day $as_of.
with

customer_facts as (
    select first_ordered_at, valid_orders
    from customer_facts_as_of($as_of, $summary_current)
    where valid_orders > 0
),

final as (
    select
        date_trunc($period, first_ordered_at)::date as cohort,
        count(*) as customers,
        count(*) filter (where is_repeat_customer(valid_orders)) as repeat_customers,
        repeat_customers / customers as repeat_rate
    from customer_facts
    group by cohort
)

select * from final
order by cohort
