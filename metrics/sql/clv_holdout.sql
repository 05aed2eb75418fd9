-- Backtest of the lifetime value models: the purchase occasions (days with a valid order,
-- see clv_summary.sql) in the held-out period after $calibration_end up to $as_of (inclusive),
-- counted per customer and per holdout week (week 1 = the 7 days after $calibration_end), with
-- their net spend (revenue).
-- Only customers already known at $calibration_end count: the models predict them, not
-- newcomers.

with

valid_orders as (

    select * from valid_orders

),

occasions as (

    select
        customer_id,
        cast(ordered_at as date) as ordered_on,
        sum(net_amount) as spend
    from valid_orders
    where customer_id is not null
      and cast(ordered_at as date) <= $as_of
    group by customer_id, ordered_on

),

calibration_customers as (

    select distinct customer_id
    from occasions
    where ordered_on <= $calibration_end

),

holdout_occasions as (

    select
        occasions.customer_id,
        occasions.spend,
        cast(ceil(date_diff('day', cast($calibration_end as date), occasions.ordered_on) / 7.0)
            as integer) as week
    from occasions
    inner join calibration_customers
        on occasions.customer_id = calibration_customers.customer_id
    where occasions.ordered_on > $calibration_end

),

final as (

    select
        customer_id,
        week,
        count(*) as occasions,
        cast(sum(spend) as double) as revenue
    from holdout_occasions
    group by customer_id, week

)

select * from final
