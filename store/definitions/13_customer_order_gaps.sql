-- Every gap between consecutive valid orders of a customer up to the end of day as_of, in
-- calendar days between order dates (0 for two orders the same day). gap_number 1 is first ->
-- second order, 2 second -> third, and so on. Read by the gaps table (metrics.repeat.order_gaps)
-- and the list of every gap (metrics.repeat.days_between_orders). Glossary: order_gaps.
create or replace macro customer_order_gaps(as_of) as table
    with

    customer_days as (
        select customer_id, ordered_at::date as order_day
        from customer_orders_until(as_of)
    ),

    gaps as (
        select
            customer_id,
            row_number() over customer_history - 1 as gap_number,
            order_day - lag(order_day) over customer_history as days
        from customer_days
        -- By day only: orders of one day are 0 days apart in any order (and the sort is cheaper).
        window customer_history as (partition by customer_id order by order_day)
    )

    select customer_id, gap_number, days
    from gaps
    where gap_number >= 1;
