-- Day of the latest valid order (NULL on an empty database): the default as-of date and week.
with

valid as (
    select ordered_at from valid_orders
),

final as (
    select max(ordered_at)::date as latest_order_date
    from valid
)

select * from final
