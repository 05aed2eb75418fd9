-- Recency, frequency and monetary value as of the end of day $as_of for every customer with a
-- valid order by then (metrics.rfm.rfm scores them).
with

customer_orders as (
    select customer_id, ordered_at, net_amount
    from customer_orders_until($as_of)
),

final as (
    select
        customer_id,
        $as_of::date - max(ordered_at)::date as recency_days,
        count(*) as frequency,
        sum(net_amount)::double as monetary
    from customer_orders
    group by customer_id
)

select * from final
order by customer_id
