-- The export log, newest first.
with

final as (
    select
        export_id, exported_at, description, format, channel, consent_only, rows_exported,
        rows_left_out, rows_recently_contacted, file_name
    from export_log
)

select * from final
order by exported_at desc, export_id desc
