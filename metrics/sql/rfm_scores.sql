-- RFM as of the end of day $as_of for every customer with a valid order by then.
-- Score rule (same for R, F and M): score = 1 + floor(5 * worse / n), where worse is the number
-- of customers with a strictly worse value (R: more days since the last order; F, M: lower).
-- Equal values therefore get equal scores, the lowest value always scores 1, and without ties
-- the scores are exact quintiles. With heavy ties (most F = 1) they are not balanced.
with

customer_orders as (
    select customer_id, ordered_at, net_amount
    from customer_orders_until($as_of)
),

customer_totals as (
    select
        customer_id,
        $as_of::date - max(ordered_at)::date as recency_days,
        count(*) as frequency,
        sum(net_amount) as monetary
    from customer_orders
    group by customer_id
),

ranked as (
    select
        *,
        count(*) over () as n,
        rank() over (order by recency_days desc) - 1 as worse_recency,
        rank() over (order by frequency) - 1 as worse_frequency,
        rank() over (order by monetary) - 1 as worse_monetary
    from customer_totals
),

final as (
    select
        customer_id,
        recency_days,
        frequency,
        monetary::double as monetary,
        1 + (5 * worse_recency) // n as r_score,
        1 + (5 * worse_frequency) // n as f_score,
        1 + (5 * worse_monetary) // n as m_score
    from ranked
)

select * from final
order by customer_id
