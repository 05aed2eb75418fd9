-- Product purchase (achat d'un produit): a day on which a known customer had a valid order with a
-- line of that product, by the end of day as_of. Several orders or lines of it on one day are one
-- purchase, as purchase occasions are (DESIGN.md); day - previous_day (the same customer's
-- previous purchase of the same product) is a repurchase delay (glossary: replenishment).
-- Replenishment, bought next and the builder's product picker read it (product_purchases).
-- product_codes numbers the products: grouping on a number costs half what it costs on a name.
create or replace view product_codes as
select product, dense_rank() over (order by product) as product_code
from (
    select distinct product
    from order_lines
    where product is not null
);

-- The product purchases of every order (up to the last day a date can name), one row per
-- customer, product and day, as the table customer_product_days keeps them (migration 024,
-- refreshed with customer_summary by store/summary.py), with what its readers need beside the
-- day: lines (order lines of it that day), previous_day and next_day (the same customer's
-- previous and next purchase of it), purchase_number (1 on their first purchase of it),
-- first_purchase_day and next_purchase_day (the customer's first and next purchase day of any
-- product) and first_of_day (one row per customer and day: its first product by number).
-- customer_ids: only these customers (a merge, split or forget refreshes two people, not every
-- row). Grouped on product numbers (product_codes), named at the end.
create or replace macro product_purchases_from_orders(customer_ids := null) as table
    with

    codes as materialized (
        select product, product_code
        from product_codes
    ),

    customer_orders as (
        select customer_id, order_id, ordered_at::date as day
        from customer_orders_until(date '9999-12-30')
        where customer_ids is null or customer_id in (select unnest(customer_ids))
    ),

    product_days as (
        select customer_orders.customer_id, codes.product_code, customer_orders.day,
            count(*) as lines
        from customer_orders
        inner join order_lines on order_lines.order_id = customer_orders.order_id
        inner join codes on codes.product = order_lines.product
        group by customer_orders.customer_id, codes.product_code, customer_orders.day
    ),

    purchase_days as (
        select
            customer_id,
            day,
            min(day) over (partition by customer_id) as first_purchase_day,
            lead(day) over (partition by customer_id order by day) as next_purchase_day,
            min(product_code) as first_code
        from product_days
        group by customer_id, day
    ),

    final as (
        select
            product_days.customer_id,
            codes.product,
            product_days.day,
            product_days.lines,
            lag(product_days.day) over per_product as previous_day,
            lead(product_days.day) over per_product as next_day,
            row_number() over per_product as purchase_number,
            purchase_days.first_purchase_day,
            purchase_days.next_purchase_day,
            product_days.product_code = purchase_days.first_code as first_of_day
        from product_days
        inner join purchase_days
            on purchase_days.customer_id = product_days.customer_id
            and purchase_days.day = product_days.day
        inner join codes on codes.product_code = product_days.product_code
        window per_product as (
            partition by product_days.customer_id, product_days.product_code
            order by product_days.day
        )
    )

    select * from final;

-- Baskets of every valid order (anonymous till sales included), per day: orders, how many hold
-- each product (product NULL: any product), as the table product_basket_days keeps them
-- (migration 024). Bought together divides by them (glossary: bought_together).
create or replace macro product_baskets_from_orders() as table
    with

    valid as materialized (
        select order_id, ordered_at::date as day
        from valid_orders
    ),

    order_products as materialized (
        select distinct order_lines.order_id, order_lines.product
        from order_lines
        semi join valid on valid.order_id = order_lines.order_id
        where order_lines.product is not null
    ),

    per_product as (
        select valid.day, order_products.product, count(*) as orders
        from order_products
        inner join valid on valid.order_id = order_products.order_id
        group by valid.day, order_products.product
    ),

    per_day as (
        select valid.day, null::varchar as product, count(*) as orders
        from valid
        semi join order_products on order_products.order_id = valid.order_id
        group by valid.day
    )

    select * from per_product
    union all
    select * from per_day;

-- The product purchases by the end of day as_of, read from customer_product_days: its rows up to
-- that day, a next purchase after it unknown yet (NULL), as if only the orders up to as_of had
-- been kept (the other columns look back only). only_product: that product's purchases only.
create or replace macro product_purchases(as_of, only_product := null) as table
    select
        customer_id,
        product,
        day,
        lines,
        previous_day,
        case when next_day <= as_of::date then next_day end as next_day,
        purchase_number,
        first_purchase_day,
        case when next_purchase_day <= as_of::date then next_purchase_day end
            as next_purchase_day,
        first_of_day
    from customer_product_days
    where day <= as_of::date and (only_product is null or product = only_product);

-- Due for a product (à relancer): the last purchase of it was days_since days ago, at least its
-- usual delay (median_days, metrics.replenishment) and less than window_days more.
create or replace macro is_due(days_since, median_days, window_days) as
    days_since >= median_days and days_since < median_days + window_days;
