-- One row of the export log (store/migrations/002_exports.sql, 016_consent.sql) per list that
-- left the app.
insert into export_log (
    exported_at, description, filter, format, consent_only, rows_exported, rows_left_out, file_name,
    channel, rows_recently_contacted
)
values (
    $exported_at, $description, $filter, $format, $consent_only, $rows_exported, $rows_left_out,
    $file_name, $channel, $rows_recently_contacted
)
returning export_id
