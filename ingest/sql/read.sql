-- name: body
-- The data rows of a delimited file, every cell as trimmed text (blank = NULL); malformed records
-- go to rejects_table.
select nullif(trim(columns(*)), '')
from read_csv(
    $path,
    delim = $delim,
    header = false,
    quote = '"',
    escape = '"',
    new_line = '\n',
    columns = $columns,
    auto_detect = false,
    null_padding = false,
    store_rejects = true,
    rejects_table = 'body_rejects',
    rejects_scan = 'body_scans',
    max_line_size = 10000000
)

-- name: body_rejects
-- One row per malformed record (a record can have several errors: keep the first).
with errors as (
    select line, error_type, csv_line, column_idx
    from body_rejects
),

final as (
    select line, first(error_type order by column_idx) as error_type, first(csv_line) as csv_line
    from errors
    group by line
)

select * from final order by line
