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
