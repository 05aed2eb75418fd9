-- name: backup_customers
-- Customers of an older copy of the database who carry one of a forgotten person's key hashes
-- (found by key, not by id: ids of a copy taken before a restore may belong to someone else).
-- A name + postcode only counts for someone without email or phone (needs the name_key macro).
select customer_id
from customer_keys
where list_contains($hashes, sha256(kind || ':' || value))
union
select customer_id
from customers
where list_contains($hashes, sha256('email:' || email))
   or list_contains($hashes, sha256('phone:' || phone))
   or (
       email is null and phone is null
       and list_contains(
           $hashes,
           sha256('name_postcode:' || name_key(first_name, last_name, full_name, postal_code))
       )
   )
order by customer_id

-- name: backup_suppressions
-- An older copy's suppression list may hold the address in clear: its hash now does the job.
delete from suppressions where list_contains($hashes, sha256('email:' || email))

-- name: block_hashes
insert into forgotten_keys (key_sha256, forgotten_at)
select distinct unnest($hashes), $now
on conflict do nothing

-- name: database_file
-- The file and catalog name of the connection's database (path is NULL in memory).
select path, database_name from duckdb_databases() where database_name = current_database()

-- name: existing
select customer_id from customers where list_contains($ids, customer_id)

-- name: forget_block
insert into forgotten_keys (key_sha256, forgotten_at)
select key_sha256, $now from forget_hashes
on conflict do nothing

-- name: forget_chain
-- The person to forget and every customer merged into them, directly or through another merge.
create or replace temp table forget_chain as
with recursive chain (customer_id) as (
    select $customer_id
    union
    select m.merged_customer_id
    from merged_customers as m
    inner join chain as c on m.kept_customer_id = c.customer_id
)

select * from chain

-- name: forget_cleanup
drop table forget_chain;
drop table forget_keys;
drop table forget_names;
drop table forget_hashes;

-- name: forget_customer
delete from customers where customer_id in (select customer_id from forget_chain)

-- name: forget_customer_keys
delete from customer_keys where customer_id in (select customer_id from forget_chain)

-- name: forget_hash_list
select key_sha256 from forget_hashes order by key_sha256

-- name: forget_hashes
-- Remember the person's keys as SHA-256 hashes only, except keys another customer still uses
-- (a shared phone, a namesake at the same postcode): blocking those would hide someone else.
create or replace temp table forget_hashes as
select distinct sha256(f.kind || ':' || f.value) as key_sha256
from forget_keys as f
where not exists (
        select 1 from customer_keys as k
        where k.kind = f.kind
          and k.value = f.value
          and k.customer_id not in (select customer_id from forget_chain)
    )
  and not exists (
        select 1 from customers as c
        where c.customer_id not in (select customer_id from forget_chain)
          and (
              (f.kind = 'email' and c.email = f.value)
              or (f.kind = 'phone' and c.phone = f.value)
              or (f.kind = 'name_postcode'
                  and name_key(c.first_name, c.last_name, c.full_name, c.postal_code) = f.value)
          )
    )

-- name: forget_keys
-- Everything that identifies the person to forget: their keys, and the email, phone and
-- name + postcode of their row and of the customers merged into them (name_key macro needed).
create or replace temp table forget_keys as
with rows as (
    select email, phone, first_name, last_name, full_name, postal_code
    from customers
    where customer_id in (select customer_id from forget_chain)
    union all
    select email, phone, first_name, last_name, full_name, postal_code
    from merged_customers
    where merged_customer_id in (select customer_id from forget_chain)
),

candidates as (
    select kind, value
    from customer_keys
    where customer_id in (select customer_id from forget_chain)
    union all
    select 'email', email from rows
    union all
    select 'phone', phone from rows
    union all
    select 'name_postcode', name_key(first_name, last_name, full_name, postal_code) from rows
),

final as (
    select distinct kind, value from candidates where value is not null
)

select * from final

-- name: forget_log
insert into forget_log (
    forgotten_at, orders_detached, keys_removed, merged_removed, suppressions_removed,
    rejects_redacted
)
values ($now, $orders_detached, $keys_removed, $merged_removed, $suppressions_removed,
        $rejects_redacted)

