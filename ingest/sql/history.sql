-- name: import_rejects
select row_number, reason, raw
from rejects
where import_id = $import_id
order by row_number

-- name: imports_log
-- Every imported file, newest first, with what it brought.
select
    import_id,
    file_name,
    started_at,
    source,
    file_kind,
    rows_read,
    rows_loaded,
    rows_rejected,
    orders_new,
    orders_updated,
    orders_unchanged,
    customers_new
from imports
order by import_id desc
