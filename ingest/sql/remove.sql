-- name: cleanup
drop table remove_orders;
drop table remove_keys;
drop table remove_customers;
drop table remove_merged;
drop table remove_kept;

-- name: delete_customers
delete from customers where customer_id in (select customer_id from remove_customers)

-- name: delete_decisions
-- Merges, splits and keep-apart decisions about a removed customer.
delete from customer_merges
where merged_customer_id in (select merged_customer_id from remove_merged)
    or merged_customer_id in (select customer_id from remove_customers)
    or kept_customer_id in (select customer_id from remove_customers)

-- name: delete_exports
-- Lists exported before any remaining import: they could only hold the removed imports' people.
delete from export_log
where exported_at < coalesce(
    (select min(started_at) from imports where not list_contains($ids, import_id)),
    'infinity'::timestamp
)

-- name: delete_fits
-- Customer-value fits were made on data that is gone.
delete from clv_fits

-- name: delete_loyalty_kept
-- So was the kept after-sales loyalty comparison (a removal can bring a data version back).
delete from aftersales_loyalty_kept

-- name: delete_imports
delete from imports where list_contains($ids, import_id)

-- name: delete_keys
-- Keys only the removed imports carried, every key of a removed customer, and the name +
-- postcode aliases that forgotten merges gave.
delete from customer_keys as k
where (k.kind, k.value) in (select kind, value from remove_keys)
    or k.customer_id in (select customer_id from remove_customers)
    or (
        k.import_id is null
        and (k.customer_id, k.kind, k.value) in (
            select m.kept_customer_id, v.key_kind, v.key_value
            from customer_merge_moves as v
            inner join remove_merged as m on m.merged_customer_id = v.merged_customer_id
            where v.kind = 'alias'
        )
    )

-- name: delete_lines
delete from order_lines where order_id in (select order_id from remove_orders)

-- name: delete_merged
delete from merged_customers where merged_customer_id in (select merged_customer_id from remove_merged)

-- name: delete_moves
delete from customer_merge_moves
where merged_customer_id in (select merged_customer_id from remove_merged)
    or (kind = 'order' and order_id in (select order_id from remove_orders))
    or (kind = 'key' and (key_kind, key_value) in (select kind, value from remove_keys))

-- name: delete_orders
delete from orders where order_id in (select order_id from remove_orders)

-- name: delete_reviews
delete from reviews where list_contains($ids, import_id)

-- name: delete_survey_answers
delete from survey_answers where list_contains($ids, import_id)

-- name: delete_tickets
delete from tickets where list_contains($ids, import_id)

-- name: unlink_reviews
-- Reviews, answers and tickets another import brought about a removed customer stay, about nobody.
update reviews set customer_id = null
where customer_id in (select customer_id from remove_customers)

-- name: unlink_survey_answers
update survey_answers set customer_id = null
where customer_id in (select customer_id from remove_customers)

-- name: unlink_tickets
update tickets set customer_id = null
where customer_id in (select customer_id from remove_customers)

-- name: delete_after_sale_moves
-- Merge records of after-sale rows that are gone.
delete from customer_merge_moves
where (kind = 'review' and row_id not in (select review_id from reviews))
    or (kind = 'survey_answer' and row_id not in (select answer_id from survey_answers))
    or (kind = 'ticket' and row_id not in (select ticket_id from tickets))

-- name: delete_rejects
delete from rejects where list_contains($ids, import_id)

-- name: delete_sightings
delete from key_sightings where list_contains($ids, import_id)

-- name: delete_suppressions
-- Refusals the removed files recorded, unless the e-mail is still a known customer's: a no
-- another file may also have said is kept (no later file can undo a refusal).
delete from suppressions
where (source, since) in (
        select file_name, started_at from imports where list_contains($ids, import_id)
    )
    and email not in (select value from customer_keys where kind = 'email')

-- name: plan_counts
select
    (select count(*) from remove_orders) as orders,
    (select count(*) from remove_customers) as customers,
    (select count(*) from remove_kept) as customers_kept

-- name: plan_customers
-- Customers the removed imports created and nothing else holds: no order and no identity key
-- left from another import.
create or replace temp table remove_customers as
select c.customer_id
from customers as c
where list_contains($ids, c.import_id)
    and not exists (
        select 1
        from orders as o
        where o.customer_id = c.customer_id
            and o.order_id not in (select order_id from remove_orders)
    )
    and not exists (
        select 1
        from customer_keys as k
        where k.customer_id = c.customer_id
            and k.import_id is not null
            and (k.kind, k.value) not in (select kind, value from remove_keys)
    )

