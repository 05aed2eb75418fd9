-- Lists exported before any remaining import: they could only hold the removed imports' people.
delete from export_log
where exported_at < coalesce(
    (select min(started_at) from imports where not list_contains($ids, import_id)),
    'infinity'::timestamp
)
