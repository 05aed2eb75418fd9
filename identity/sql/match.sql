-- name: apart_pairs
-- Pairs of customers the owner said are two people (apart_pairs of match_name_key_macro.sql).
select x, y
from apart_pairs()

-- name: apply_suppressions
-- A suppressed email never counts as consenting, whatever file brought the customer.
update customers
set email_consent = false
where email in (select email from suppressions)
  and email_consent is distinct from false

-- name: consent
-- Consent as this file states it (its last row per customer), unless the person is suppressed.
with stated as (
    select customer, arg_max(opt_in, file_row) as opt_in
    from matched_people
    where opt_in is not null
    group by customer
)

update customers as c
set
    email_consent = s.opt_in and not exists (select 1 from suppressions as x where x.email = c.email),
    consent_source = $file_name,
    consent_at = $now
from stated as s
where c.customer_id = s.customer

-- name: channel_flags
-- SMS and call consent as this file states it (its last row per phone), as undated statements
-- of consent_channels (store/definitions/10_channel_consent.sql); the same statement already
-- stored is not stored twice.
with stated as (
    select phone as address, 'sms' as channel, arg_max(sms_opt_in, file_row) as consent
    from matched_people
    where sms_opt_in is not null and phone is not null
    group by phone
    union all
    select phone, 'phone', arg_max(call_opt_in, file_row)
    from matched_people
    where call_opt_in is not null and phone is not null
    group by phone
)

insert into consent_channels (address, channel, consent, stated_at, source, import_id)
select s.address, s.channel, s.consent, null, $file_name, $import_id
from stated as s
where not exists (
    select 1 from consent_channels as c
    where c.address = s.address and c.channel = s.channel and c.consent = s.consent
      and c.stated_at is null
)

-- name: insert_customers
-- New customers, each attribute from the most recent row that has it (of rows equally
-- recent, a customers file without dates say, the later one in the file).
insert into customers (
    customer_id, email, phone, first_name, last_name, full_name, postal_code, city, country,
    first_seen, import_id
)
select
    customer,
    arg_max(email, (seen_at, file_row)) filter (where email is not null),
    arg_max(phone, (seen_at, file_row)) filter (where phone is not null),
    arg_max(first_name, (seen_at, file_row)) filter (where first_name is not null),
    arg_max(last_name, (seen_at, file_row)) filter (where last_name is not null),
    arg_max(full_name, (seen_at, file_row)) filter (where full_name is not null),
    arg_max(postal_code, (seen_at, file_row)) filter (where postal_code is not null),
    arg_max(city, (seen_at, file_row)) filter (where city is not null),
    arg_max(country, (seen_at, file_row)) filter (where country is not null),
    min(seen_at),
    $import_id
from matched_people
where is_new
group by customer

-- name: insert_keys
-- Every key of this file's people now points to their customer (known keys keep theirs).
insert into customer_keys (kind, value, customer_id, import_id)
select kind, value, min(customer_id), $import_id
from person_keys
where customer_id is not null
group by kind, value
on conflict do nothing

-- name: insert_sightings
-- This import carried these keys (store/migrations/012_key_sightings.sql), each once: the import
-- id is new (025_key_sightings_unindexed.sql).
insert into key_sightings (kind, value, import_id)
select distinct kind, value, $import_id
from person_keys
where customer_id is not null

-- name: known_keys
-- Keys of this file's people that already belong to a customer.
select k.person, k.priority, ck.customer_id
from person_keys as k
inner join customer_keys as ck
    on ck.kind = k.kind and ck.value = k.value

-- name: name_key_macro
-- The weak identity key: sorted normalised words of the name, a bar, the postcode (NULL when
-- either is missing). 'DUPONT Marie' and 'Marie Dupont' at 69001 give the same key.
create or replace temp macro name_words(first_name, last_name, full_name) as
    list_sort(list_filter(
        string_split(
            regexp_replace(
                strip_accents(lower(coalesce(
                    nullif(trim(concat_ws(' ', first_name, last_name)), ''), full_name
                ))),
                '[^a-z0-9]+', ' ', 'g'
            ),
            ' '
        ),
        lambda w: w <> ''
    ));

