-- This import carried these keys (store/migrations/012_key_sightings.sql).
insert into key_sightings (kind, value, import_id)
select distinct kind, value, $import_id
from person_keys
where customer_id is not null
on conflict do nothing
