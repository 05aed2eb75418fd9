-- Recency, frequency and monetary value as of the end of day $as_of for every customer with a
-- valid order by then (metrics.rfm.rfm scores them): R from the last valid order, F = valid
-- orders, M = net spend (valid orders less credit notes), all from the store's definition
-- customer_facts_as_of (the customer_summary table when $as_of covers every order).
with

customer_facts as (
    select customer_id, valid_orders, last_ordered_at, net_spend
    from customer_facts_as_of($as_of, $summary_current)
),

final as (
    select
        customer_id,
        $as_of::date - last_ordered_at::date as recency_days,
        valid_orders as frequency,
        net_spend::double as monetary
    from customer_facts
    where valid_orders > 0
)

select * from final
order by customer_id
