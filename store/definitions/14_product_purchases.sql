-- Product purchase (achat d'un produit): a day on which a known customer had a valid order with a
-- line of that product, by the end of day as_of. Several orders or lines of it on one day are one
-- purchase, as purchase occasions are (DESIGN.md). previous_day: the same customer's previous
-- purchase of the same product (NULL on their first), so day - previous_day is a repurchase delay
-- (glossary: replenishment). only_product: that product's purchases only. Replenishment and
-- product affinity read it. Products are numbered (product_codes: product_code -> product, joined
-- back by the reader after it has grouped): grouping and ordering on a number costs half what
-- they cost on a name.
create or replace view product_codes as
select product, dense_rank() over (order by product) as product_code
from (
    select distinct product
    from order_lines
    where product is not null
);

create or replace macro product_purchases(as_of, only_product := null) as table
    with

    codes as materialized (
        select product, product_code
        from product_codes
        where only_product is null or product = only_product
    ),

    product_days as (
        select distinct
            customer_orders.customer_id,
            codes.product_code,
            customer_orders.ordered_at::date as day
        from customer_orders_until(as_of) as customer_orders
        inner join order_lines on order_lines.order_id = customer_orders.order_id
        inner join codes on codes.product = order_lines.product
    ),

    final as (
        select
            customer_id,
            product_code,
            day,
            lag(day) over (partition by customer_id, product_code order by day) as previous_day
        from product_days
    )

    select * from final;

-- Due for a product (à relancer): the last purchase of it was days_since days ago, at least its
-- usual delay (median_days, metrics.replenishment) and less than window_days more.
create or replace macro is_due(days_since, median_days, window_days) as
    days_since >= median_days and days_since < median_days + window_days;
