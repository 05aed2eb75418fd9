insert into forgotten_keys (key_sha256, forgotten_at)
select distinct unnest($hashes), $now
on conflict do nothing
