-- name: fingerprint
-- The fingerprint of the definitions the database holds (none before their first creation).
select sha256 from definitions_fingerprint

-- name: forget
delete from definitions_fingerprint

-- name: keep
insert into definitions_fingerprint (sha256) values ($sha256)
