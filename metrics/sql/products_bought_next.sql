-- Bought next (glossary: bought_next): after a customer's purchase of a product (product_purchases
-- up to the end of day $as_of), what their next purchase day held. For a product and a next
-- product: times (purchases of the product whose next purchase day held the next product),
-- customers (distinct customers among them), followed (purchases of the product followed by
-- another purchase day), share (times / followed) and lift (share / the share of all purchase
-- days after a customer's first that hold the next product: above 1, more often next than by
-- chance). The same product again counts: it is its replenishment. $product: that product's
-- rows only (NULL: every product's). A purchase day carries the list of its products' numbers
-- (product_codes), paired with the next day's list, named at the end.
with

purchase_days as (
    select customer_id, day, list(product_code) as codes
    from product_purchases($as_of)
    group by customer_id, day
),

sequence as materialized (
    select
        customer_id,
        codes,
        lead(codes) over (partition by customer_id order by day) as next_codes,
        row_number() over (partition by customer_id order by day) > 1 as later
    from purchase_days
),

chosen as (
    select product_code
    from product_codes
    where $product is null or product = $product
),

followed as (
    select customer_id, unnest(codes) as product_code, next_codes
    from sequence
    where next_codes is not null
),

product_followed as (
    select product_code, count(*) as followed
    from followed
    semi join chosen using (product_code)
    group by product_code
),

later_days as (
    select count(*) as days
    from sequence
    where later
),

later_purchases as (
    select product_code, count(*) as days
    from (
        select unnest(codes) as product_code
        from sequence
        where later
    )
    group by product_code
),

customer_pairs as (
    select product_code, next_code, customer_id, count(*) as times
    from (
        select customer_id, product_code, unnest(next_codes) as next_code
        from followed
        semi join chosen using (product_code)
    )
    group by product_code, next_code, customer_id
),

pairs as (
    select product_code, next_code, sum(times)::bigint as times, count(*) as customers
    from customer_pairs
    group by product_code, next_code
),

final as (
    select
        products.product,
        next_products.product as next_product,
        pairs.times,
        pairs.customers,
        product_followed.followed,
        pairs.times / product_followed.followed as share,
        share / (later_purchases.days / later_days.days) as lift
    from pairs
    inner join product_followed on product_followed.product_code = pairs.product_code
    inner join later_purchases on later_purchases.product_code = pairs.next_code
    inner join product_codes as products on products.product_code = pairs.product_code
    inner join product_codes as next_products on next_products.product_code = pairs.next_code
    cross join later_days
)

select * from final
order by product, times desc, lift desc, next_product
