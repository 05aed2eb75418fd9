insert into forgotten_keys (key_sha256, forgotten_at)
select key_sha256, $now from forget_hashes
on conflict do nothing
