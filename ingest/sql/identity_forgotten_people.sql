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
