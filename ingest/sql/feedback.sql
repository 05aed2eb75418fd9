-- name: link
-- Each staged after-sale row with the customer it is about (ingest/aftersale_load.py): by e-mail,
-- else by the order number it gives, else by a customer number a customer file gave; a number
-- that designates several customers links nobody. 'erased': the e-mail of a forgotten person. A
-- hand-made sheet's "Client" that may be an order or a customer number (ref_guessed) stays the
-- row's order number only if it is an order's.
create or replace temp table feedback_rows as
with staged as (
    select * from staged_feedback
),

by_email as (
    select s.row_key, k.customer_id
    from staged as s
    inner join customer_keys as k on k.kind = 'email' and k.value = s.email
),

by_order as (
    select s.row_key, min(o.customer_id) as customer_id
    from staged as s
    inner join orders as o on ltrim(o.source_order_id, '#') = ltrim(s.order_ref, '#')
    where o.customer_id is not null
    group by s.row_key
    having count(distinct o.customer_id) = 1
),

by_number as (
    select s.row_key, min(k.customer_id) as customer_id
    from staged as s
    inner join customer_keys as k
        on k.kind = 'platform_id' and suffix(k.value, ':' || s.customer_ref)
    group by s.row_key
    having count(distinct k.customer_id) = 1
),

final as (
    select
        s.* replace (
            case when s.ref_guessed and o.customer_id is null then null else s.order_ref end
                as order_ref
        ),
        coalesce(e.customer_id, o.customer_id, n.customer_id) as customer_id,
        coalesce(sha256('email:' || s.email) in (select key_sha256 from forgotten_keys), false)
            as erased
    from staged as s
    left join by_email as e using (row_key)
    left join by_order as o using (row_key)
    left join by_number as n using (row_key)
)

select * from final

-- name: counts
select change, count(*) from feedback_changes group by change
union all
select 'linked', count(*) from feedback_changes as c
inner join feedback_rows as f using (row_key)
where f.customer_id is not null and c.change <> 'erased'
union all
select 'unmatched', count(*) from feedback_changes as c
inner join feedback_rows as f using (row_key)
where f.customer_id is null and c.change <> 'erased'

-- name: cleanup
drop table feedback_rows;
drop table feedback_changes;

-- name: reviews_changes
-- new, updated, unchanged or erased (a forgotten person's: not loaded).
create or replace temp table feedback_changes as
select
    f.row_key,
    r.review_id,
    case
        when f.erased then 'erased'
        when r.review_id is null then 'new'
        when r.customer_id is not distinct from f.customer_id
            and r.order_ref is not distinct from f.order_ref
            and r.reviewed_at = f.at
            and r.rating = cast(f.rating as decimal(3, 1))
            and r.title is not distinct from f.review_title
            and r.body is not distinct from f.review_body
            and r.product is not distinct from f.product
            and r.replied_at is not distinct from f.replied_at
            then 'unchanged'
        else 'updated'
    end as change
from feedback_rows as f
left join reviews as r on r.source = $source and r.source_review_id = f.row_key

-- name: reviews_insert
insert into reviews (
    source, source_review_id, customer_id, order_ref, reviewed_at, rating, title, body,
    product, replied_at, import_id
)
select
    $source, f.row_key, f.customer_id, f.order_ref, f.at, cast(f.rating as decimal(3, 1)),
    f.review_title, f.review_body, f.product, f.replied_at, $import_id
from feedback_rows as f
inner join feedback_changes as c using (row_key)
where c.change = 'new'
order by f.row_number

-- name: reviews_update
update reviews as r
set
    customer_id = f.customer_id,
    order_ref = f.order_ref,
    reviewed_at = f.at,
    rating = cast(f.rating as decimal(3, 1)),
    title = f.review_title,
    body = f.review_body,
    product = f.product,
    replied_at = f.replied_at,
    import_id = $import_id
from feedback_rows as f
inner join feedback_changes as c using (row_key)
where c.change = 'updated' and r.review_id = c.review_id

-- name: survey_changes
create or replace temp table feedback_changes as
select
    f.row_key,
    a.answer_id,
    case
        when f.erased then 'erased'
        when a.answer_id is null then 'new'
        when a.customer_id is not distinct from f.customer_id
            and a.order_ref is not distinct from f.order_ref
            and a.answered_at = f.at
            and a.nps_score is not distinct from cast(f.nps_score as smallint)
            and a.recommend_5 is not distinct from cast(f.recommend_5 as smallint)
            and a.csat_score is not distinct from cast(f.csat_score as smallint)
            and a.satisfaction_10 is not distinct from cast(f.satisfaction_10 as smallint)
            and a.comment is not distinct from f.comment
            then 'unchanged'
        else 'updated'
    end as change
from feedback_rows as f
left join survey_answers as a on a.source = $source and a.source_answer_id = f.row_key

-- name: survey_insert
insert into survey_answers (
    source, source_answer_id, customer_id, order_ref, answered_at, nps_score, recommend_5,
    csat_score, satisfaction_10, comment, import_id
)
select
    $source, f.row_key, f.customer_id, f.order_ref, f.at, cast(f.nps_score as smallint),
    cast(f.recommend_5 as smallint), cast(f.csat_score as smallint),
    cast(f.satisfaction_10 as smallint), f.comment, $import_id
from feedback_rows as f
inner join feedback_changes as c using (row_key)
where c.change = 'new'
order by f.row_number

-- name: survey_update
update survey_answers as a
set
    customer_id = f.customer_id,
    order_ref = f.order_ref,
    answered_at = f.at,
    nps_score = cast(f.nps_score as smallint),
    recommend_5 = cast(f.recommend_5 as smallint),
    csat_score = cast(f.csat_score as smallint),
    satisfaction_10 = cast(f.satisfaction_10 as smallint),
    comment = f.comment,
    import_id = $import_id
from feedback_rows as f
inner join feedback_changes as c using (row_key)
where c.change = 'updated' and a.answer_id = c.answer_id

-- name: tickets_changes
create or replace temp table feedback_changes as
select
    f.row_key,
    t.ticket_id,
    case
        when f.erased then 'erased'
        when t.ticket_id is null then 'new'
        when t.customer_id is not distinct from f.customer_id
            and t.order_ref is not distinct from f.order_ref
            and t.opened_at = f.at
            and t.first_response_at is not distinct from f.first_response_at
            and t.resolved_at is not distinct from f.resolved_at
            and t.status = f.status
            and t.reason is not distinct from f.reason
            and t.one_touch is not distinct from f.one_touch
            then 'unchanged'
        else 'updated'
    end as change
from feedback_rows as f
left join tickets as t on t.source = $source and t.source_ticket_id = f.row_key

-- name: tickets_insert
insert into tickets (
    source, source_ticket_id, customer_id, order_ref, opened_at, first_response_at,
    resolved_at, status, reason, one_touch, import_id
)
select
    $source, f.row_key, f.customer_id, f.order_ref, f.at, f.first_response_at, f.resolved_at,
    f.status, f.reason, f.one_touch, $import_id
from feedback_rows as f
inner join feedback_changes as c using (row_key)
where c.change = 'new'
order by f.row_number

-- name: tickets_update
update tickets as t
set
    customer_id = f.customer_id,
    order_ref = f.order_ref,
    opened_at = f.at,
    first_response_at = f.first_response_at,
    resolved_at = f.resolved_at,
    status = f.status,
    reason = f.reason,
    one_touch = f.one_touch,
    import_id = $import_id
from feedback_rows as f
inner join feedback_changes as c using (row_key)
where c.change = 'updated' and t.ticket_id = c.ticket_id
