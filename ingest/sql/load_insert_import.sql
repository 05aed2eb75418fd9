insert into imports (file_name, sha256, source, file_kind, options, status, started_at)
values ($file_name, $sha256, $source, $file_kind, $options, 'loading', $now)
returning import_id
