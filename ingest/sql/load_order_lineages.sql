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

span as (
    select min(day) as first_day, max(day) as last_day from staged
),

stored as (
    select
        lineage,
        source_order_id,
        cast(ordered_at as date) as day,
        amount,
        currency,
        source_order_id like 'ligne-%' as by_content
    from orders
    where source = $source
),

met as (
    select
        o.lineage,
        o.by_content,
        o.day between span.first_day and span.last_day as in_span,
        s.source_order_id is not null as collided,
        s.day = o.day and s.amount = o.amount and s.currency = o.currency as agrees,
        struct_pack(
            number := o.source_order_id, stored_day := o.day, stored_amount := o.amount,
            file_day := s.day, file_amount := s.amount
        ) as example
    from stored as o
    cross join span
    left join staged as s on s.source_order_id = o.source_order_id
),

final as (
    select
        lineage,
        count(*) filter (where collided) as collided,
        count(*) filter (where agrees) as agreeing,
        count(*) filter (where by_content and in_span) as spanned,
        count(*) filter (where by_content and collided) as covered,
        list_slice(
            list(example order by example.number) filter (where collided and not agrees), 1, 3
        ) as examples
    from met
    group by lineage
    having count(*) filter (where collided or (by_content and in_span)) > 0
)

select * from final order by lineage
