-- Name keys of the file's people (macros from match_name_key_macro.sql), with the first name
-- when it is more than initials and the postcode (two different ones under a key: two people).
with names as (
    select person, name_text(first_name) as given, name_text(last_name) as family, postal_code
    from name_people
),

keys as (
    select person, 'full_name' as kind, full_name_key(given, family) as value, given, postal_code
    from names
    union all
    select person, 'initial_name' as kind, initial_name_key(given, family) as value, given,
        postal_code
    from names
),

final as (
    select
        person, kind, value, case when not initials_only(given) then given end as given,
        postal_code
    from keys
    where value is not null
)

select * from final order by person, kind
