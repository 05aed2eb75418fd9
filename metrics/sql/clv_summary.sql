-- One row per customer for the lifetime value models, using only orders up to $as_of (a date,
-- inclusive). A purchase occasion is a calendar day with positive net spend (DESIGN.md): the
-- customer's valid orders of that day summed (the definition customer_occasions_until).
-- valid_orders already drops cancelled, pending and refunded orders and any order with nothing
-- left after refunds, so a refund-only day is no occasion. Times are in weeks from the
-- customer's first occasion: recency is when the last one happened, T how long the customer has
-- been observed. monetary_value is the mean spend of the repeat occasions (the first is left
-- out, as the Gamma-Gamma model expects), NULL without any. historic_value is the customer's
-- net spend to date (DESIGN.md "CLV"): their valid orders less their credit notes
-- (customer_money_until), while the occasions the models read stay days of positive spend.
-- clv_summary_current.sql gives the same rows from the per-customer tables when $as_of covers
-- every order.

with

occasions as (

    select customer_id, occasions, first_on, last_on, repeat_spend
    from customer_occasions_until($as_of)

),

net_spend as (

    select customer_id, sum(net_amount) as historic_value
    from customer_money_until($as_of)
    group by customer_id

),

final as (

    select
        customer_id,
        cast(occasions - 1 as integer) as frequency,
        date_diff('day', first_on, last_on) / 7.0 as recency_weeks,
        date_diff('day', first_on, cast($as_of as date)) / 7.0 as T_weeks,
        case when occasions > 1 then cast(repeat_spend as double) / (occasions - 1)
            end as monetary_value,
        cast(net_spend.historic_value as double) as historic_value
    from occasions
    inner join net_spend using (customer_id)

)

select * from final
order by customer_id
