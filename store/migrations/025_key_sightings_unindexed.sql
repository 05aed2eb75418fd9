-- key_sightings without its primary key: an import writes each of its keys once (a distinct
-- select under a new import id, identity/sql/match.sql), so the index only cost time, checking
-- hundreds of thousands of keys per customer file (bench/RESULTS.md, workbook import). Reads
-- join or filter it whole (ingest/sql/remove.sql, identity/sql/identity.sql). Numbered 025:
-- the numbers before are left to branches that may add them at the same time.
create table key_sightings_unindexed as
select kind, value, import_id
from key_sightings;

drop table key_sightings;

create table key_sightings (
    kind            varchar not null,
    value           varchar not null,
    import_id       integer not null
);

insert into key_sightings (kind, value, import_id)
select kind, value, import_id
from key_sightings_unindexed;

drop table key_sightings_unindexed;
