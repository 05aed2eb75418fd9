-- Calendar days from the first to the second valid order of every customer with two valid orders
-- up to the end of day $as_of (0 for two orders the same day).
with

final as (
    select customer_id, second_day - first_day as days
    from customer_first_days($as_of)
    where second_day is not null
)

select * from final
order by customer_id
