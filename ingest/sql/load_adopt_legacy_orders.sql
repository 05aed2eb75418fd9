-- Orders of the lineage stored with a legacy key (the raw-text hash used before content keys)
-- take the content key of a file's row with the same day, amount and currency that the lineage
-- does not hold yet, paired by rank within that day, amount and currency (customer, then time:
-- the same sales pair with their own), so that sales imported before the update are classified
-- unchanged or updated, not new (ingest/load.py). Answers the number of orders re-keyed.
update orders as o
set source_order_id = pairs.source_order_id
from (
    with fresh as (
        select
            s.source_order_id,
            cast(s.ordered_at as date) as day,
            cast(round(s.amount, 2) as decimal(18, 2)) as amount,
            s.currency,
            cast(s.customer_id as integer) as customer_id,
            cast(s.ordered_at as timestamp) as ordered_at
        from staged_orders as s
        anti join orders as held
            on held.source = $source and held.lineage = $lineage
            and held.source_order_id = s.source_order_id
        where starts_with(s.source_order_id, $content)
    ),

    legacy as (
        select order_id, cast(ordered_at as date) as day, amount, currency, customer_id, ordered_at
        from orders
        where source = $source and lineage = $lineage and starts_with(source_order_id, $legacy)
    ),

    fresh_ranked as (
        select
            *,
            row_number() over (
                partition by day, amount, currency
                order by customer_id nulls last, ordered_at, source_order_id
            ) as nth
        from fresh
    ),

    legacy_ranked as (
        select
            *,
            row_number() over (
                partition by day, amount, currency
                order by customer_id nulls last, ordered_at, order_id
            ) as nth
        from legacy
    )

    select l.order_id, f.source_order_id
    from fresh_ranked as f
    inner join legacy_ranked as l
        on l.day = f.day and l.amount = f.amount and l.currency = f.currency and l.nth = f.nth
) as pairs
where o.order_id = pairs.order_id
