-- Recency, frequency and monetary value as of the end of day $as_of for every customer with a
-- valid order by then (metrics.rfm.rfm scores them). R and F count valid orders; M is net spend
-- (customer_money_until: their valid orders less their credit notes).
with

customer_orders as (
    select customer_id, ordered_at
    from customer_orders_until($as_of)
),

customer_money as (
    select customer_id, net_amount
    from customer_money_until($as_of)
),

order_totals as (
    select
        customer_id,
        $as_of::date - max(ordered_at)::date as recency_days,
        count(*) as frequency
    from customer_orders
    group by customer_id
),

spend as (
    select customer_id, sum(net_amount) as monetary
    from customer_money
    group by customer_id
),

final as (
    select
        order_totals.customer_id,
        order_totals.recency_days,
        order_totals.frequency,
        spend.monetary::double as monetary
    from order_totals
    inner join spend using (customer_id)
)

select * from final
order by customer_id
