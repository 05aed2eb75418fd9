-- name: merges
-- Merges that stand, newest first, with both people, what moved and whether an import made it
-- ('auto') rather than the owner; a split needs the kept customer to exist (it may itself have
-- been merged since).
with moved as (
    select merged_customer_id, count(*) filter (where kind = 'order') as orders_moved
    from customer_merge_moves
    group by merged_customer_id
),

automatic as (
    select distinct merged_customer_id, merged_at
    from customer_merges
    where action = 'auto'
),

final as (
    select
        m.merged_at,
        m.kept_customer_id as kept_id,
        customer_name(k.first_name, k.last_name, k.full_name) as kept_name,
        k.email as kept_email,
        m.merged_customer_id as merged_id,
        customer_name(m.first_name, m.last_name, m.full_name) as merged_name,
        m.email as merged_email,
        m.phone as merged_phone,
        coalesce(v.orders_moved, 0) as orders_moved,
        k.customer_id is not null as can_split,
        a.merged_customer_id is not null as automatic
    from merged_customers as m
    left join customers as k on k.customer_id = m.kept_customer_id
    left join moved as v on v.merged_customer_id = m.merged_customer_id
    left join automatic as a
        on a.merged_customer_id = m.merged_customer_id and a.merged_at = m.merged_at
)

select * from final
order by merged_at desc, merged_id

-- name: pairs
-- Pairs of customers that may be one person, with every reason and a score (needs the macros of
-- identity/sql/match.sql, name_key_macro: "same name" means what it means to the matcher).
-- Each reason has a weight; a pair's score is 1 - prod(1 - weight), so reasons add up without
-- reaching 1. Pairs the owner split or said were two people are not suggested again.
with weights (reason, weight) as (
    values
        ('same_email', 0.95),
        ('same_phone', 0.9),
        ('name_postcode_no_email', 0.8),
        ('email_local_name', 0.7),
        ('name_postcode_other_email', 0.5),
        ('name_no_email', 0.4)
),

people as (
    select
        customer_id,
        email,
        phone,
        postal_code,
        split_part(email, '@', 1) as email_local,
        array_to_string(name_words(first_name, last_name, full_name), ' ') as name
    from customers
),

-- A name (and postcode) that more than 10 customers share is a common name, not a clue: among
-- 200 "Marie Martin" in 75011 the name says nothing about who is who, and pairing them all would
-- list tens of thousands of pairs.
named as (
    select
        *,
        count(*) over (partition by name, postal_code) as namesakes_here,
        count(*) over (partition by name) as namesakes
    from people
    where name <> ''
),

same_email as (
    select a.customer_id as x, b.customer_id as y, 'same_email' as reason
    from people as a
    inner join people as b on a.email = b.email and a.customer_id < b.customer_id
),

same_phone as (
    select a.customer_id as x, b.customer_id as y, 'same_phone' as reason
    from people as a
    inner join people as b on a.phone = b.phone and a.customer_id < b.customer_id
),

name_postcode as (
    select
        a.customer_id as x,
        b.customer_id as y,
        case
            when a.email is not null and b.email is not null then 'name_postcode_other_email'
            else 'name_postcode_no_email'
        end as reason
    from named as a
    inner join named as b
        on a.name = b.name and a.postal_code = b.postal_code and a.customer_id < b.customer_id
    where (a.email is distinct from b.email or a.email is null) and a.namesakes_here <= 10
),

email_local_name as (
    select a.customer_id as x, b.customer_id as y, 'email_local_name' as reason
    from named as a
    inner join named as b
        on a.email_local = b.email_local and a.name = b.name and a.customer_id < b.customer_id
    where a.email <> b.email
),

name_no_email as (
    select a.customer_id as x, b.customer_id as y, 'name_no_email' as reason
    from named as a
    inner join named as b on a.name = b.name and a.customer_id < b.customer_id
    where (a.email is null or b.email is null)
      and (a.postal_code is null or b.postal_code is null)
      and a.namesakes <= 10
),

reasons as (
    select * from same_email
    union all select * from same_phone
    union all select * from name_postcode
    union all select * from email_local_name
    union all select * from name_no_email
),

scored as (
    select
        r.x,
        r.y,
        round(1 - product(1 - w.weight), 2) as score,
        list(r.reason order by w.weight desc, r.reason) as reasons
    from reasons as r
    inner join weights as w on w.reason = r.reason
    where not exists (select 1 from apart_pairs() as d where d.x = r.x and d.y = r.y)
    group by r.x, r.y
),

-- Orders and spend of the paired customers only (of everyone, 1 s of a 3 s query at 768k):
-- valid orders counted, spend net of their credit notes (view net_revenue).
paired as (
    select x as customer_id from scored
    union
    select y from scored
),

paired_orders as (
    select customer_id, count(*) as orders
    from valid_orders
    where customer_id in (select customer_id from paired)
    group by customer_id
),

paired_spend as (
    select customer_id, sum(net_amount) as spend
    from net_revenue
    where customer_id in (select customer_id from paired)
    group by customer_id
),

activity as (
    select
        c.customer_id,
        customer_name(c.first_name, c.last_name, c.full_name) as name,
        c.email,
        c.phone,
        c.postal_code,
        c.city,
        coalesce(o.orders, 0) as orders,
        coalesce(m.spend, 0) as spend
    from customers as c
    left join paired_orders as o on o.customer_id = c.customer_id
    left join paired_spend as m on m.customer_id = c.customer_id
    where c.customer_id in (select customer_id from paired)
),

oriented as (
    -- The customer to keep: the one with an email, then the one with more orders, then the older.
    select
        s.*,
        (ax.email is not null, ax.orders, -ax.customer_id)
            >= (ay.email is not null, ay.orders, -ay.customer_id) as x_first
    from scored as s
    inner join activity as ax on ax.customer_id = s.x
    inner join activity as ay on ay.customer_id = s.y
),

final as (
    select
        case when o.x_first then o.x else o.y end as kept_id,
        case when o.x_first then o.y else o.x end as merged_id,
        o.score,
        o.reasons,
        k.name as kept_name,
        k.email as kept_email,
        k.phone as kept_phone,
        k.postal_code as kept_postal_code,
        k.city as kept_city,
        k.orders as kept_orders,
        k.spend as kept_spend,
        m.name as merged_name,
        m.email as merged_email,
        m.phone as merged_phone,
        m.postal_code as merged_postal_code,
        m.city as merged_city,
        m.orders as merged_orders,
        m.spend as merged_spend
    from oriented as o
    inner join activity as k on k.customer_id = case when o.x_first then o.x else o.y end
    inner join activity as m on m.customer_id = case when o.x_first then o.y else o.x end
)

select *, count(*) over () as pairs_total
from final
order by score desc, kept_id, merged_id
limit $limit
