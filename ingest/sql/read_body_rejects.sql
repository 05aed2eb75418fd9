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