create or replace temp macro name_key(first_name, last_name, full_name, postal_code) as
    case
        when len(name_words(first_name, last_name, full_name)) > 0 and postal_code is not null
            then array_to_string(name_words(first_name, last_name, full_name), ' ')
                || '|' || postal_code
    end;

-- Name keys without a postcode, for buyers a file knows by name only: PrestaShop orders print
-- 'J. DUPONT' (first initial, last name), WooCommerce Analytics the full name. Built from the
-- first and last name (ingest.canonical splits a lone full name into both).
create or replace temp macro name_text(t) as
    nullif(trim(regexp_replace(strip_accents(lower(t)), '[^a-z0-9]+', ' ', 'g')), '');

-- 'm', 'j p': a first name written as initials says nothing beyond its first letter.
create or replace temp macro initials_only(given) as
    regexp_full_match(given, '[a-z]( [a-z])*');

-- 'dupont marie' for Marie Dupont and DUPONT Marie alike; none for initials.
create or replace temp macro full_name_key(given, family) as
    case
        when given is not null and family is not null and not initials_only(given)
            then array_to_string(list_sort(string_split(given || ' ' || family, ' ')), ' ')
    end;

-- 'm dupont' for Marie Dupont and M. DUPONT alike.
create or replace temp macro initial_name_key(given, family) as
    case
        when given is not null and family is not null then left(given, 1) || ' ' || family
    end;

-- Known customers with whether an email, a phone or a platform's customer number identifies
-- them: a name joins nothing to a customer so identified (identity.match.name_attachments).
create or replace temp macro customer_strength() as table
    select
        c.customer_id,
        c.first_name,
        c.last_name,
        c.postal_code,
        c.email is not null or c.phone is not null or exists (
            select 1 from customer_keys as k
            where k.customer_id = c.customer_id and k.kind = 'platform_id'
        ) as is_strong
    from customers as c;

-- Pairs of customers (x < y) the owner said are two people (kept apart, or a merge split again):
-- an import never merges them and the duplicates view does not suggest them again.
create or replace temp macro apart_pairs() as table
    select distinct
        least(kept_customer_id, merged_customer_id) as x,
        greatest(kept_customer_id, merged_customer_id) as y
    from customer_merges
    where action in ('split', 'distinct');

-- name: name_keys
-- The weak key of each person of the file (macro from match_name_key_macro.sql).
select person, name_key(first_name, last_name, full_name, postal_code) as name_key
from people_names
order by person

-- name: name_only_keys
-- Name keys of the file's people (macros from match_name_key_macro.sql), with the first name
-- when it is more than initials and the postcode (two different ones under a key: two people).
-- `relevant`: the key is carried by a person of the file with no email, phone or customer number,
-- or by a known customer with none: only such keys can join anything (a key whose carriers are
-- all strongly identified designates one of them at most, see identity.match.sound_components).
with names as (
    select person, strong, name_text(first_name) as given, name_text(last_name) as family,
        postal_code
    from name_people
),

keys as (
    select person, strong, 'full_name' as kind, full_name_key(given, family) as value, given,
        postal_code
    from names
    union all
    select person, strong, 'initial_name' as kind, initial_name_key(given, family) as value,
        given, postal_code
    from names
),

file_keys as (
    select * from keys where value is not null
),

weak_customers as (
    select name_text(first_name) as given, name_text(last_name) as family
    from customer_strength()
    where not is_strong
),

weak_keys as (
    select 'full_name' as kind, full_name_key(given, family) as value from weak_customers
    union
    select 'initial_name' as kind, initial_name_key(given, family) as value from weak_customers
    union
    select kind, value from file_keys where not strong
),

final as (
    select
        f.person,
        f.kind,
        f.value,
        case when not initials_only(f.given) then f.given end as given,
        f.postal_code,
        w.value is not null as relevant
    from file_keys as f
    left join weak_keys as w on w.kind = f.kind and w.value = f.value
)

select * from final order by person, kind

-- name: name_only_known
-- Known customers carrying one of the file's name keys, with their first name, postcode and
-- whether an email, phone or platform customer number identifies them.
with wanted as (
    select distinct kind, value from name_keys
),