-- name: forget_merged
delete from merged_customers
where merged_customer_id in (select customer_id from forget_chain)

-- name: forget_moves
delete from customer_merge_moves
where merged_customer_id in (select customer_id from forget_chain)

-- name: forget_names
-- The person's names as word lists (two words at least, or one name would match half the file).
create or replace temp table forget_names as
with rows as (
    select first_name, last_name, full_name
    from customers
    where customer_id in (select customer_id from forget_chain)
    union all
    select first_name, last_name, full_name
    from merged_customers
    where merged_customer_id in (select customer_id from forget_chain)
),

final as (
    select distinct name_words(first_name, last_name, full_name) as words
    from rows
    where len(name_words(first_name, last_name, full_name)) >= 2
)

select * from final

-- name: forget_orders
-- Orders stay in the shop's accounts, without a customer.
update orders
set customer_id = null
where customer_id in (select customer_id from forget_chain)

-- name: forget_rejects
-- Rejected rows that show the person's email, phone (its last nine digits, however it was typed)
-- or every word of their name lose their text; the row number stays so the counts still add up.
with emails as (
    select value from forget_keys where kind = 'email'
),

phones as (
    select right(regexp_replace(value, '[^0-9]', '', 'g'), 9) as digits
    from forget_keys
    where kind = 'phone'
),

texts as (
    select
        rowid as id,
        lower(coalesce(raw, '') || ' ' || reason) as text,
        regexp_replace(coalesce(raw, '') || ' ' || reason, '[\s.()/+-]', '', 'g') as packed,
        string_split(
            regexp_replace(
                strip_accents(lower(coalesce(raw, '') || ' ' || reason)), '[^a-z0-9]+', ' ', 'g'
            ),
            ' '
        ) as words
    from rejects
),

hit as (
    select t.id
    from texts as t
    where exists (select 1 from emails as e where contains(t.text, e.value))
       or exists (select 1 from phones as p where contains(t.packed, p.digits))
       or exists (select 1 from forget_names as n where list_has_all(t.words, n.words))
)

update rejects
set raw = null, reason = $erased
where rowid in (select id from hit)

-- name: forget_sightings
delete from key_sightings where (kind, value) in (select kind, value from forget_keys)

-- name: forget_suppressions
-- The suppression list forgets the address: its hash in forgotten_keys now keeps the person out.
delete from suppressions where email in (select value from forget_keys where kind = 'email')

-- name: forgotten_people
-- People of a file who are someone forgotten: a strong key of theirs was forgotten, or they have
-- only a name + postcode and that was forgotten.
with hashed as (
    select person, kind, sha256(kind || ':' || value) as key_sha256
    from decision_keys
),

strong as (
    select distinct person from decision_keys where kind in ('platform_id', 'email', 'phone')
),

final as (
    select distinct h.person
    from hashed as h
    inner join forgotten_keys as f on f.key_sha256 = h.key_sha256
    where h.kind in ('platform_id', 'email', 'phone')
       or h.person not in (select person from strong)
)

select * from final

-- name: merge_alias_keys
insert into customer_keys (kind, value, customer_id, import_id)
select key_kind, key_value, $kept, null
from customer_merge_moves
where merged_customer_id = $merged and kind = 'alias'

-- name: merge_alias_moves
-- The merged customer's name + postcode, unless some customer already holds it as a key: from
-- now on it designates the kept customer (needs the name_key macro of match_name_key_macro.sql).
with merged as (
    select name_key(first_name, last_name, full_name, postal_code) as value
    from merged_customers
    where merged_customer_id = $merged
)

insert into customer_merge_moves (merged_customer_id, kind, order_id, key_kind, key_value)
select $merged, 'alias', null, 'name_postcode', value
from merged
where value is not null
  and not exists (
      select 1 from customer_keys as k where k.kind = 'name_postcode' and k.value = merged.value
  )

-- name: merge_delete
delete from customers where customer_id = $merged

-- name: merge_kept
-- The kept customer fills its blanks from the merged one, goes back to the earlier first visit and
-- keeps the stricter consent: a no from either side wins, then a yes, then "never said".
with merged as (
    select * from merged_customers where merged_customer_id = $merged
),

