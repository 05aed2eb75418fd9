-- One row of the export log (store/migrations/002_exports.sql) per list that left the app.
insert into export_log (
    exported_at, description, filter, format, consent_only, rows_exported, rows_left_out, file_name
)
values (
    $exported_at, $description, $filter, $format, $consent_only, $rows_exported, $rows_left_out,
    $file_name
)
returning export_id
