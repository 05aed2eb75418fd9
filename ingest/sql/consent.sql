-- name: insert
-- A consent file's statements (ingest/consent.py), except those about a forgotten address
-- (forgotten_keys holds the hash of 'email:…' / 'phone:…') and those already stored from an
-- earlier file: importing the same list twice changes nothing. The statements are numbered in the
-- order of their address (a distinct's rows come in the order its threads finish: the same file
-- imported twice numbered them differently).
with fresh as (
    select distinct address, channel, consent, stated_at
    from file_statements
)

insert into consent_channels (address, channel, consent, stated_at, source, import_id)
select f.address, f.channel, f.consent, f.stated_at, $file_name, $import_id
from fresh as f
where not exists (
        select 1 from forgotten_keys as k
        where k.key_sha256 = sha256(
            case when f.channel = 'email' then 'email:' else 'phone:' end || f.address)
    )
  and not exists (
        select 1 from consent_channels as c
        where c.address = f.address and c.channel = f.channel and c.consent = f.consent
          and c.stated_at is not distinct from f.stated_at
    )
order by f.address, f.channel, f.consent, f.stated_at  -- ids in one order, not the threads'

-- name: known
-- Of a file's addresses, how many are a known customer's.
select count(distinct customer_keys.value)
from file_statements
inner join customer_keys
    on customer_keys.value = file_statements.address
    and customer_keys.kind = case when file_statements.channel = 'email' then 'email' else 'phone' end
