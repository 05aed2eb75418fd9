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
