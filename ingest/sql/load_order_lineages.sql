-- How the file's orders meet each stored lineage of the source (ingest/load.py): order numbers
-- in common (collided), of which with the same day, amount and currency (agreeing), up to three
-- that disagree as examples; and, for orders keyed by their content (no order number), how many
-- stored orders of the file's date span there are (spanned) and how many the file holds again
-- (covered).
with staged as (
    select
        source_order_id,
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
        starts_with(o.source_order_id, 'ligne-') as by_content,
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

spanned as (
    select o.lineage, count(*) as spanned
    from stored as o
    inner join (select min(day) as first_day, max(day) as last_day from staged) as span
        on o.day between span.first_day and span.last_day
    where starts_with(o.source_order_id, 'ligne-')
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
        met.lineage,
        met.collided,
        met.agreeing,
        coalesce(spanned.spanned, 0) as spanned,
        met.covered,
        coalesce(examples.examples, []) as examples
    from met
    left join spanned on spanned.lineage = met.lineage
    left join examples on examples.lineage = met.lineage
)

select * from final order by lineage
