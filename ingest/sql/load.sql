-- name: adopt_legacy_orders
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

-- name: change_counts
select change, count(*) from order_changes group by change

-- name: classify_orders
-- Each staged order is new, updated (something differs from the stored one) or unchanged.
create temp table order_changes as
with staged as (
    select
        source_order_id,
        cast(customer_id as integer) as customer_id,
        cast(ordered_at as timestamp) as ordered_at,
        currency,
        cast(round(amount, 2) as decimal(18, 2)) as amount,
        cast(round(discount, 2) as decimal(18, 2)) as discount,
        cast(round(shipping, 2) as decimal(18, 2)) as shipping,
        cast(round(tax, 2) as decimal(18, 2)) as tax,
        cast(round(refunded_amount, 2) as decimal(18, 2)) as refunded_amount,
        cast(refunded_at as timestamp) as refunded_at,
        status,
        channel,
        discount_code
    from staged_orders
),

stored as (
    select * from orders where source = $source and lineage = $lineage
),

final as (
    select
        s.*,
        o.order_id as existing_id,
        case
            when o.order_id is null then 'new'
            when s.customer_id is distinct from o.customer_id
                or s.ordered_at is distinct from o.ordered_at
                or s.currency is distinct from o.currency
                or s.amount is distinct from o.amount
                or s.discount is distinct from o.discount
                or s.shipping is distinct from o.shipping
                or s.tax is distinct from o.tax
                or s.refunded_amount is distinct from o.refunded_amount
                or s.refunded_at is distinct from o.refunded_at
                or s.status is distinct from o.status
                or s.channel is distinct from o.channel
                or s.discount_code is distinct from o.discount_code
                then 'updated'
            else 'unchanged'
        end as change
    from staged as s
    left join stored as o on o.source_order_id = s.source_order_id
)

select * from final

-- name: delete_lines
-- Lines of updated orders are replaced by the file's lines.
delete from order_lines
where order_id in (select existing_id from order_changes where change = 'updated')

-- name: finish_import
update imports
set
    rows_read = $rows_read,
    rows_loaded = $rows_loaded,
    rows_rejected = $rows_rejected,
    orders_new = $orders_new,
    orders_updated = $orders_updated,
    orders_unchanged = $orders_unchanged,
    customers_new = $customers_new,
    messages = $messages,
    status = 'loaded',
    finished_at = $now
where import_id = $import_id

-- name: insert_import
insert into imports (file_name, sha256, source, file_kind, options, status, started_at)
values ($file_name, $sha256, $source, $file_kind, $options, 'loading', $now)
returning import_id

-- name: insert_lines
insert into order_lines (
    order_id, line_number, product, sku, quantity, unit_price, line_amount, import_id
)
select
    o.order_id,
    l.line_number,
    l.product,
    l.sku,
    cast(l.quantity as decimal(18, 3)),
    cast(round(l.unit_price, 2) as decimal(18, 2)),
    cast(round(l.line_amount, 2) as decimal(18, 2)),
    $import_id
from staged_lines as l
inner join order_changes as c
    on c.source_order_id = l.source_order_id and c.change in ('new', 'updated')
inner join orders as o
    on o.source = $source and o.lineage = $lineage and o.source_order_id = l.source_order_id

-- name: insert_orders
-- New orders, numbered in order-number order so that the same import gives the same ids.
insert into orders (
    source, lineage, source_order_id, customer_id, ordered_at, currency, amount, discount,
    shipping, tax, refunded_amount, refunded_at, status, channel, discount_code, import_id
)
select
    $source, $lineage, source_order_id, customer_id, ordered_at, currency, amount, discount,
    shipping, tax, refunded_amount, refunded_at, status, channel, discount_code, $import_id
from order_changes
where change = 'new'
order by source_order_id

-- name: insert_rejects
insert into rejects (import_id, row_number, reason, raw)
select $import_id, row_number, reason_fr, raw
from file_rejects

