-- The customers due for $product now (glossary: replenishment_due): their last purchase of it
-- (product_purchases up to the end of day $as_of, no next one) was at least its usual delay
-- $median_days ago and less than $window_days more (is_due), and they have not bought it since;
-- times_bought: how many purchases of it that last one makes.
with

final as (
    select
        customer_id,
        $product as product,
        day as last_bought,
        purchase_number as times_bought,
        $as_of::date - day as days_since
    from product_purchases($as_of, only_product := $product)
    where next_day is null and is_due(days_since, $median_days, $window_days)
)

select * from final
order by days_since, customer_id
