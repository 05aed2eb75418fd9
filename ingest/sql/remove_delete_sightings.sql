delete from key_sightings where list_contains($ids, import_id)
