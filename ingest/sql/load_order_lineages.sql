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
