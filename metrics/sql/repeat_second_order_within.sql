-- Among customers with a second valid order up to the end of day $as_of: how many made it
-- within each of $days calendar days of their first order (days <= N).
with

second_orders as (
    select second_day - first_day as days
    from customer_first_days($as_of)
    where second_day is not null
),

horizons as (
    select unnest($days::integer[]) as days
),

final as (
    select
        horizons.days,
        count(second_orders.days) as customers,
        count(second_orders.days) / nullif((select count(*) from second_orders), 0) as share
    from horizons
    left join second_orders on second_orders.days <= horizons.days
    group by horizons.days
)

select * from final
order by days