-- name: plan_kept
-- Customers the removed imports created that another import still holds: they keep their row,
-- without what only the removed imports said of them (an e-mail or phone whose key goes, the
-- consent those files stated) and now date from the other import.
create or replace temp table remove_kept as
with removed as (
    select file_name, started_at from imports where list_contains($ids, import_id)
),

shared as (
    select c.*
    from customers as c
    where list_contains($ids, c.import_id)
        and c.customer_id not in (select customer_id from remove_customers)
),

left_keys as (
    select k.customer_id, k.kind, k.value
    from customer_keys as k
    inner join shared as c on c.customer_id = k.customer_id
    where (k.kind, k.value) not in (select kind, value from remove_keys)
),

left_imports as (
    select o.customer_id, o.import_id
    from orders as o
    inner join shared as c on c.customer_id = o.customer_id
    where o.order_id not in (select order_id from remove_orders)
    union all
    select k.customer_id, s.import_id
    from left_keys as k
    inner join key_sightings as s on s.kind = k.kind and s.value = k.value
    where not list_contains($ids, s.import_id)
),

kept_values as (
    select customer_id, kind, list(value order by value) as kept
    from left_keys
    group by customer_id, kind
),

final as (
    select
        c.customer_id,
        -- the row's e-mail or phone if its key stays, else the first that stays, else none
        if(list_contains(e.kept, c.email), c.email, e.kept[1]) as email,
        if(list_contains(p.kept, c.phone), c.phone, p.kept[1]) as phone,
        (c.consent_source, c.consent_at) in (select file_name, started_at from removed)
            as consent_removed,
        (select min(i.import_id) from left_imports as i where i.customer_id = c.customer_id)
            as import_id
    from shared as c
    left join kept_values as e on e.customer_id = c.customer_id and e.kind = 'email'
    left join kept_values as p on p.customer_id = c.customer_id and p.kind = 'phone'
)

select * from final

-- name: plan_keys
-- Identity keys only the removed imports carried: a key another import also carried stays
-- (key_sightings, migration 012).
create or replace temp table remove_keys as
select k.kind, k.value
from customer_keys as k
where list_contains($ids, k.import_id)
    and not exists (
        select 1
        from key_sightings as s
        where s.kind = k.kind and s.value = k.value and not list_contains($ids, s.import_id)
    )

-- name: plan_merged
-- Merges to forget: into a removed customer, or of a customer the removed imports created whose
-- moved orders and keys all go with them.
create or replace temp table remove_merged as
select m.merged_customer_id, m.kept_customer_id
from merged_customers as m
where m.kept_customer_id in (select customer_id from remove_customers)
    or (
        list_contains($ids, m.import_id)
        and not exists (
            select 1
            from customer_merge_moves as v
            where v.merged_customer_id = m.merged_customer_id
                and (
                    (v.kind = 'order' and v.order_id not in (select order_id from remove_orders))
                    or (v.kind = 'key' and (v.key_kind, v.key_value)
                        not in (select kind, value from remove_keys))
                )
        )
    )

-- name: plan_orders
-- What the removed imports brought: their orders (an order a later import updated is that
-- import's now, and stays).
create or replace temp table remove_orders as
select order_id
from orders
where list_contains($ids, import_id)

-- name: update_kept
update customers as c
set
    email = k.email,
    phone = k.phone,
    email_consent = case when k.consent_removed then null else c.email_consent end,
    consent_source = case when k.consent_removed then null else c.consent_source end,
    consent_at = case when k.consent_removed then null else c.consent_at end,
    import_id = coalesce(k.import_id, c.import_id)
from remove_kept as k
where c.customer_id = k.customer_id

-- name: delete_consent
-- Consent statements the removed files recorded (SMS and call flags, suppression lists), except
-- a refusal about an address still a known customer's: no later file can undo a refusal.
delete from consent_channels
where list_contains($ids, import_id)
    and (
        consent
        or address not in (select value from customer_keys where kind in ('email', 'phone'))
    )

-- name: delete_contacts
-- The contact log of the removed customers.
delete from contact_log where customer_id in (select customer_id from remove_customers)
