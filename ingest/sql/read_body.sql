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
