-- The weak identity key: sorted normalised words of the name, a bar, the postcode.
with people as (
    select
        person,
        coalesce(nullif(trim(concat_ws(' ', first_name, last_name)), ''), full_name) as name,
        postal_code
    from people_names
),

words as (
    select
        person,
        list_sort(list_filter(
            string_split(regexp_replace(strip_accents(lower(name)), '[^a-z0-9]+', ' ', 'g'), ' '),
            lambda w: w <> ''
        )) as name_words,
        postal_code
    from people
),

final as (
    select
        person,
        case
            when len(name_words) > 0 and postal_code is not null
                then array_to_string(name_words, ' ') || '|' || postal_code
        end as name_key
    from words
)

select * from final order by person
