-- Forget the saved segment $segment_name (the lists already exported stay in the export log).
delete from saved_segments
where name = $segment_name
returning name
