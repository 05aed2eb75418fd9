-- Replenishment per product (glossary: replenishment), from the product purchases
-- (product_purchases) up to the end of day $as_of: buyers (customers who bought it), repurchases
-- (purchases of it by a customer who had bought it before), repurchasers (customers who bought it
-- again at least once), the delay between a customer's purchase of it and their next one (median:
-- the usual delay, first and third quartiles) when it has at least $min_repurchases repurchases
-- (usual), and due: the customers due for it now (is_due within $window_days). $product: that
-- product's row only (NULL: every product's). A customer's last purchase of a product (no next
-- one by $as_of) says how often they bought it and when last: one row per buyer, no grouping.
with

purchases as materialized (
    select
        product,
        day,
        day - previous_day as delay,
        next_day is null as last_purchase,
        purchase_number
    from product_purchases($as_of, only_product := $product)
),

delays as (
    select
        product,
        count(delay) as repurchases,
        count(delay) >= $min_repurchases as usual,
        median(delay)::double as median_days,
        quantile_cont(delay, [0.25, 0.75]) as quartiles
    from purchases
    group by product
),

buyers as (
    select
        purchases.product,
        count(*) as buyers,
        count(*) filter (where purchases.purchase_number > 1) as repurchasers,
        count(*) filter (
            where delays.usual
                and is_due($as_of::date - purchases.day, delays.median_days, $window_days)
        ) as due
    from purchases
    inner join delays on delays.product = purchases.product
    where purchases.last_purchase
    group by purchases.product
),

final as (
    select
        delays.product,
        buyers.buyers,
        delays.repurchases,
        buyers.repurchasers,
        case when delays.usual then delays.median_days end as median_days,
        case when delays.usual then delays.quartiles[1]::double end as quartile_1_days,
        case when delays.usual then delays.quartiles[2]::double end as quartile_3_days,
        delays.usual,
        buyers.due
    from delays
    inner join buyers on buyers.product = delays.product
)

select * from final
order by repurchases desc, buyers desc, product
