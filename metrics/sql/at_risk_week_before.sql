-- Recency (days before the end of day $as_of) and frequency (valid orders) of every customer with
-- a valid order by then, as rfm_totals gives them, without the money: what metrics.at_risk needs
-- of the RFM of 7 days before (who was already at risk). The customer_summary table answers for
-- the customers without a valid order after $as_of; the others' count and last order come from
-- their orders up to $as_of (not every fact of customer_facts_as_of, nor credit notes).
with

bought_since as (
    select distinct customer_id
    from valid_orders
    where customer_id is not null
        and ordered_at >= $as_of::date + 1
),

unchanged as (
    select customer_id, valid_orders, last_ordered_at
    from customer_summary
    anti join bought_since using (customer_id)
),

recomputed as (
    select customer_id, count(*) as valid_orders, max(ordered_at) as last_ordered_at
    from customer_orders_until($as_of)
    where customer_id in (select customer_id from bought_since)
    group by customer_id
),

customer_facts as (
    select * from unchanged
    union all
    select * from recomputed
),

final as (
    select
        customer_id,
        $as_of::date - last_ordered_at::date as recency_days,
        valid_orders as frequency
    from customer_facts
    where valid_orders > 0
)

select * from final
order by customer_id
