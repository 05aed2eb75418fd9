delete from key_sightings where (kind, value) in (select kind, value from forget_keys)
