-- Product purchase (achat d'un produit): a day on which a known customer had a valid order with a
-- line of that product, by the end of day as_of. Several orders or lines of it on one day are one
-- purchase, as purchase occasions are (DESIGN.md). previous_day: the same customer's previous
-- purchase of the same product (NULL on their first), so day - previous_day is a repurchase delay
-- (glossary: replenishment). Replenishment, product affinity and the seasonal buyers' products
-- read it.
create or replace macro product_purchases(as_of) as table
    with

    product_days as (
        select distinct
            customer_orders.customer_id,
            order_lines.product,
            customer_orders.ordered_at::date as day
        from customer_orders_until(as_of) as customer_orders
        inner join order_lines on order_lines.order_id = customer_orders.order_id
        where order_lines.product is not null
    )

    select
        customer_id,
        product,
        day,
        lag(day) over (partition by customer_id, product order by day) as previous_day
    from product_days;
