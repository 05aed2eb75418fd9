-- Bought next (glossary: bought_next): after a customer's purchase of a product (product_purchases
-- up to the end of day $as_of), what their next purchase day held. For a product and a next
-- product: times (purchases of the product whose next purchase day held the next product),
-- customers (distinct customers among them), followed (purchases of the product followed by
-- another purchase day), share (times / followed) and lift (share / the share of all purchase
-- days after a customer's first that hold the next product: above 1, more often next than by
-- chance). The same product again counts: it is its replenishment. $product: that product's
-- rows only (NULL: every product's). Each purchase carries its customer's next purchase day
-- (next_purchase_day), whose purchases it is joined to.
with

purchases as materialized (
    select customer_id, product, day, next_purchase_day, first_of_day,
        day > first_purchase_day as later
    from product_purchases($as_of)
),

followed as (
    select customer_id, product, next_purchase_day
    from purchases
    where next_purchase_day is not null and ($product is null or product = $product)
),

product_followed as (
    select product, count(*) as followed
    from followed
    group by product
),

later_days as (
    select count(*) as days
    from purchases
    where later and first_of_day
),

later_purchases as (
    select product, count(*) as days
    from purchases
    where later
    group by product
),

pairs as (
    select
        followed.product,
        next_purchases.product as next_product,
        count(*) as times,
        count(distinct followed.customer_id) as customers
    from followed
    inner join purchases as next_purchases
        on next_purchases.customer_id = followed.customer_id
        and next_purchases.day = followed.next_purchase_day
    group by followed.product, next_purchases.product
),

final as (
    select
        pairs.product,
        pairs.next_product,
        pairs.times,
        pairs.customers,
        product_followed.followed,
        pairs.times / product_followed.followed as share,
        share / (later_purchases.days / later_days.days) as lift
    from pairs
    inner join product_followed on product_followed.product = pairs.product
    inner join later_purchases on later_purchases.product = pairs.next_product
    cross join later_days
)

select * from final
order by product, times desc, lift desc, next_product
