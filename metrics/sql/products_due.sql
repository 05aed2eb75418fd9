-- The customers due for $product now (glossary: replenishment_due): their last purchase of it
-- (product_purchases up to the end of day $as_of) was at least its usual delay $median_days ago
-- and less than $window_days more (is_due), and they have not bought it since.
with

customer_products as (
    select customer_id, max(day) as last_bought, count(*) as times_bought
    from product_purchases($as_of, only_product := $product)
    group by customer_id
),

final as (
    select
        customer_id,
        $product as product,
        last_bought,
        times_bought,
        $as_of::date - last_bought as days_since
    from customer_products
    where is_due(days_since, $median_days, $window_days)
)

select * from final
order by days_since, customer_id
