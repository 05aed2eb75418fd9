-- Each customer's first valid order as of a day, with what a cohort by first order is split by:
-- its channel, its discount code (NULL: none given) and discount amount, and the product on its
-- first line (as the cohorts split by first product: metrics/sql/cohort_retention.sql). Two first
-- orders at the same moment: the smaller order id, as the cohorts' numbering. One aggregate per
-- customer (the smallest (time, id) pair), not a window over every order. Glossary:
-- first_order_cohorts.
create or replace macro customer_first_orders(as_of) as table
    with

    firsts as (
        select
            customer_id,
            min(struct_pack(ordered_at := ordered_at, order_id := order_id)) as first
        from customer_orders_until(as_of)
        group by customer_id
    ),

    first_orders as (
        select customer_id, first.order_id as order_id, first.ordered_at as first_ordered_at
        from firsts
    ),

    first_lines as (
        select l.order_id, arg_min(l.product, l.line_number) as first_product
        from order_lines as l
        semi join first_orders as f on f.order_id = l.order_id
        group by l.order_id
    )

    select
        f.customer_id,
        f.order_id,
        f.first_ordered_at,
        o.channel,
        o.discount_code,
        o.discount,
        first_lines.first_product
    from first_orders as f
    inner join orders as o using (order_id)
    left join first_lines using (order_id);