names as (
    select
        customer_id,
        name_text(first_name) as given,
        name_text(last_name) as family,
        postal_code,
        is_strong
    from customer_strength()
    where first_name is not null and last_name is not null
),

keys as (
    select customer_id, 'full_name' as kind, full_name_key(given, family) as value, given,
        postal_code, is_strong
    from names
    union all
    select customer_id, 'initial_name' as kind, initial_name_key(given, family) as value, given,
        postal_code, is_strong
    from names
),

final as (
    select
        k.customer_id,
        k.kind,
        k.value,
        case when not initials_only(k.given) then k.given end as given,
        k.postal_code,
        k.is_strong
    from keys as k
    inner join wanted as w on w.kind = k.kind and w.value = k.value
)

select * from final

-- name: new_ids
select nextval('customers_seq') as id from range($n)

-- name: suppressions
-- Whoever says no to email marketing goes on the suppression list, which no later file undoes.
insert into suppressions (email, since, source)
select email, $now, $file_name
from matched_people
where opt_in = false and email is not null
group by email
on conflict do nothing

-- name: update_customers
-- Known customers: fill what they lacked, move first_seen back if this file knew them earlier.
with incoming as (
    select
        customer,
        arg_max(email, (seen_at, file_row)) filter (where email is not null) as email,
        arg_max(phone, (seen_at, file_row)) filter (where phone is not null) as phone,
        arg_max(first_name, (seen_at, file_row)) filter (where first_name is not null) as first_name,
        arg_max(last_name, (seen_at, file_row)) filter (where last_name is not null) as last_name,
        arg_max(full_name, (seen_at, file_row)) filter (where full_name is not null) as full_name,
        arg_max(postal_code, (seen_at, file_row)) filter (where postal_code is not null) as postal_code,
        arg_max(city, (seen_at, file_row)) filter (where city is not null) as city,
        arg_max(country, (seen_at, file_row)) filter (where country is not null) as country,
        min(seen_at) as first_seen
    from matched_people
    where not is_new
    group by customer
),

-- A first name known only as initials ('M.' from a PrestaShop order) gives way, with its last
-- name, to the full first name of the same person: same customers whichever file came first.
renamed as (
    select i.customer
    from incoming as i
    inner join customers as c on c.customer_id = i.customer
    where initials_only(name_text(c.first_name))
      and not initials_only(name_text(i.first_name))
      and left(name_text(c.first_name), 1) = left(name_text(i.first_name), 1)
      and name_text(c.last_name) = name_text(i.last_name)
),

final as (
    select i.*, r.customer is not null as rename
    from incoming as i
    left join renamed as r on r.customer = i.customer
)

update customers as c
set
    email = coalesce(c.email, i.email),
    phone = coalesce(c.phone, i.phone),
    first_name = case when i.rename then i.first_name else coalesce(c.first_name, i.first_name) end,
    last_name = case when i.rename then i.last_name else coalesce(c.last_name, i.last_name) end,
    full_name = coalesce(c.full_name, i.full_name),
    postal_code = coalesce(c.postal_code, i.postal_code),
    city = coalesce(c.city, i.city),
    country = coalesce(c.country, i.country),
    first_seen = least(c.first_seen, i.first_seen)
from final as i
where c.customer_id = i.customer
  and (
      i.rename or c.email is null or c.phone is null or c.first_name is null or c.last_name is null
      or c.full_name is null or c.postal_code is null or c.city is null or c.country is null
      or i.first_seen < c.first_seen
  )

-- name: weak_known
-- Known customers designated by each weak key of the file, with their strong identifiers
-- (platform accounts as a list: one person may have an account on several platforms).
with wanted as (
    select value from weak_keys
),

accounts as (
    select customer_id, list(value order by value) as platform_ids
    from customer_keys
    where kind = 'platform_id'
    group by customer_id
),

known as (
    select
        customer_id,
        email,
        phone,
        name_key(first_name, last_name, full_name, postal_code) as value
    from customers
    where postal_code is not null
),

final as (
    select k.value, k.customer_id, k.email, k.phone, a.platform_ids
    from known as k
    inner join wanted as w on w.value = k.value
    left join accounts as a on a.customer_id = k.customer_id
)

select * from final
