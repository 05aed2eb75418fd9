-- Every import whose rows carried an identity key (customer_keys keeps only the import that
-- created it): removing imports (the demo shop, ingest/remove.py) keeps a key another import
-- also carried and drops one only the removed imports gave. Numbered 012: 010 and 011 are left
-- to branches that may add them at the same time. Bases filled before know only each key's
-- first import.
create table key_sightings (
    kind            varchar not null,
    value           varchar not null,
    import_id       integer not null,
    primary key (kind, value, import_id)
);

insert into key_sightings (kind, value, import_id)
select kind, value, import_id
from customer_keys
where import_id is not null;