-- name: order_lineages
-- How the file's orders meet each stored lineage of the source (ingest/load.py): order numbers
-- in common (collided), of which with the same day, amount and currency (agreeing), up to three
-- that disagree as examples; and, for orders keyed by their content (no order number), how many
-- stored orders of the file's date span there are (spanned) and how many the file holds again
-- (covered). Orders stored with a legacy key (the raw-text hash used before content keys) meet
-- the file's content-keyed rows that the lineage does not hold by day, amount and currency, as
-- many as both sides have of each (legacy, the pairs load_adopt_legacy_orders.sql makes): they
-- count as collided, agreeing and covered.
with staged as (
    select
        source_order_id,
        starts_with(source_order_id, $content) as by_content,
        cast(ordered_at as date) as day,
        cast(round(amount, 2) as decimal(18, 2)) as amount,
        currency
    from staged_orders
),

stored as (
    select lineage, source_order_id, cast(ordered_at as date) as day, amount, currency
    from orders
    where source = $source
),

collided as (
    select
        o.lineage,
        o.source_order_id,
        s.by_content,
        coalesce(s.day = o.day and s.amount = o.amount and s.currency = o.currency, false)
            as agrees,
        o.day as stored_day,
        o.amount as stored_amount,
        s.day as file_day,
        s.amount as file_amount
    from staged as s
    inner join stored as o on o.source_order_id = s.source_order_id
),

met as (
    select
        lineage,
        count(*) as collided,
        count(*) filter (where agrees) as agreeing,
        count(*) filter (where by_content) as covered
    from collided
    group by lineage
),

legacy_stored as (
    select lineage, day, amount, currency, count(*) as stored
    from stored
    where starts_with(source_order_id, $legacy)
    group by lineage, day, amount, currency
),

fresh as (
    select l.lineage, s.day, s.amount, s.currency, count(*) as fresh
    from staged as s
    cross join (select distinct lineage from legacy_stored) as l
    anti join collided as c on c.lineage = l.lineage and c.source_order_id = s.source_order_id
    where s.by_content
    group by l.lineage, s.day, s.amount, s.currency
),

legacy as (
    select f.lineage, cast(sum(least(f.fresh, o.stored)) as bigint) as legacy
    from fresh as f
    inner join legacy_stored as o
        on o.lineage = f.lineage and o.day = f.day and o.amount = f.amount
        and o.currency = f.currency
    group by f.lineage
),

spanned as (
    select o.lineage, count(*) as spanned
    from stored as o
    inner join (select min(day) as first_day, max(day) as last_day from staged) as span
        on o.day between span.first_day and span.last_day
    where starts_with(o.source_order_id, $content) or starts_with(o.source_order_id, $legacy)
    group by o.lineage
),

first_disagreeing as (
    select *
    from collided
    where not agrees
    qualify row_number() over (partition by lineage order by source_order_id) <= 3
),

examples as (
    select
        lineage,
        list(struct_pack(
            number := source_order_id, stored_day := stored_day,
            stored_amount := stored_amount, file_day := file_day, file_amount := file_amount
        ) order by source_order_id) as examples
    from first_disagreeing
    group by lineage
),

final as (
    select
        lineage,
        coalesce(met.collided, 0) + coalesce(legacy.legacy, 0) as collided,
        coalesce(met.agreeing, 0) + coalesce(legacy.legacy, 0) as agreeing,
        coalesce(spanned.spanned, 0) as spanned,
        coalesce(met.covered, 0) + coalesce(legacy.legacy, 0) as covered,
        coalesce(legacy.legacy, 0) as legacy,
        coalesce(examples.examples, []) as examples
    from met
    full join legacy using (lineage)
    left join spanned using (lineage)
    left join examples using (lineage)
)

select * from final order by lineage

-- name: update_orders
update orders as o
set
    customer_id = c.customer_id,
    ordered_at = c.ordered_at,
    currency = c.currency,
    amount = c.amount,
    discount = c.discount,
    shipping = c.shipping,
    tax = c.tax,
    refunded_amount = c.refunded_amount,
    refunded_at = c.refunded_at,
    status = c.status,
    channel = c.channel,
    discount_code = c.discount_code,
    import_id = $import_id
from order_changes as c
where o.order_id = c.existing_id and c.change = 'updated'

-- name: imported_since
-- The import of a file with these bytes started at or after a moment, if any.
select min(import_id)
from imports
where sha256 = $sha256 and started_at >= $since
