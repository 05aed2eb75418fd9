-- Whether the customer_summary table answers "as of the end of day $as_of": no order of any kind
-- after that day (true on a database without orders, false for a NULL day with orders).
with

placed as (
    select ordered_at
    from orders
),

final as (
    select coalesce($as_of::date >= max(ordered_at)::date, max(ordered_at) is null) as covers
    from placed
)

select * from final
