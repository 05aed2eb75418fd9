-- Merges that stand, newest first, with both people, what moved and whether an import made it
-- ('auto') rather than the owner; a split needs the kept customer to exist (it may itself have
-- been merged since).
with moved as (
    select merged_customer_id, count(*) filter (where kind = 'order') as orders_moved
    from customer_merge_moves
    group by merged_customer_id
),

automatic as (
    select distinct merged_customer_id, merged_at
    from customer_merges
    where action = 'auto'
),

final as (
    select
        m.merged_at,
        m.kept_customer_id as kept_id,
        coalesce(nullif(trim(concat_ws(' ', k.first_name, k.last_name)), ''), k.full_name)
            as kept_name,
        k.email as kept_email,
        m.merged_customer_id as merged_id,
        coalesce(nullif(trim(concat_ws(' ', m.first_name, m.last_name)), ''), m.full_name)
            as merged_name,
        m.email as merged_email,
        m.phone as merged_phone,
        coalesce(v.orders_moved, 0) as orders_moved,
        k.customer_id is not null as can_split,
        a.merged_customer_id is not null as automatic
    from merged_customers as m
    left join customers as k on k.customer_id = m.kept_customer_id
    left join moved as v on v.merged_customer_id = m.merged_customer_id
    left join automatic as a
        on a.merged_customer_id = m.merged_customer_id and a.merged_at = m.merged_at
)

select * from final
order by merged_at desc, merged_id
