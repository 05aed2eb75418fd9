-- name: read
-- Every setting the owner changed (the others have their default in store/settings.py).
select key, value from settings

-- name: write
insert or replace into settings (key, value) values ($key, $value)
