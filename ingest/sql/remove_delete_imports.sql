delete from imports where list_contains($ids, import_id)
