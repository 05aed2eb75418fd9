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