consent as (
    select
        case
            when m.email_consent = false and k.email_consent is distinct from false then 'merged'
            when m.email_consent = true and k.email_consent is null then 'merged'
            else 'kept'
        end as side
    from merged as m
    cross join customers as k
    where k.customer_id = $kept
)

update customers as c
set
    email = coalesce(c.email, m.email),
    phone = coalesce(c.phone, m.phone),
    first_name = coalesce(c.first_name, m.first_name),
    last_name = coalesce(c.last_name, m.last_name),
    full_name = coalesce(c.full_name, m.full_name),
    postal_code = coalesce(c.postal_code, m.postal_code),
    city = coalesce(c.city, m.city),
    country = coalesce(c.country, m.country),
    email_consent = case when s.side = 'merged' then m.email_consent else c.email_consent end,
    consent_source = case when s.side = 'merged' then m.consent_source else c.consent_source end,
    consent_at = case when s.side = 'merged' then m.consent_at else c.consent_at end,
    first_seen = least(c.first_seen, m.first_seen)
from merged as m, consent as s
where c.customer_id = $kept

-- name: merge_keys
-- Keys follow the person: a later import that brings them lands on the kept customer.
update customer_keys set customer_id = $kept where customer_id = $merged

-- name: merge_moves
-- What is about to move to the kept customer: the merged customer's orders and identity keys.
insert into customer_merge_moves (merged_customer_id, kind, order_id, key_kind, key_value)
select $merged, 'order', order_id, null, null
from orders
where customer_id = $merged
union all
select $merged, 'key', null, kind, value
from customer_keys
where customer_id = $merged

-- name: merge_orders
update orders set customer_id = $kept where customer_id = $merged

-- name: merge_snapshot
-- Keep the merged customer's row as it is, with what the merge is about to change on the kept one.
insert into merged_customers
select
    m.customer_id,
    k.customer_id,
    $now,
    m.email, m.phone, m.first_name, m.last_name, m.full_name, m.postal_code, m.city, m.country,
    m.email_consent, m.consent_source, m.consent_at, m.first_seen, m.import_id,
    list_filter([
        case when k.email is null and m.email is not null then 'email' end,
        case when k.phone is null and m.phone is not null then 'phone' end,
        case when k.first_name is null and m.first_name is not null then 'first_name' end,
        case when k.last_name is null and m.last_name is not null then 'last_name' end,
        case when k.full_name is null and m.full_name is not null then 'full_name' end,
        case when k.postal_code is null and m.postal_code is not null then 'postal_code' end,
        case when k.city is null and m.city is not null then 'city' end,
        case when k.country is null and m.country is not null then 'country' end
    ], lambda c: c is not null),
    k.email_consent, k.consent_source, k.consent_at, k.first_seen
from customers as m
cross join customers as k
where m.customer_id = $merged and k.customer_id = $kept

-- name: merged_into
select kept_customer_id from merged_customers where merged_customer_id = $merged

-- name: merged_names
-- People of a file known only by a name + postcode that a merge gave to a customer.
with strong as (
    select distinct person from decision_keys where kind in ('platform_id', 'email', 'phone')
),

final as (
    select k.person, ck.customer_id
    from decision_keys as k
    inner join customer_keys as ck on ck.kind = k.kind and ck.value = k.value
    where k.kind = 'name_postcode'
      and k.person not in (select person from strong)
)

select * from final

-- name: record_decision
-- A decision: 'merge', 'split' or 'distinct' (not the same person: never suggest again) by the
-- owner, or 'auto', a merge made by an import whose record showed two customers to be one person.
insert into customer_merges (merged_at, action, kept_customer_id, merged_customer_id)
values ($now, $action, $kept, $merged)

-- name: split_aliases
delete from customer_keys as k
using customer_merge_moves as m
where m.merged_customer_id = $merged
  and m.kind = 'alias'
  and k.kind = m.key_kind
  and k.value = m.key_value
  and k.customer_id = $kept

-- name: split_drop_moves
delete from customer_merge_moves where merged_customer_id = $merged

-- name: split_drop_snapshot
delete from merged_customers where merged_customer_id = $merged

-- name: split_kept
-- The kept customer gives back what the merge gave it, unless an import changed it since: blanks
-- it took from the merged customer, the merged customer's consent, its earlier first visit.
with merged as (
    select * from merged_customers where merged_customer_id = $merged
),

