-- Bought together (glossary: bought_together): pairs of products in the same valid order placed
-- by the end of day $as_of, anonymous till sales included (a basket needs no customer). For a
-- product and another: orders (holding both), product_orders (holding the product), share
-- (orders / product_orders: of the baskets with the product, the share that also hold the other)
-- and lift (share / the share of all baskets that hold the other: above 1, more often together
-- than by chance). $product: that product's pairs only (NULL: every product's), paired within
-- the orders holding it only. How many baskets hold each product, and how many there are, are
-- summed from the days' counts (product_basket_days).
with

chosen_orders as materialized (
    select distinct order_id
    from order_lines
    where $product is null or product = $product
),

order_products as materialized (
    select distinct order_lines.order_id, order_lines.product
    from order_lines
    semi join chosen_orders on chosen_orders.order_id = order_lines.order_id
    semi join valid_orders
        on valid_orders.order_id = order_lines.order_id
        and valid_orders.ordered_at < $as_of::date + 1
    where order_lines.product is not null
),

basket_counts as (
    select product, sum(orders)::bigint as orders
    from product_basket_days
    where day <= $as_of::date
    group by product
),

baskets as (
    select orders
    from basket_counts
    where product is null
),

pairs as (
    select first.product, second.product as other_product, count(*) as orders
    from order_products as first
    inner join order_products as second
        on second.order_id = first.order_id
        and second.product <> first.product
    where $product is null or first.product = $product
    group by first.product, second.product
),

final as (
    select
        pairs.product,
        pairs.other_product,
        pairs.orders,
        product_orders.orders as product_orders,
        pairs.orders / product_orders.orders as share,
        share / (other_orders.orders / baskets.orders) as lift
    from pairs
    inner join basket_counts as product_orders on product_orders.product = pairs.product
    inner join basket_counts as other_orders on other_orders.product = pairs.other_product
    cross join baskets
)

select * from final
order by product, orders desc, lift desc, other_product
