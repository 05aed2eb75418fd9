-- The saved segments, by name (case and accents ignored).
with

final as (
    select segment_id, name, filter::varchar as filter, saved_at
    from saved_segments
)

select * from final
order by strip_accents(lower(name)), segment_id
