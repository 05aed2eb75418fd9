-- Name keys of the file's people (macros from match_name_key_macro.sql), with the first name
-- when it is more than initials and the postcode (two different ones under a key: two people).
-- `relevant`: the key is carried by a person of the file with no email, phone or customer number,
-- or by a known customer with none: only such keys can join anything (a key whose carriers are
-- all strongly identified designates one of them at most, see ingest.match.sound_components).
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
