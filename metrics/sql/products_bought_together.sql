-- Bought together (glossary: bought_together): pairs of products in the same valid order placed
-- by the end of day $as_of, anonymous till sales included (a basket needs no customer). For a
-- product and another: orders (holding both), product_orders (holding the product), share
-- (orders / product_orders: of the baskets with the product, the share that also hold the other)
-- and lift (share / the share of all baskets that hold the other: above 1, more often together
-- than by chance). $product: that product's pairs only (NULL: every product's). Products are
-- paired by their numbers (product_codes), named at the end.
with

order_products as materialized (
    select distinct order_lines.order_id, product_codes.product_code
    from order_lines
    semi join valid_orders
        on valid_orders.order_id = order_lines.order_id
        and valid_orders.ordered_at < $as_of::date + 1
    inner join product_codes on product_codes.product = order_lines.product
),

chosen as (
    select product_code
    from product_codes
    where $product is null or product = $product
),

baskets as (
    select count(distinct order_id) as orders
    from order_products
),

product_orders as (
    select product_code, count(*) as orders
    from order_products
    group by product_code
),

pairs as (
    select first.product_code, second.product_code as other_code, count(*) as orders
    from order_products as first
    inner join order_products as second
        on second.order_id = first.order_id
        and second.product_code <> first.product_code
    semi join chosen on chosen.product_code = first.product_code
    group by first.product_code, second.product_code
),

final as (
    select
        products.product,
        others.product as other_product,
        pairs.orders,
        product_orders.orders as product_orders,
        pairs.orders / product_orders.orders as share,
        share / (other_orders.orders / baskets.orders) as lift
    from pairs
    inner join product_orders on product_orders.product_code = pairs.product_code
    inner join product_orders as other_orders on other_orders.product_code = pairs.other_code
    inner join product_codes as products on products.product_code = pairs.product_code
    inner join product_codes as others on others.product_code = pairs.other_code
    cross join baskets
)

select * from final
order by product, orders desc, lift desc, other_product
