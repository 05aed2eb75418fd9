-- Replenishment per product (glossary: replenishment), from the product purchases
-- (product_purchases) up to the end of day $as_of: buyers (customers who bought it), repurchases
-- (purchases of it by a customer who had bought it before), repurchasers (customers who bought it
-- again at least once), and the delay between a customer's purchase of it and their next one:
-- median (the usual delay), first and third quartiles.
with

purchases as (
    select product, customer_id, day - previous_day as delay
    from product_purchases($as_of)
),

final as (
    select
        product,
        count(distinct customer_id) as buyers,
        count(delay) as repurchases,
        count(distinct customer_id) filter (where delay is not null) as repurchasers,
        median(delay)::double as median_days,
        quantile_cont(delay, 0.25)::double as quartile_1_days,
        quantile_cont(delay, 0.75)::double as quartile_3_days
    from purchases
    group by product
)

select * from final
order by repurchases desc, buyers desc, product
