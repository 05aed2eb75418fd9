delete from rejects where list_contains($ids, import_id)
