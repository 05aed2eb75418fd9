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
-- them: a name joins nothing to a customer so identified (ingest.match.name_attachments).
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
