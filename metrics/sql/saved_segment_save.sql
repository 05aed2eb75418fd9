-- Keep a segment builder's questions under $segment_name, replacing those of a segment of that
-- name.
insert into saved_segments (name, filter, saved_at)
values ($segment_name, $filter, $saved_at)
on conflict (name) do update set filter = excluded.filter, saved_at = excluded.saved_at
returning name
