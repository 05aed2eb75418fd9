-- One row per customer for the lifetime value models, using only orders up to $as_of (a date,
-- inclusive). A purchase occasion is a calendar day with positive net spend (DESIGN.md): the
-- customer's valid orders of that day summed. valid_orders already drops cancelled, pending and
-- refunded orders and any order with nothing left after refunds, so a refund-only day is no
-- occasion. Times are in weeks from the customer's first occasion: recency is when the last
-- one happened, T how long the customer has been observed. monetary_value is the mean spend of
-- the repeat occasions (the first is left out, as the Gamma-Gamma model expects), NULL without
-- any. historic_value is the customer's net spend to date (DESIGN.md "CLV"): their valid orders
-- less their credit notes (customer_money_until), while the occasions the models read stay days
-- of positive spend.

with

valid_orders as (

    select * from valid_orders

),

customer_money as (

    select customer_id, net_amount
    from customer_money_until($as_of)

),

customer_orders as (

    select
        customer_id,
        cast(ordered_at as date) as ordered_on,
        net_amount
    from valid_orders
    where customer_id is not null
      and cast(ordered_at as date) <= $as_of

),

occasions as (

    select
        customer_id,
        ordered_on,
        sum(net_amount) as spend,
        row_number() over (partition by customer_id order by ordered_on) as occasion_number
    from customer_orders
    group by customer_id, ordered_on

),

customers as (

    select
        customer_id,
        count(*) - 1 as frequency,
        min(ordered_on) as first_on,
        max(ordered_on) as last_on,
        avg(spend) filter (where occasion_number > 1) as monetary_value
    from occasions
    group by customer_id

),

net_spend as (

    select customer_id, sum(net_amount) as historic_value
    from customer_money
    group by customer_id

),

final as (

    select
        customer_id,
        cast(frequency as integer) as frequency,
        date_diff('day', first_on, last_on) / 7.0 as recency_weeks,
        date_diff('day', first_on, cast($as_of as date)) / 7.0 as T_weeks,
        cast(monetary_value as double) as monetary_value,
        cast(net_spend.historic_value as double) as historic_value
    from customers
    inner join net_spend using (customer_id)

)

select * from final
