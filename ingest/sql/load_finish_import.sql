update imports
set
    rows_read = $rows_read,
    rows_loaded = $rows_loaded,
    rows_rejected = $rows_rejected,
    orders_new = $orders_new,
    orders_updated = $orders_updated,
    orders_unchanged = $orders_unchanged,
    customers_new = $customers_new,
    messages = $messages,
    status = 'loaded',
    finished_at = $now
where import_id = $import_id
