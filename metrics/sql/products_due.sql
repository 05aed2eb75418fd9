-- Customers due for a product now (glossary: replenishment_due): their last purchase of it
-- (product_purchases up to the end of day $as_of) is at least its usual delay ago and less than
-- $window_days more, and they have not bought it since. The caller registers
-- usual_delays(product, median_days): the products with a usual delay (metrics.replenishment).
with

last_purchases as (
    select customer_id, product, max(day) as last_bought, count(*) as times_bought
    from product_purchases($as_of)
    where product in (select product from usual_delays)
    group by customer_id, product
),

final as (
    select
        last_purchases.customer_id,
        last_purchases.product,
        last_purchases.last_bought,
        last_purchases.times_bought,
        $as_of::date - last_purchases.last_bought as days_since,
        usual_delays.median_days
    from last_purchases
    inner join usual_delays on usual_delays.product = last_purchases.product
    where days_since >= usual_delays.median_days
        and days_since < usual_delays.median_days + $window_days
)

select * from final
order by product, days_since, customer_id
