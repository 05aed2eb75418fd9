-- Replenishment per product (glossary: replenishment), from the product purchases
-- (product_purchases) up to the end of day $as_of: buyers (customers who bought it), repurchases
-- (purchases of it by a customer who had bought it before), repurchasers (customers who bought it
-- again at least once), the delay between a customer's purchase of it and their next one (median:
-- the usual delay, first and third quartiles) when it has at least $min_repurchases repurchases
-- (usual), and due: the customers due for it now (is_due within $window_days). $product: that
-- product's row only (NULL: every product's).
with

purchases as materialized (
    select customer_id, product_code, day, day - previous_day as delay
    from product_purchases($as_of, only_product := $product)
),

customer_products as (
    select product_code, count(*) as times_bought, max(day) as last_bought
    from purchases
    group by product_code, customer_id
),

delays as (
    select
        product_code,
        count(delay) as repurchases,
        count(delay) >= $min_repurchases as usual,
        median(delay)::double as median_days,
        quantile_cont(delay, [0.25, 0.75]) as quartiles
    from purchases
    group by product_code
),

buyers as (
    select
        customer_products.product_code,
        count(*) as buyers,
        count(*) filter (where customer_products.times_bought > 1) as repurchasers,
        count(*) filter (
            where delays.usual
                and is_due(
                    $as_of::date - customer_products.last_bought, delays.median_days, $window_days
                )
        ) as due
    from customer_products
    inner join delays on delays.product_code = customer_products.product_code
    group by customer_products.product_code
),

final as (
    select
        product_codes.product,
        buyers.buyers,
        delays.repurchases,
        buyers.repurchasers,
        case when delays.usual then delays.median_days end as median_days,
        case when delays.usual then delays.quartiles[1]::double end as quartile_1_days,
        case when delays.usual then delays.quartiles[2]::double end as quartile_3_days,
        delays.usual,
        buyers.due
    from delays
    inner join buyers on buyers.product_code = delays.product_code
    inner join product_codes on product_codes.product_code = delays.product_code
)

select * from final
order by repurchases desc, buyers desc, product
