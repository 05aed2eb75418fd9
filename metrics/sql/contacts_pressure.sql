-- Commercial pressure (glossary: commercial_pressure): the people of the customer file the
-- contact log shows contacted more than $threshold times in the $days days ending at $until.
with

recent as (
    select contact_log.customer_id, count(*) as contacts
    from contact_log
    inner join customers on customers.customer_id = contact_log.customer_id
    where contacted_at > $until::timestamp - to_days($days::integer)
      and contacted_at <= $until::timestamp
    group by contact_log.customer_id
),

final as (
    select
        count(*) filter (where contacts > $threshold) as pressed,
        count(*) as contacted
    from recent
)

select * from final
