-- clv_summary.sql's rows as of $as_of when no order is later (metrics.dates.facts_as_of): read
-- from the per-customer tables kept as of the latest data (customer_summary, customer_repeat_spend)
-- instead of every order. Occasions are purchase days (customer_summary.purchase_days counts the
-- days with a valid order); the first and last occasion are the days of the first and last valid
-- order; historic_value is the net spend.

with

customers as (

    select customer_id, purchase_days, first_ordered_at, last_ordered_at, net_spend
    from customer_summary
    where valid_orders > 0

),

final as (

    select
        customers.customer_id,
        cast(customers.purchase_days - 1 as integer) as frequency,
        date_diff('day', customers.first_ordered_at::date, customers.last_ordered_at::date) / 7.0
            as recency_weeks,
        date_diff('day', customers.first_ordered_at::date, cast($as_of as date)) / 7.0 as T_weeks,
        case when customers.purchase_days > 1
            then cast(repeat.repeat_spend as double) / (customers.purchase_days - 1)
            end as monetary_value,
        cast(customers.net_spend as double) as historic_value
    from customers
    left join customer_repeat_spend as repeat using (customer_id)

)

select * from final
order by customer_id