restored as (
    select
        c.customer_id,
        case when list_contains(m.filled, 'email') and c.email = m.email then null else c.email end
            as email,
        case when list_contains(m.filled, 'phone') and c.phone = m.phone then null else c.phone end
            as phone,
        case when list_contains(m.filled, 'first_name') and c.first_name = m.first_name
            then null else c.first_name end as first_name,
        case when list_contains(m.filled, 'last_name') and c.last_name = m.last_name
            then null else c.last_name end as last_name,
        case when list_contains(m.filled, 'full_name') and c.full_name = m.full_name
            then null else c.full_name end as full_name,
        case when list_contains(m.filled, 'postal_code') and c.postal_code = m.postal_code
            then null else c.postal_code end as postal_code,
        case when list_contains(m.filled, 'city') and c.city = m.city then null else c.city end
            as city,
        case when list_contains(m.filled, 'country') and c.country = m.country
            then null else c.country end as country,
        (c.email_consent is not distinct from m.email_consent
            and c.consent_source is not distinct from m.consent_source
            and c.consent_at is not distinct from m.consent_at) as consent_from_merged,
        case when c.first_seen = m.first_seen then m.kept_first_seen else c.first_seen end
            as first_seen,
        m.kept_email_consent,
        m.kept_consent_source,
        m.kept_consent_at
    from customers as c
    cross join merged as m
    where c.customer_id = $kept
)

update customers as c
set
    email = r.email,
    phone = r.phone,
    first_name = r.first_name,
    last_name = r.last_name,
    full_name = r.full_name,
    postal_code = r.postal_code,
    city = r.city,
    country = r.country,
    email_consent = case
        when r.consent_from_merged then r.kept_email_consent else c.email_consent
    end,
    consent_source = case
        when r.consent_from_merged then r.kept_consent_source else c.consent_source
    end,
    consent_at = case when r.consent_from_merged then r.kept_consent_at else c.consent_at end,
    first_seen = r.first_seen
from restored as r
where c.customer_id = r.customer_id

-- name: split_keys
update customer_keys as k
set customer_id = $merged
from customer_merge_moves as m
where m.merged_customer_id = $merged
  and m.kind = 'key'
  and k.kind = m.key_kind
  and k.value = m.key_value
  and k.customer_id = $kept

-- name: split_orders
-- Orders the merge moved go back (orders imported since the merge stay with the kept customer).
update orders
set customer_id = $merged
where customer_id = $kept
  and order_id in (
      select order_id
      from customer_merge_moves
      where merged_customer_id = $merged and kind = 'order'
  )

-- name: split_restore
-- The merged customer comes back as it was before the merge.
insert into customers (
    customer_id, email, phone, first_name, last_name, full_name, postal_code, city, country,
    email_consent, consent_source, consent_at, first_seen, import_id
)
select
    merged_customer_id, email, phone, first_name, last_name, full_name, postal_code, city, country,
    email_consent, consent_source, consent_at, first_seen, import_id
from merged_customers
where merged_customer_id = $merged

-- name: forget_consent
-- Consent statements about the person's e-mails and phones (suppression files, SMS and call
-- flags: consent_channels is keyed by address), unless another customer still has the address.
delete from consent_channels
where exists (
    select 1 from forget_keys as f
    where f.value = consent_channels.address
      and f.kind = case when consent_channels.channel = 'email' then 'email' else 'phone' end
      and not exists (
          select 1 from customer_keys as k
          where k.kind = f.kind and k.value = f.value
            and k.customer_id not in (select customer_id from forget_chain)
      )
)

-- name: forget_contacts
-- The person's contact log: who was written to or called when.
delete from contact_log where customer_id in (select customer_id from forget_chain)

-- name: merge_contacts
-- The merged customer's contacts become the kept customer's (they stay there after a split:
-- nothing says which of the two a contact reached).
update contact_log set customer_id = $kept where customer_id = $merged

-- name: backup_consent
-- An older copy's consent statements about a forgotten address (a suppression file imported
-- before the customer's orders names them in clear).
delete from consent_channels
where list_contains(
    $hashes,
    sha256(case when channel = 'email' then 'email:' else 'phone:' end || address)
)
